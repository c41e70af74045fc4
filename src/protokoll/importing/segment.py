"""Segment: split cleaned lines into the header, the agenda (ärendelista) and one section per §.

A § number is a section only when it is *structure*: a heading at the start of a line whose
rest looks like the start of a section (nothing, a Dnr, a title), not like a reference
("§ 74, 2023-05-23"). Agenda rows (dot leaders, a page number after a tab, rows packed under
an "Ärendelista" label) give titles, never items. When a number occurs more than once the last
full occurrence wins, because agendas come before the sections they list.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from protokoll.importing import rules
from protokoll.importing.clean import Line
from protokoll.importing.prefilter import required_words
from protokoll.importing.values import ending_dnr, title_end


@dataclass
class Heading:
    index: int  # position in the cleaned lines
    number: int
    rest: str
    rule: str
    agenda_like: bool
    last: int | None = None  # the last § a "§§ 1–3" heading covers
    letter: str = ""  # "§ 87 a": an ärende added after § 87, numbered with a letter


@dataclass
class Section:
    number: int
    heading: Line
    rest: str  # the heading line after the number (Dnr, title …)
    lines: list[Line] = field(default_factory=list)


@dataclass
class Segments:
    header: list[Line]
    sections: list[Section]
    agenda: dict[int, str]  # § number → title as the agenda writes it
    agenda_dnr: dict[int, str]
    trailing: list[Line] = field(default_factory=list)
    appendix: list[Line] = field(default_factory=list)  # an attendance list after the last §
    vote_appendix: list[Line] = field(default_factory=list)  # voteringar in columns after the last §
    lettered: list[str] = field(default_factory=list)  # "§ 87 a" sections that no integer § can hold
    # the §§ are titled by headlines that are no § headings ("Ny taxa …" over "Paragraf 21 · Dnr
    # …", "Title (§ 146)", a mark closing its ärende): a news page's way, not a list of §§
    headlined: bool = False


# a letter after the § number ("§ 87 a Title", "§ 87a"): an ärende added between § 87 and § 88.
# Only a–h, before a capital or the line end, so that a word ("§ 5 i …") is never taken for one.
_LETTER = re.compile(r"^[ ]?(?P<letter>[a-h])(?=[ \t]+[A-ZÅÄÖ]|[ \t]*$)")

_TITLE_START = re.compile(r"^\s*(?:[\t ]|dnr\b|diarie|[A-ZÅÄÖ0-9\"”'«(*–\-])", re.IGNORECASE)


# the heading rules that can match a line without a § sign ("Paragraf 57", "Sn 49"), read off
# the patterns: the others need one in every match, so a line without it is not tried on them
_RULES_WITHOUT_SIGN = tuple(
    rule
    for rule in rules.HEADING_RULES
    if not all("§" in word for word in required_words(rule.pattern, min_word=1) or {""})
)


# running headers, agenda rows and the title above a heading are asked again
@functools.lru_cache(maxsize=2048)
def match_heading(text: str) -> tuple[int, str, str] | None:
    """(number, rest, rule name) when ``text`` starts like a § heading."""
    if "§" not in text and not text[-1:].isdigit() and not text.startswith("Paragraf "):
        return None  # every heading rule needs a § sign, "Paragraf" or a line ending in its number
    for rule in rules.HEADING_RULES if "§" in text else _RULES_WITHOUT_SIGN:
        m = rule.pattern.match(text)
        if not m:
            continue
        rest = m.groupdict().get("rest") or ""
        if m.groupdict().get("dnr"):
            rest = f"{rest}\t{m.group('dnr')}"  # "Title<TAB>HSN § 90 · Dnr HSN 2025-00456"
        if rest[:1] in ".:" and rest[1:2] in ("", " ", "\t"):
            rest = rest[1:]  # "§11." / "§ 11: Budget": the heading's own punctuation, not a reference
        elif (dot := _MARK_SEPARATOR.match(rest)) is not None:
            rest = rest[dot.end() :]  # "§ 187 · Dnr KS/2025:298", "§ 61 | Title": a separator, no text
        if rest and (rules.REFERENCE_REST.match(rest) or not _TITLE_START.match(rest)):
            return None
        if rule.name == "number_then_sign" and (rest.strip()[:1].islower() or rules.STATUTE.match(rest)):
            return None  # a statute reference wrapped to the line start: "6 § lagen (1990:52) …", "2 § LVU."
        if rule.name == "organ_number":
            org = m.group("org")
            if org.lower() in {"kl", "sid", "sida", "nr", "id", "tel", "ja"}:
                return None  # "Kl 13", "Sid 4", and a tally row "Ja<TAB>4"
        if rule.name in ("section_sign", "paragraph_range") and m.groupdict().get("org"):
            org = m.group("org")
            # "Bilaga § 3" or a word glued before § is prose, an organ prefix is short
            if len(org) > 4 and not org.isupper() and not _BODY_NAME.fullmatch(org):
                return None
        return int(m.group("num")), rest, rule.name
    return None


_BODY_NAME = re.compile(rules.BODY_NAME)

_GROUP_TITLE = re.compile(r"^.{1,80}(?<![.!?])$")
# the lines a long agenda row may wrap onto before the next row: two more lines of its title
# and a list number of its own ("2.")
_ROW_WRAP = 3


def _wrapped_row(lines: list[Line], i: int) -> bool:
    """Line ``i`` goes on with the agenda row above it ("2. § 9 Detaljplan för … enligt" /
    "PBL 5 kap. 18 §"): it opens in lower case or ends without a full stop, and the next row
    follows within a few lines. A sentence there is the text of a section instead."""
    text = lines[i].text.rstrip()
    if (text.endswith((".", "!", "?", ":")) and not text[:1].islower()) or _section_start(text):
        return False
    return any(match_heading(ln.text) for ln in lines[i + 1 : i + 1 + _ROW_WRAP])


def _section_start(text: str) -> bool:
    """A section label ("Beslut") or a Dnr: what opens a §'s text, never an agenda's next row."""
    return bool(rules.DNR_LABEL.match(text) or rules.ANY_SECTION_LABEL.match(text))


# a person and their post after a § number, as a flattened list of officials gives it when one
# attends a § only: "Henrik Sollén, ekonomichef § 78 Maja Törnqvist, kommunsekreterare"
_PERSON_WITH_POST = re.compile(rf"^{rules.NAME},\s*([a-zåäö][\w-]{{2,40}})\b")


def _headings(lines: list[Line]) -> list[Heading]:
    found: list[Heading] = []
    in_agenda = False
    last_agenda: int | None = None
    row_end = -1  # the last line of the latest heading: its own, or one its title wrapped onto
    for i, line in enumerate(lines):
        if rules.AGENDA_LABEL.match(line.text):
            in_agenda = True
            continue
        hit = match_heading(line.text)
        if hit is None:
            if in_agenda and _wrapped_row(lines, i):
                row_end = i if row_end == i - 1 else row_end
                continue
            if in_agenda and not rules.AGENDA_ROW.search(line.text) and len(line.text) > 3:
                # a non-row line ends the agenda unless it is a group title ("Beslutspunkter"),
                # which is short and no sentence
                group = bool(_GROUP_TITLE.match(line.text))
                in_agenda = group and i + 1 < len(lines) and bool(match_heading(lines[i + 1].text))
                if (
                    (not group or _section_start(line.text))
                    and found
                    and row_end == i - 1
                    and found[-1].agenda_like
                ):
                    # a sentence, a label ("Beslut") or a Dnr under it, or under the lines it
                    # seemed to wrap onto (a portal's "Visa mer"): that heading opened a
                    # section, it was no agenda row
                    found[-1].agenda_like = bool(rules.AGENDA_ROW.search(lines[found[-1].index].text))
            continue
        number, rest, rule = hit
        if (post := _PERSON_WITH_POST.match(rest.strip())) and rules.OFFICIAL_TITLE.search(post.group(1)):
            continue  # "… ekonomichef § 78 Maja Törnqvist, kommunsekreterare": the § an official attends
        letter = _LETTER.match(rest) if rule == "section_sign" else None
        if letter:
            rest = rest[letter.end() :]
        if in_agenda and (not rest.strip() or (last_agenda is not None and number <= last_agenda)):
            in_agenda = False  # the sections begin: a bare heading, or the numbering starts over
        agenda_like = bool(rules.AGENDA_ROW.search(line.text)) or in_agenda
        if agenda_like:
            last_agenda = number
        row_end = i
        heading = Heading(i, number, rest, rule, agenda_like, _range_end(line.text, number, rule))
        heading.letter = letter.group("letter") if letter else ""
        found.append(heading)
    # a headline ending in its § ("Title (§ 146)") heads a section only in a text with no other
    # § headings: in a protocol the same shape is a reference ("Arbetsutskottets protokoll (§ 45)")
    if any(h.rule == "title_then_paren_sign" for h in found) and any(
        h.rule != "title_then_paren_sign" and not h.agenda_like for h in found
    ):
        found = [h for h in found if h.rule != "title_then_paren_sign"]
    # a heading directly followed by another heading, with a title on its own line, is an agenda row
    for a, b in zip(found, found[1:], strict=False):
        if b.index == a.index + 1 and a.rest.strip() and b.rest.strip():
            a.agenda_like = a.agenda_like or _is_agenda_run(found, a)
    _contents_before_restart(found)
    return found


# the last row of a table of contents that a flattened page ran on into the meeting's facts:
# its title and page number, then a capital ("Delegationsbeslut 3 Närvaro och justering Plats …")
_ROW_THEN_TEXT = re.compile(r"^(.{3,150}?\s\d{1,3})\s+(?=[A-ZÅÄÖ])")


def _contents_spill(lines: list[Line], found: list[Heading]) -> list[tuple[int, Line]]:
    """The text a flattened page ran on after a table of contents' row, cut from the row: each
    with the row's index, so that what stands before the first § goes to the header."""
    out = []
    for h in found:
        if h.agenda_like and len(h.rest) > 150 and (m := _ROW_THEN_TEXT.match(h.rest.strip())):
            at = lines[h.index]
            out.append((h.index, Line(at.page, at.no, h.rest.strip()[m.end() :])))
            h.rest = m.group(1)
    return out


def _contents_before_restart(found: list[Heading]) -> None:
    """A table of contents with no label of its own, which a flattened page set among the
    headings ("Innehåll … § 71 Budget 2026 2 § 72 … § 75 Delegationsbeslut 3 Närvaro och
    justering Plats och tid … § 71 Budget 2026 …"): where the numbering starts over at a number
    already seen, the run of three or more rising numbers since that number, on lines one after
    the other, was the contents."""
    first: dict[int, int] = {}
    for k, h in enumerate(found):
        j = first.get(h.number)
        if j is None:
            first[h.number] = k
            continue
        run = found[j:k]
        # rows stand on lines one after the other; sections have their text between them
        if len(run) >= 3 and all(
            b.number == a.number + 1 and b.index == a.index + 1 for a, b in zip(run, run[1:], strict=False)
        ):
            for row in run:
                row.agenda_like = True
        first = {h.number: k}


# a shared heading covers a handful of §§, never a whole meeting's worth
_MAX_RANGE = 30


def _range_end(text: str, number: int, rule: str) -> int | None:
    if rule != "paragraph_range":
        return None
    m = rules.HEADING_RULES[0].pattern.match(text)
    last = int(m.group("last")) if m else number
    return last if 0 < last - number <= _MAX_RANGE else None


def _is_agenda_run(found: list[Heading], start: Heading) -> bool:
    """Three or more consecutive heading lines with titles: a table of contents. Not when a line
    holds the § text after its title, as a flattened page split at its § signs gives them."""
    run = [h for h in found if start.index <= h.index < start.index + 3]
    return len(run) >= 3 and all(h.rest.strip() and not _holds_text(h.rest) for h in run)


# a sentence ends inside the line and another begins ("… protokollet. Beslutet …")
_SENTENCE_INSIDE = re.compile(r"[a-zåäö)]{2}\.\s+[A-ZÅÄÖ]")


def _holds_text(rest: str) -> bool:
    """The rest of a heading line holds sentences of text, not a title: a full stop inside it,
    or a line of five words or more that ends in one (a short § on a flattened page, "Meddelanden
    Beslut Meddelandena läggs till handlingarna.", where a table of contents has no stop)."""
    rest = rest.strip()
    return _SENTENCE_INSIDE.search(rest) is not None or (rest.endswith(".") and len(rest.split()) >= 5)


def _choose(found: list[Heading]) -> list[Heading]:
    """Keep one heading per number (the last non-agenda one), in a rising sequence."""
    base = {h.number for h in found if not h.agenda_like and not h.letter}
    last: dict[int, Heading] = {}
    for h in found:
        if h.agenda_like or (h.letter and h.number in base):
            continue  # "§ 87 a" after a "§ 87" of its own is no § 87 (see _lettered)
        last[h.number] = h
    chosen = sorted(last.values(), key=lambda h: h.index)
    # a "§§ 45–48" line is a shared heading only when no later heading falls inside or below its
    # range; otherwise it is an attendance or header line that happens to start with the range
    chosen = [
        h
        for k, h in enumerate(chosen)
        if h.rule != "paragraph_range"
        or (h.last is not None and all(later.number > h.last for later in chosen[k + 1 :]))
    ]
    # numbers must rise through the document; a stray lower number is a reference, not a §
    out: list[Heading] = []
    for h in chosen:
        if out and h.number <= out[-1].number:
            continue
        if out and h.number - out[-1].number > 200:
            continue
        out.append(h)
    return out


def _lettered(found: list[Heading], chosen: list[Heading]) -> list[Heading]:
    """The "§ 87 a" headings that follow the § of their number: each ends that § where it
    begins. An item's § is one integer, unique in the protocol, so such a section can only be
    reported, never numbered (a lettered heading without a § of its own number is that §)."""
    out = []
    for k, base in enumerate(chosen):
        end = chosen[k + 1].index if k + 1 < len(chosen) else None
        out += [
            h
            for h in found
            if h.letter and h.number == base.number and not h.agenda_like and base.index < h.index
            if end is None or h.index < end
        ]
    return out


_DOT_LEADERS = re.compile(r"(?:\.{3,}|(?:\.[ \u00a0]){3,}|…{2,}).*$")


def _agenda_title(rest: str) -> tuple[str, str | None]:
    text = rules.AGENDA_ROW.sub("", rest).strip()
    text = _DOT_LEADERS.sub("", text).strip()
    dnr = None
    m = rules.DNR_LABEL.match(text)
    if m:
        tail = text[m.end() :]
        t = rules.DNR_TOKEN.match(tail)
        if t:
            dnr = t.group("dnr").strip()
            text = tail[t.end() :].strip()
    elif (end := ending_dnr(text)) is not None:
        # the row's Dnr in a column after the title ("§ 91<TAB>Föreläggande …<TAB>BN 2024/233")
        text, dnr = rules.TRAILING_DNR_LABEL.sub("", end[0]), end[1]
    return text.strip(" \t.-"), dnr


# a table of contents' page column, set flat after each row's title (and Dnr) by a viewer that
# turned its tab into a space: "§ 89 Bygglov för …, Tallen 3 BN 2024/512 2"
_TRAILING_PAGE = re.compile(r"\s+(\d{1,3})\s*$")


def _page_column(rows: list[Heading]) -> bool:
    """Every row of a table of contents (three or more) ends in a number and the numbers never
    fall: they are the page column, not the end of each title ("Kvarnen 3")."""
    if len(rows) < 3:
        return False
    pages = [_TRAILING_PAGE.search(h.rest) for h in rows]
    if not all(pages):
        return False
    numbers = [int(m.group(1)) for m in pages if m]
    return (
        all(a <= b for a, b in zip(numbers, numbers[1:], strict=False))
        and numbers[-1] - numbers[0] <= 3 * len(numbers) + 10
    )


_AGENDA_INLINE = re.compile(
    r"\b(?:ärendelista|innehållsförteckning|föredragningslista|behandlade\s*ärenden|förteckning över ärenden)\b",
    re.IGNORECASE,
)
_NUMBERED_ANY = re.compile(r"(?<![\d/§:,.-])(\d{1,4})\.?\s+(?=\w)")
_DNR_START = re.compile(r"\s(?:19|20)\d\d\s*/")
_DNR_TAIL = re.compile(r"(?:\s+(?:\d{4}/\s*|/\s*))+$|\s+\d{4}/\d+\s*$")


def numbered_agenda(text: str, *, after: int | None = None) -> dict[int, str]:
    """A flattened agenda without § signs: "Ärendelista 9 Val av justerare 10 Information …".
    Numbers count only while they rise in small steps, so years and amounts are left alone; the
    very next number counts even before a lower-case word (OCR loses words). ``after`` continues
    an agenda from an earlier line, without a label."""
    if after is None:
        low = text.lower()
        if "lista" not in low and "förteckning" not in low and "ärenden" not in low:
            return {}
        m = _AGENDA_INLINE.search(text)
        if not m:
            return {}
        tail = text[m.end() : m.end() + 4000]
    else:
        tail = text[:4000]
    hits: list[tuple[int, int, int]] = []
    for n in _NUMBERED_ANY.finditer(tail):
        number = int(n.group(1))
        prev = hits[-1][0] if hits else after
        capital = tail[n.end() : n.end() + 1].isupper()
        if prev is not None and not ((capital and 0 < number - prev <= 12) or number - prev == 1):
            continue
        if prev is None and (not capital or n.start() > 40):
            break
        hits.append((number, n.start(), n.end()))
    if after is None and len(hits) < 2 and not (hits and hits[0][1] < 3):
        return {}
    out: dict[int, str] = {}
    for k, (number, _start, end) in enumerate(hits):
        stop = hits[k + 1][1] if k + 1 < len(hits) else min(len(tail), end + 150)
        title = tail[end:stop]
        dnr = _DNR_START.search(title)  # "N Title 2019/…": the row's Dnr ends its title
        closed = dnr is not None or k + 1 < len(hits)
        title = _DNR_TAIL.sub("", title[: dnr.start()] if dnr else title).strip(" .,-–")
        # rows whose numbers were lost run on after this one's title: a capital ends it
        end = title_end(title)
        if end is not None:
            title, closed = title[:end].rstrip(" .,-–"), True
        out[number] = title if closed and len(title) <= 150 else ""
    return out


def starts_block(lines: list[Line], i: int) -> bool:
    """The line opens its page or follows a blank line (a gap in the page's line numbers)."""
    if i == 0:
        return True
    prev, cur = lines[i - 1], lines[i]
    return prev.page != cur.page or cur.no - prev.no > 1


# what a page's running header holds: a document viewer's transcript opens each flattened page
# with the page's number and then its header ("2 VALLSTA KOMMUN SAMMANTRÄDESPROTOKOLL … (2)")
_PAGE_HEADER_WORDS = re.compile(r"Sammanträdesdatum|SAMMANTRÄDESPROTOKOLL|Justerandes\s+sign")


def _page_start(number: int, rest: str) -> bool:
    """A number at a line start that opens a page, not a §: what follows it is the page's header,
    with the words of one or with the same number as its page mark ("(2)", "Sida 2", "2 (5)")."""
    head = rest[:150]
    if _PAGE_HEADER_WORDS.search(head):
        return True
    return (
        re.search(rf"\(\s*{number}\s*\)|\bsida\s+{number}\b|\b{number}\s*\(\d{{1,3}}\)", head, re.IGNORECASE)
        is not None
    )


def _bare_headings(lines: list[Line], found: list[Heading]) -> tuple[list[Heading], set[int]]:
    """Bare-number headings ("14", "14.", "Ärende 14") in a document without § headings, and the
    indexes of the bare numbers that are not headings (page numbers, list numbers) to drop.
    Context decides (rules.BARE_HEADING): a title or Dnr on the next line, a blank line or page
    break before a bare digit, and the longest run of numbers rising in small steps."""
    candidates: list[tuple[int, int, str]] = []  # (index, number, title on the line)
    digits: set[int] = set()
    for i, line in enumerate(lines):
        text = line.text
        if not (text[:1].isdigit() or text[:1] in "ÄäPp"):
            continue  # every bare heading starts with its number or its item word
        m = rules.BARE_HEADING.pattern.match(text)
        if not m:
            continue
        if text.isdigit():
            digits.add(i)
        word = bool(m.group("word"))
        rest = m.group("rest") or ""
        if not word and not starts_block(lines, i):
            continue
        if rest and _page_start(int(m.group("num")), rest):
            continue
        if not rest:
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is None or nxt.page != line.page or nxt.no - line.no > 2:
                continue  # the title sits under the number
            if not rules.BARE_HEADING_NEXT.match(nxt.text):
                continue
        candidates.append((i, int(m.group("num")), rest))
    if sum(1 for h in found if not h.agenda_like) >= 2 or len(candidates) < 2:
        return [], digits
    # an agenda lists the numbers before the sections do: the last occurrence of a number counts
    last = {number: k for k, (_i, number, _rest) in enumerate(candidates)}
    candidates = [c for k, c in enumerate(candidates) if last[c[1]] == k][:2000]
    # the longest chain of rising numbers, each at most 5 above the one before (withheld §§)
    best: list[int] = [1] * len(candidates)
    back: list[int] = [-1] * len(candidates)
    for b in range(len(candidates)):
        for a in range(max(0, b - 50), b):
            step = candidates[b][1] - candidates[a][1]
            if 0 < step <= 5 and best[a] + 1 > best[b]:
                best[b], back[b] = best[a] + 1, a
    end = max(range(len(candidates)), key=lambda k: best[k])
    if best[end] < 2:
        return [], digits
    chain: list[int] = []
    while end != -1:
        chain.append(end)
        end = back[end]
    heads = [
        Heading(candidates[k][0], candidates[k][1], candidates[k][2], "bare_number", False)
        for k in reversed(chain)
    ]
    return heads, digits - {h.index for h in heads}


# a mark set between a § number and its Dnr or title, with blanks on both sides: "§ 187 · Dnr
# KS/2025:298", "§ 61 | Tillsynsplan" (a portal's separator), "§ 62 : Budget", "§ 63 — Val"
_MARK_SEPARATOR = re.compile(r"(?:\s*[·•|]|\s+[:/—–-])\s+(?=(?i:dnr\b|diarie)|[A-ZÅÄÖ\"«(])")
# a mark that is only the § number and its Dnr ("§ 187", "§ 187 · Dnr KS/2025:298")
_BARE_MARK = re.compile(r"^\s*(?:(?:dnr|diarienr|diarienummer)\b.*)?$", re.IGNORECASE)
_DECISION_LINE = re.compile(r"^Beslut\b\s*(?::|$)", re.IGNORECASE)


def _marks_after(lines: list[Line], found: list[Heading]) -> list[Line] | None:
    """A news page on a meeting's decisions ("beslut i korthet") closes each ärende with its §
    and Dnr ("Title" / text / "Beslut: …" / "§ 187 · Dnr KS/2025:298"): when every § line is
    such a bare mark, a "Beslut" line comes before the first and none after the last, each mark is
    moved up to the start of its ärende, the line after the mark before it, or for the first the
    headline (a line not ending a sentence) above its text. None when the § lines head their §§."""
    if len(found) < 2 or any(h.agenda_like or not _BARE_MARK.match(h.rest) for h in found):
        return None
    first, last = found[0].index, found[-1].index
    decided = [j for j in range(first) if _DECISION_LINE.match(lines[j].text)]
    if not decided or any(_DECISION_LINE.match(ln.text) for ln in lines[last + 1 :]):
        return None
    start = next(
        (
            j
            for j in range(decided[0] - 1, -1, -1)
            if not lines[j].text.rstrip().endswith((".", ":", "!", "?"))
        ),
        None,
    )
    if start is None:
        return None
    out = lines[:start]
    prev = start
    for h in found:
        out += [lines[h.index], *lines[prev : h.index]]
        prev = h.index + 1
    return out + lines[prev:]


def _wrapped_heading_rows(lines: list[Line]) -> list[Line]:
    """Join a heading row whose title and Dnr cells both wrap onto the next line
    ("… för hälso- och<TAB>HSN § 89 · Dnr HSN" / "sjukvårdsnämnden<TAB>2025-00411") into one
    line, as the row would read unwrapped; the list is copied only when there is one."""
    joined: dict[int, Line] = {}
    for i, line in enumerate(lines[:-1]):
        text = line.text
        if "§" not in text or "\t" not in text or not (row := rules.WRAPPED_HEADING_ROW.match(text)):
            continue
        if rest := rules.WRAPPED_HEADING_REST.match(lines[i + 1].text):
            left = f"{row.group('left').rstrip()} {rest.group('left').strip()}"
            joined[i] = line._replace(text=f"{left}\t{row.group('right')} {rest.group('right')}")
    if not joined:
        return lines
    out: list[Line] = []
    for i, line in enumerate(lines):
        if i - 1 not in joined:
            out.append(joined.get(i, line))
    return out


def segment(lines: list[Line]) -> Segments:
    lines = _wrapped_heading_rows(lines)
    found = _headings(lines)
    headlined = False
    if (marked := _marks_after(lines, found)) is not None:
        lines, found, headlined = marked, _headings(marked), True
    bare, stray = _bare_headings(lines, found)
    found = sorted(found + bare, key=lambda h: h.index) if bare else found
    if stray:
        # page and list numbers that clean kept in case they were headings: drop them, and move
        # the headings' indexes to the shortened list
        kept = [j for j in range(len(lines)) if j not in stray]
        moved = {old: new for new, old in enumerate(kept)}
        lines = [lines[j] for j in kept]
        for h in found:
            h.index = moved[h.index]
    table_rows = _row_tables(lines, found)
    agenda: dict[int, str] = {}
    agenda_dnr: dict[int, str] = {}
    last: int | None = None
    budget = 0
    for line in lines:
        found_here = numbered_agenda(line.text)
        if not found_here and last is not None and budget > 0:
            found_here = numbered_agenda(line.text, after=last)  # the agenda runs on to the next page
            budget -= 1
        if found_here:
            last, budget = max(found_here), 2
        for number, title in found_here.items():
            agenda.setdefault(number, title)
    spill = _contents_spill(lines, found)
    paged = _page_column([h for h in found if h.agenda_like])
    for h in found:
        if h.agenda_like:
            title, dnr = _agenda_title(_TRAILING_PAGE.sub("", h.rest) if paged else h.rest)
            if h.number not in agenda or (title and not agenda[h.number]):
                agenda[h.number] = title
            if dnr and h.number not in agenda_dnr:
                agenda_dnr[h.number] = dnr
    chosen = _choose(found)
    lettered = _lettered(found, chosen) if any(h.letter for h in found) else []
    if not chosen:
        return Segments(header=lines, sections=[], agenda=agenda, agenda_dnr=agenda_dnr)
    agenda_indexes = {h.index for h in found if h.agenda_like}
    first = min([chosen[0].index, *agenda_indexes]) if agenda_indexes else chosen[0].index
    leading = {h.index: _title_above(lines, h) for h in chosen}
    leading.update(_numbered_titles_above(lines, chosen))
    over: dict[int, list[int]] = {} if any(leading.values()) else _headlines_above(lines, chosen)
    headlined = headlined or bool(over) or any(h.rule == "title_then_paren_sign" for h in chosen)
    leading.update({i: " ".join(lines[j].text.strip() for j in at) for i, at in over.items()})
    taken = {h.index - 1 for h in chosen if leading[h.index]} | {j for at in over.values() for j in at}
    taken |= {h.index - 2 for h in chosen if leading[h.index] and _under_item_word(lines, h)}
    margin = {
        h.index: _margin_above(lines, h, chosen[k - 1].index if k else -1) for k, h in enumerate(chosen)
    }
    margin = {i: m for i, m in margin.items() if m and not leading[i]}
    left_out = sorted(agenda_indexes | taken | {j for m in margin.values() for j in m})
    sections: list[Section] = []
    ends = sorted(h.index for h in [*chosen, *lettered])
    for h in chosen:
        k = bisect.bisect_right(ends, h.index)
        end = ends[k] if k < len(ends) else len(lines)
        body = _lines_between(lines, h.index + 1, end, left_out)
        if h.index in margin:
            # after the heading's title where it wraps onto the next line ("… strandskyddat" / "område")
            at = 1 if body and body[0].text[:1].islower() else 0
            body = body[:at] + [lines[j] for j in margin[h.index]] + body[at:]
        rest = h.rest.strip()
        if leading[h.index] and rest[:1] in "([":
            rest = f"{leading[h.index]} {rest}"  # the title, then its Dnr in parentheses
        elif leading[h.index]:
            rest = f"{rest} {leading[h.index]}".strip()  # "Dnr 2024/BUN 0031" then the title
        sections.append(Section(h.number, lines[h.index], rest, body))
        # each § of a shared heading is an item of its own with the shared text
        for number in range(h.number + 1, (h.last or h.number) + 1):
            sections.append(Section(number, lines[h.index], rest, list(body)))
    if chosen and leading[chosen[0].index] and chosen[0].index - 1 < first:
        first = chosen[0].index - 1
    if chosen and chosen[0].index in margin:
        first = min(first, margin[chosen[0].index][0])
    if table_rows:
        sections = [
            _table_row_section(sec, table_rows[sec.heading.no, sec.heading.page])
            if (sec.heading.no, sec.heading.page) in table_rows
            else sec
            for sec in sections
        ]
    vote_appendix = _vote_appendix(sections[-1])
    appendix = _attendance_appendix(sections[-1])
    trailing = _closing_block(sections[-1])
    header = lines[:first]
    # a table of contents before the meeting's facts (Word's TOC field, an ärendelista with page
    # numbers on the front page): what stands between its last row and the first § is header too
    before = [i for i in agenda_indexes if i < chosen[0].index and rules.AGENDA_ROW.search(lines[i].text)]
    if before:
        skip = set(left_out)
        header = header + [lines[j] for j in range(max(before) + 1, chosen[0].index) if j not in skip]
    header = header + [line for index, line in spill if index < chosen[0].index]
    return Segments(
        header=header,
        sections=sections,
        agenda=agenda,
        agenda_dnr=agenda_dnr,
        trailing=trailing,
        appendix=appendix,
        vote_appendix=vote_appendix,
        lettered=[f"§ {h.number} {h.letter} {h.rest.strip()}".strip() for h in lettered],
        headlined=headlined,
    )


# a table of §§, one row each: "Paragraf | Ärende | Diarienummer | Beslut" (a web list of a
# meeting's decisions); the cells of each row become the title, a Dnr line and a Beslut block
_ROW_HEAD_FIRST = re.compile(r"^(?:§|paragraf|par\.?|nr)$", re.IGNORECASE)
_ROW_HEAD_KINDS = (
    ("title", re.compile(r"^(?:ärende|ärenden|rubrik|ärendemening|ärenderubrik|ämne)$", re.IGNORECASE)),
    ("dnr", re.compile(r"^(?:diarienummer|diarienr|dnr|ärendenummer|ärendenr)\.?$", re.IGNORECASE)),
    ("decision", re.compile(r"^(?:beslut|beslutet)$", re.IGNORECASE)),
)
_NO_DNR = re.compile(r"^[\s\-–—]*$")


def _row_table_head(text: str) -> list[str] | None:
    """The column kinds after the § column of a § table's head row ("Paragraf\tÄrende\tBeslut"),
    None when the line is no such row or a column is unknown."""
    cells = [c.strip() for c in text.split("\t")]
    if len(cells) < 2 or not _ROW_HEAD_FIRST.match(cells[0]):
        return None
    kinds = [next((k for k, pat in _ROW_HEAD_KINDS if pat.match(c)), None) for c in cells[1:]]
    if "title" in kinds and None not in kinds and len(set(kinds)) == len(kinds):
        return kinds
    return None


def _row_tables(lines: list[Line], found: list[Heading]) -> dict[tuple[int, int], list[str]]:
    """The § headings that are rows of a § table under its head row, by (line number, page), with
    the table's column kinds. Such rows are sections, not an agenda: the marks are cleared."""
    at = {h.index: h for h in found}
    rows: dict[tuple[int, int], list[str]] = {}
    for i, ln in enumerate(lines):
        if "\t" not in ln.text or i + 1 not in at:
            continue
        kinds = _row_table_head(ln.text)
        j = i + 1
        while kinds and j in at and lines[j].text.count("\t") == len(kinds):
            at[j].agenda_like = False
            rows[lines[j].no, lines[j].page] = kinds
            j += 1
    return rows


def _table_row_section(sec: Section, head: list[str]) -> Section:
    cells = [c.strip() for c in sec.rest.strip("\t ").split("\t")]
    if len(cells) != len(head):
        return sec
    by_kind = dict(zip(head, cells, strict=True))
    at = sec.heading
    lines = []
    if by_kind.get("dnr") and not _NO_DNR.match(by_kind["dnr"]):
        lines.append(Line(at.page, at.no, f"Diarienummer: {by_kind['dnr']}"))
    if by_kind.get("decision"):
        lines += [Line(at.page, at.no, "Beslut"), Line(at.page, at.no, by_kind["decision"])]
    # the row holds the whole §: what follows the last row is the page around the table
    return Section(sec.number, sec.heading, by_kind["title"], lines)


def _vote_appendix(last: Section) -> list[Line]:
    """Cut a voteringsbilaga printed after the last § off that §: its columns are read for the
    §§ that refer to them."""
    for j, ln in enumerate(last.lines):
        # the label and a line at least: "Bilaga 1 till Ks § 44, voteringslista" / "Beslutet
        # fattades med 7 röster mot 4 …" may be all of it
        if rules.VOTE_APPENDIX.match(ln.text.strip()) and len(last.lines) - j > 1:
            appendix = last.lines[j:]
            del last.lines[j:]
            return appendix
    return []


_PAGE_NUMBER_LINE = re.compile(
    r"(?:^|\s)(?:\d{1,3}\s*\(\d{1,3}\)|Sida\s+\d{1,3}(?:\s*(?:av|\()\s*\d{1,3}\)?)?)\s*$"
)


def _attendance_appendix(last: Section) -> list[Line]:
    """Cut a närvarolista or an ANSLAG/BEVIS box printed after the last § off that §: it is
    read with the header."""
    for j, ln in enumerate(last.lines):
        text = ln.text.strip()
        if (rules.ATTENDANCE_APPENDIX.match(text) or rules.NOTICE_APPENDIX.match(text)) and len(
            last.lines
        ) - j > 2:
            # the page number line of the appendix's page that clean left ("KOMMUN   4(4)") goes with it
            while (
                j > 0
                and last.lines[j - 1].page == ln.page
                and _PAGE_NUMBER_LINE.search(last.lines[j - 1].text)
            ):
                j -= 1
            appendix = last.lines[j:]
            del last.lines[j:]
            return appendix
    return []


_LONE_NAME = re.compile(rf"^{rules.NAME}$")


# what a margin column prints beside a § besides its Dnr: "Fastighet: Ekbacken 3:12",
# "Expedieras:", a recipient a line; short, and no sentence
_MARGIN_NOTE = re.compile(r"^[^.]{1,40}$")
_MARGIN_LINES = 6


def _margin_above(lines: list[Line], h: Heading, before: int) -> list[int]:
    """The lines of a margin column that a PDF reads before the § heading beside it: a Dnr alone
    on its line ("BN 2025-000456") and the short notes under it ("Fastighet: …", "Expedieras:",
    "Sökanden"), right above a heading with no Dnr of its own. They belong to that §."""
    if rules.HEADING_DNR.search(h.rest) or rules.DNR_ANYWHERE.search(h.rest):
        return []
    for j in range(h.index - 1, max(before, h.index - 1 - _MARGIN_LINES), -1):
        text = lines[j].text
        m = rules.BARE_DNR_LINE.match(text)
        if m and m.group("dnr")[:1].isalpha():
            return list(range(j, h.index))
        if not _MARGIN_NOTE.match(text) or match_heading(text):
            return []
    return []


def _lines_between(lines: list[Line], start: int, end: int, left_out: list[int]) -> list[Line]:
    """``lines[start:end]`` without the indexes in ``left_out`` (sorted); most §§ hold none of
    them, and their lines are taken as one slice instead of tested one by one."""
    k = bisect.bisect_left(left_out, start)
    if k == len(left_out) or left_out[k] >= end:
        return lines[start:end]
    skip = set(left_out)
    return [ln for j, ln in enumerate(lines[start:end], start=start) if j not in skip]


def _opens_closing_block(text: str, below: list[str]) -> bool:
    """Whether a line with ``below`` under it starts the signatures after the last §."""
    if rules.SIGNING_HEADING.match(text):
        return bool(below)
    if (
        rules.MEETING_CLOSED.match(text)
        or rules.NOTICE_SENTENCE.match(text)
        or rules.EXTRACT_CERTIFIED.match(text)
    ):
        return True
    if rules.VERIFICATION_PAGE.match(text):
        return any(rules.VERIFICATION_ID.match(t) for t in below[:3])
    if rules.SIGNATURE_ROLES_ROW.match(text):
        # "Sekreterare  Ordförande  Justerare" over the names: a row of roles, a name under it
        return bool(below) and bool(_LONE_NAME.match(below[0].split("\t")[0]))
    inline = rules.SIGNED_INLINE.match(text)
    if inline and rules.SIGNATORY.match(rules.SIGNATURE_SPLIT.split(inline.group("names"), maxsplit=1)[0]):
        return True  # "Vid protokollet: Eva Ek, sekreterare"
    if (
        inline
        and inline.group("label").lower().startswith("vid")
        and _LONE_NAME.match(inline.group("names").strip())
    ):
        return True  # "Vid protokollet: Eva Ek": the secretary's name alone on the label's line
    if not rules.CLOSING_BLOCK.match(text):
        return False
    if any(
        rules.SIGNATORY.match(t)
        or rules.SIGNED_UNDER.match(t)
        or rules.SIGNED_INLINE.match(t)
        or rules.SIGNATORY_ROLE_FIRST.match(t)
        for t in below
    ):
        return True
    # "Vid protokollet" over the secretary's name alone
    return bool(rules.SIGNED_UNDER.match(text) and below and _LONE_NAME.match(below[0]))


def _closing_block(last: Section) -> list[Line]:
    """Cut a signature block ("Justering" / "Name, ordförande" / "Name, justerare") off the last
    §, where a protocol that has no signature block in its header puts it."""
    for j, ln in enumerate(last.lines):
        below = [after.text.strip() for after in last.lines[j + 1 : j + 7]]
        if _opens_closing_block(ln.text, below):
            trailing = last.lines[j:]
            del last.lines[j:]
            return trailing
    return []


# "2. Vallokaler vid valen 2026" over "§ 10    Dnr VN 2025/0006": the agenda's number and title
_NUMBERED_TITLE = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?P<title>[A-ZÅÄÖ][^\t]{2,150})$")


def _numbered_titles_above(lines: list[Line], chosen: list[Heading]) -> dict[int, str]:
    """Templates that number the ärenden as headings ("2. Vallokaler vid valen 2026") print the §
    number under them, bare or with the Dnr. The numbered line directly above such a heading is
    its title when the headings' numbers run upwards through the protocol, two at least: one
    numbered line above one heading may be the last point of a decision."""
    found: dict[int, tuple[int, str]] = {}
    for h in chosen:
        rest = h.rest.strip()
        if h.index < 1 or (rest and not rules.DNR_LABEL.match(rest)):
            continue
        above, head = lines[h.index - 1], lines[h.index]
        if above.page != head.page or above.no != head.no - 1:
            continue
        m = _NUMBERED_TITLE.match(above.text.strip())
        if m and not m.group("title").rstrip().endswith((".", ":", ",")) and "§" not in m.group("title"):
            found[h.index] = (int(m.group("n")), m.group("title").strip())
    numbers = [n for n, _ in found.values()]
    if len(numbers) < 2 or numbers != sorted(set(numbers)):
        return {}
    return {index: title for index, (_, title) in found.items()}


def _headlines_above(lines: list[Line], chosen: list[Heading]) -> dict[int, list[int]]:
    """A news page on a meeting's decisions heads each ärende with a headline and prints the §
    under it, with its Dnr, before the text ("Ny taxa för …" / "Paragraf 21 · Diarienummer MBN
    2026-000031" / "Avgiften har inte …"); some protocol templates print the title over the §
    line and the Dnr in parentheses beside it ("Budget 2027" / "KF § 62 (KS 2026/0045)" /
    "Kommunfullmäktiges beslut"). When every § line carries no title of its own and stands
    between a headline-shaped line (wrapped onto lines in lower case at most twice) and a
    sentence or a section label, two §§ at least, the headlines are the titles: in the usual
    layout a title, not a label or a sentence, stands under the § line. One § with that shape
    may be a protocol's untitled § under a header line. Gives each heading's headline lines."""
    found: dict[int, list[int]] = {}
    for h in chosen:
        rest = h.rest.strip()
        in_brackets = rest[:1] in "([" and rules.HEADING_DNR.match(f" {rest}")
        if (rest and not rules.DNR_LABEL.match(rest) and not in_brackets) or not 0 < h.index < len(lines) - 1:
            return {}
        at = [h.index - 1]
        while lines[at[0]].text[:1].islower() and len(at) < 3 and at[0] > 0:
            at.insert(0, at[0] - 1)  # "… – fråga om" / "ansvarsfrihet"
        head, below = lines[h.index], lines[h.index + 1]  # the page may turn under the § line
        # a web page's paragraphs are a blank line apart
        if any(lines[j].page != head.page or lines[j + 1].no - lines[j].no > 2 for j in at):
            return {}
        text, after = " ".join(lines[j].text.strip() for j in at), below.text.strip()
        if not (3 <= len(text) <= 150) or not text[:1].isupper() or text.endswith((".", ":", ",", ";")):
            return {}
        if (
            "§" in text
            or match_heading(text)
            or rules.ANY_SECTION_LABEL.match(text)
            or rules.DNR_LABEL.match(text)
        ):
            return {}
        label_under = len(after.split()) <= 4 and rules.ANY_SECTION_LABEL.match(after)
        sentence_under = (
            after.endswith(".") and len(after.split()) >= 6 and not rules.ANY_SECTION_LABEL.match(after)
        )
        if not (label_under or sentence_under):
            return {}
        found[h.index] = at
    return found if len(found) >= 2 else {}


# the agenda's number on a line of its own above the title ("Ärende 4" / "Tillsynsplan 2026" /
# "§ 51"): a layout that heads each ärende by its agenda number and gives the § in the body
_ITEM_WORD_LINE = re.compile(r"^(?:Ärende|ÄRENDE|Punkt|PUNKT)[ \t]+\d{1,3}\.?$")


def _under_item_word(lines: list[Line], h: Heading) -> bool:
    """The heading is a bare "§ 51" two lines under an "Ärende 4" line, the title between."""
    if h.index < 2 or h.rest.strip() or h.rule != "section_sign":
        return False
    item = lines[h.index - 2]
    return item.page == lines[h.index].page and bool(_ITEM_WORD_LINE.match(item.text.strip()))


def _title_above(lines: list[Line], h: Heading) -> str | None:
    """W3D3-style layouts print the title first and the number after it ("Val av justerare" /
    "19 §"). The line above a "N §" heading is its title when it stands alone: directly above the
    heading, after a blank line or a page break, shaped like a title (no full stop, no label)."""
    under_item = _under_item_word(lines, h)
    if (h.rule != "number_then_sign" and not under_item) or h.index < 1:
        return None
    rest = h.rest.strip()
    if rest and not rules.DNR_LABEL.match(rest):
        return None  # the heading carries its own title
    above, head = lines[h.index - 1], lines[h.index]
    if above.page != head.page or above.no != head.no - 1:
        return None
    if h.index >= 2 and not under_item:
        before = lines[h.index - 2]
        if before.page == above.page and before.no == above.no - 1:
            return None
    text = above.text.strip()
    if not (3 <= len(text) <= 150) or not text[:1].isupper() or text.endswith((".", ":", ",")):
        return None
    if "§" in text or match_heading(text) or rules.ANY_SECTION_LABEL.match(text):
        return None
    return text
