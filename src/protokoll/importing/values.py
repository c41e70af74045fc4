"""Small value readers shared by the parser stages: dates, clock times, counts, § ranges."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from protokoll.importing import rules


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# how every ordinal day word ends, before the month after it
_ORDINAL_ENDS = ("de ", "te ", "je ", "sta ", "dra ", "DE ", "TE ", "JE ", "STA ", "DRA ")


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every date in ``text`` with its offset: ISO dates, Swedish "9 juni 2020", "9/6 2020" and
    "9.6.2020"."""
    out: list[tuple[int, dt.date]] = []
    for m in rules.ISO_DATE.finditer(text):
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            out.append((m.start(), d))
    for m in rules.TEXT_DATE.finditer(text):
        d = _date(int(m.group(3)), rules.MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
        if d:
            out.append((m.start(), d))
    if any(end in text for end in _ORDINAL_ENDS):  # "fjortonde april 2009", "tredje mars 1987"
        for m in rules.ORDINAL_DATE.finditer(text):
            day = rules.ORDINAL_DAYS[m.group(1).lower()]
            d = _date(int(m.group(3)), rules.MONTHS[m.group(2).lower()], day)
            if d:
                out.append((m.start(), d))
    if "/" in text:
        for m in rules.SLASH_DATE.finditer(text):
            d = _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                out.append((m.start(), d))
    if "." in text:
        for m in rules.DOTTED_DATE.finditer(text):
            d = _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                out.append((m.start(), d))
    out.sort(key=lambda pair: pair[0])
    return out


def first_date(text: str | None) -> dt.date | None:
    found = find_dates(text or "")
    return found[0][1] if found else None


def due_date(text: str) -> dt.date | None:
    """A deadline: a full date, or "februari 2024" read as the month's last day."""
    d = first_date(text)
    if d:
        return d
    m = rules.MONTH_YEAR.search(text)
    if m:
        year, month = int(m.group(2)), rules.MONTHS[m.group(1).lower()]
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return None


def clock(h: str, m: str) -> str:
    return f"{int(h):02d}:{m}"


def clock_range(text: str) -> tuple[str | None, str | None]:
    m = rules.CLOCK_RANGE.search(text)
    if m:
        start, end = clock(m.group(1), m.group(2)), clock(m.group(3), m.group(4))
        # a meeting with a break printed as two ranges ("09.00–12.00 och 13.00–15.30") ends with
        # the later one; a range inside the first (an ajournering) does not move the end
        while (more := rules.NEXT_CLOCK_RANGE.match(text, m.end())) is not None:
            if clock(more.group(1), more.group(2)) <= end:
                break
            m, end = more, clock(more.group(3), more.group(4))
        return start, end
    m = rules.CLOCK.search(text)
    if m:
        return clock(m.group(1), m.group(2)), None
    return None, None


def count(word: str | None) -> int:
    if not word:
        return 0
    word = word.lower()
    if word.isdecimal():  # isdigit() is also true for "¹" and "①", which int() refuses
        return int(word)
    return rules.NUMBER_WORDS.get(word, 0)


_RANGE_SPLIT = re.compile(r"\s*(?:,|och|samt)\s*")
_RANGE = re.compile(r"^(\d{1,4})\s*(?:(?:-|–|—|till)\s*(?:§\s*)?(\d{1,4}))?$")


def paragraph_ranges(spec: str) -> list[tuple[int, int]]:
    """'26 - 42', '57, 60', '170, 172-184' → inclusive ranges."""
    out: list[tuple[int, int]] = []
    for part in _RANGE_SPLIT.split(spec.strip()):
        m = _RANGE.match(part.strip())
        if not m:
            continue
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if b < a:
            a, b = b, a
        if b - a < 1000:
            out.append((a, b))
    return out


def squash(text: str) -> str:
    # most texts are already squashed: the only blank str.isprintable() allows is " ", so a
    # printable text without a double, leading or trailing space is returned without a copy
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


_BROKEN_DOUBLE_NAME = re.compile(r"[^\W\d][-–]$")


def join_wrapped(first: str, then: str) -> str:
    """Two lines of one wrapped sentence. A line that breaks after the hyphen of a double name
    ("Anna-" / "Karin af Ugglas (S)") or the dash between two places ("delen Sälgmora–" /
    "Backsjön") is joined without a space; a hyphen before a lower-case word is Swedish's shared
    ending ("kultur- och fritidsnämnden") and keeps it."""
    if then[:1].isupper() and _BROKEN_DOUBLE_NAME.search(first):
        return first + then
    return f"{first} {then}"


# Words a title goes on after: a capital that follows one belongs to the title ("Detaljplan för
# Sapphult", "Anhörigföreningen i Östhammars kommun"), never starts the next text.
_TITLE_LINKS = frozenset(
    # fmt: off
    [
        "för",
        "och",
        "av",
        "i",
        "om",
        "till",
        "med",
        "på",
        "från",
        "samt",
        "inom",
        "vid",
        "över",
        "mot",
        "enligt",
        "under",
        "efter",
        "hos",
        "kring",
        "inför",
        "gällande",
        "avseende",
        "angående",
        "att",
        "mellan",
        "ur",
        "åt",
        "per",
        "eller",
        "respektive",
        "den",
        "det",
        "de",
        "en",
        "ett",
        "ny",
        "nytt",
        "nya",
        # and the nouns that introduce a name: "betänkandet Ökad kvalitet i äldreomsorgen",
        # "kvarteret Smedjan", "föreningen Gnistan", "projektet Framtid"
        "betänkandet",
        "rapporten",
        "promemorian",
        "utredningen",
        "projektet",
        "programmet",
        "strategin",
        "avtalet",
        "föreningen",
        "bolaget",
        "stiftelsen",
        "kvarteret",
        "fastigheten",
        "fastigheterna",
        "området",
        "motionen",
        "skolan",
        "förskolan",
        "gatan",
        "vägen",
        "parken",
        "huset",
        "torget",
        "stadsdelen",
        "tätorten",
        "orten",
        "byn",
    ]
    # fmt: on
)


# Capitalised words that open a sentence and never go on with a title in sentence case: its
# pronouns and articles, and the conjunctions a § text starts with ("Föredragningslista Ett nytt
# ärende tillkommer", "Upprop och val av justerare Sedan upprop förrättats …").
_SENTENCE_OPENERS = frozenset(
    [
        "Ett",
        "En",
        "Den",
        "Det",
        "De",
        "Detta",
        "Denna",
        "Dessa",
        "Inga",
        "Ingen",
        "Inget",
        "Att",
        "Sedan",
        "Då",
    ]
)
# the end of a finite verb, present ("redovisar", "har", "gäller"), passive ("föreslås",
# "godkänns") or past ("beslutade", "utsågs"), as it follows the subject that opens a sentence
_FINITE_VERB_END = ("r", "s", "de", "te")


def _opens_sentence(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` opens a sentence run on after a title: a sentence opener, the
    title's first word said again ("Upprop Upprop förrättas"), a word of the title in its
    definite form ("Föregående protokoll Protokollet från …"), or a noun in its definite form
    followed by a verb ("Förvaltningen har berett …", "Höstterminen föreslås börja …"), which
    a name or a number inside a title is not followed by."""
    word = words[i]
    if word in _SENTENCE_OPENERS or (i == 1 and word == words[0] and word[1:].islower()):
        return True
    low = word.lower()
    if (
        word[:1].isupper()
        and word[1:].islower()
        and low.endswith(("en", "et", "na", "n", "t"))
        and any(len(w) >= 5 and low != w.lower() and low.startswith(w.lower()) for w in words[:i])
    ):
        return True  # the title's noun in its definite form: "Föregående protokoll Protokollet från …"
    after = words[i + 1] if i + 1 < len(words) else ""
    return (
        len(word) >= 5
        and word[0].isupper()
        and word[1:].isalpha()
        and word[1:].islower()
        and word.endswith(("en", "et", "na", "an"))
        and len(after) >= 2
        and after.isalpha()
        and after.islower()
        and after.endswith(_FINITE_VERB_END)
    )


def sentence_start(text: str) -> int | None:
    """The offset of the first word after the first that surely opens a sentence
    (``_opens_sentence``), or None."""
    words = text.split(" ")
    at = len(words[0]) + 1
    for i in range(1, len(words)):
        if words[i - 1] not in _TITLE_LINKS and _opens_sentence(words, i):
            return at
        at += len(words[i]) + 1
    return None


def title_end(text: str) -> int | None:
    """Where a title set flat against what follows it ends, or None when nothing shows it.

    A Swedish title is written in sentence case, so after its first word a capital opens
    something new: the next title of an agenda whose numbers were lost ("Fastställande av
    dagordning Redovisning av delegationsbeslut …") or the text of the § run onto its title's
    line ("Allmänhetens frågestund Inga frågor ställs."). The end is the first capitalised word
    after a lower-case word that is not a link word; a capital after a name or a number goes on
    with the title ("Montören 7 Tillbyggnad köpcentrum") unless it opens a sentence
    (``_opens_sentence``). A title in capitals ends where the capitals do ("VAL AV JUSTERARE Att
    jämte ordföranden …"). Returns the offset of the next part."""
    words = text.split(" ")
    at = len(words[0]) + 1
    for i in range(1, len(words)):
        word, prev = words[i], words[i - 1]
        if len(word) > 1 and word[0].isupper() and word[1].islower() and prev not in _TITLE_LINKS:
            if (i >= 2 and prev[:1].islower() and prev[-1:].isalpha()) or _opens_sentence(words, i):
                return at
            if i >= 2 and all(w.isupper() or not w.isalpha() for w in words[:i]) and prev.isalpha():
                return at
        at += len(word) + 1
    return None


def ending_dnr(text: str) -> tuple[str, str] | None:
    """(what stands before it, the Dnr) when a Dnr ends ``text`` as it ends a § heading or an
    ärendelista row (rules.HEADING_DNR: after a column gap, in parentheses, with its organ's
    prefix); None when none does."""
    m = rules.HEADING_DNR.search(text)
    if m is None:
        return None
    return text[: m.start()], next(g for g in m.groups() if g)
