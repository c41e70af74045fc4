"""Clean: drop page furniture and site chrome, keep every remaining line's provenance.

Page furniture is what a printed protocol repeats on every page (signature boxes,
"Utdragsbestyrkande", page numbers, running headers) and what a document-viewer scrape wraps
around the text ("Storlek: px", "Download", "Transkript"). None of it is protocol content.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from protokoll.importing import prefilter, rules
from protokoll.importing.extracted import Extracted


class Line(NamedTuple):
    """One cleaned line with its provenance. A named tuple: made for every line of every
    protocol, and a tuple is built several times faster than a frozen dataclass."""

    page: int
    no: int  # 1-based line number within the page
    text: str


_LOWER_WORD = re.compile(r"[a-zåäö]{4,}")
# splits a flattened line before a § heading that follows a finished sentence or title
_INLINE_HEADING = re.compile(
    r"(?<=\S)\s+(?=(?:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}\s)?§\s*\d{1,4}(?:/\d\d)?\s+[A-ZÅÄÖ])"
)
# the organ before a heading's sign: "KS", "Ks", "BUN", "Kfn"
_ORGAN_PREFIX = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}")
# also the §§ a person of a flattened attendance list is there for or away from ("Ej § 19 (jäv)",
# "Leder § 19", "Tjänstgör § 19", "tjänstgörande § 116", "utom § 116", "efter § 34")
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:enligt|i|se|och|samt|till|från|under|av|jfr|ärendet|beslut|ej|utom|leder|tjänstgör|"
    r"tjänstgörande|närvarande|deltar|för|efter|före)|[,(])\s*$",
    re.IGNORECASE,
)


# A viewer transcript that lost every "§" (the sign set in a font the viewer could not map) still
# opens each page with its number and header, the page marker last ("3 Protokoll 3 (47)", "3 …
# Sida 3 (14)"); a number and a capitalised word right after the marker is the page's first §
# heading ("… Sida 3 (14) 14 Val av justerare …").
_SIGNLESS_PAGE_HEADING = re.compile(
    r"^(?P<page>\d{1,3}) (?P<head>[^§\n]{0,150}?)(?:(?P<again>\d{1,3}) ?)?\((?P<of>\d{1,3})\) "
    r"(?=\d{1,4} [A-ZÅÄÖ][a-zåäö]{2,})"
)


def _signless_heading(text: str) -> str:
    m = _SIGNLESS_PAGE_HEADING.match(text)
    if not m or int(m["page"]) > int(m["of"]) or (m["again"] and m["again"] != m["page"]):
        return text
    return f"{text[: m.end()]}§ {text[m.end() :]}"


_VIEWER_TITLE = re.compile(r'^Download\s+"(.{10,400})"$')
# A rule that looks through the whole line for a word ("org.nr" anywhere in an address footer)
# is tried only on the lines that hold one of its words, read off its pattern; one pass of a
# joined pattern for the rest instead of one per rule. The rules stay named in rules.py.
_WORDED = [
    (prefilter.word_test(compiled), compiled)
    for compiled in (re.compile(r.pattern.pattern, re.IGNORECASE) for r in rules.FURNITURE_LINES[1:])
]
_JOINED = [rules.FURNITURE_LINES[0]] + [
    r for r, (test, _) in zip(rules.FURNITURE_LINES[1:], _WORDED, strict=True) if test is None
]
_FURNITURE_JOINED = re.compile(
    "|".join(f"(?P<r{i}>{r.pattern.pattern})" for i, r in enumerate(_JOINED)), re.IGNORECASE
)
_FURNITURE_WORDED = tuple((test, compiled) for test, compiled in _WORDED if test is not None)
# the signature-box rule is the first alternative, so its match means exactly that rule matched
assert rules.FURNITURE_LINES[0].name == "signature_boxes"


def _furniture(text: str) -> re.Match[str] | None:
    """The first page-furniture rule's match at the start of ``text``; ``lastgroup`` is "r0"
    only for the signature boxes."""
    m = _FURNITURE_JOINED.match(text)
    if m is None:
        for test, compiled in _FURNITURE_WORDED:
            if test(text) and (m := compiled.match(text)) is not None:
                break
    return m


def is_furniture(text: str) -> bool:
    return _furniture(text) is not None


def _strip_inline(text: str) -> str:
    if "sign" not in text:
        return text
    for rule in rules.FURNITURE_INLINE:
        text = rule.pattern.sub(" ", text)
    return text.strip()


_DIGITS = re.compile(r"\d+")
# no printed protocol line is this long; a scrape that lost its line breaks is
_FLATTENED = 300
# a line this long is a flattened page, more than any line of furniture is
_WHOLE_PAGE = 600
_BLANKS = re.compile(r"_{3,}")
# the deepest running header read: letterhead, organ, document name, date, page number, more
MAX_HEADER_LINES = 6
_HEADER_LOOK = re.compile(r"\t|protokoll|\bsida\b|sammanträdesdatum|#-#-#", re.IGNORECASE)
# a running header a site ran into one line with the letterhead: the protocol's title and its page
_LONG_HEADER_LOOK = re.compile(r"protokoll.*\bsida\s+#|sammanträdesdatum.*\bsida\s+#", re.IGNORECASE)


def _running_headers(ex: Extracted) -> set[str]:
    """Lines that recur on most pages: running headers and footers. Without page breaks (a text
    export), a line counts when it recurs three times or more and looks like a page header
    (a tab-separated row, the protocol's title, a page number or the meeting date)."""
    seen: Counter[str] = Counter()
    unpaged_keys: list[str] = []
    for page in ex.pages:
        if len(ex.pages) >= 2:
            # a running header sits at the top of its page; a footer at the foot must also look
            # like one, because the last lines of one-§-per-page layouts repeat too. Only these
            # four lines are keyed: collapsing the digits of every line was a tenth of clean()
            top = [_DIGITS.sub("#", t) for t in _first_two(page.lines, _keyable)]
            foot = [_DIGITS.sub("#", t) for t in reversed(_first_two(reversed(page.lines), _keyable))]
            seen.update(set(top + [k for k in foot if _HEADER_LOOK.search(k)]))
        else:
            keys = [_DIGITS.sub("#", t) for t in map(str.strip, page.lines) if t]
            unpaged_keys += keys
            # a site that runs each block into one line makes a running header longer
            seen.update(k for k in keys if len(k) <= 100 or (len(k) <= 200 and _LONG_HEADER_LOOK.search(k)))
    # two pages: a line at the top or foot of both that looks like a page header
    limit = 2 if len(ex.pages) == 2 else max(3, int(len(ex.pages) * 0.6))
    found = {
        key
        for key, n in seen.items()
        if n >= limit
        and not _is_structure(key)
        and (len(ex.pages) >= 3 or _HEADER_LOOK.search(key))
        # a recurring line that ends a sentence is text ("… i ett separat / sekretessprotokoll."
        # under every withheld §), never a page header
        and not key.endswith(".")
    }
    if found and unpaged_keys:
        found |= _header_neighbours(unpaged_keys, seen, found, limit)
    elif found and len(ex.pages) >= 2:
        found |= _header_below(ex, found, limit)
    return found


def _header_below(ex: Extracted, found: set[str], limit: int) -> set[str]:
    """A running header of more than two lines (letterhead, organ, date, "Sida 2 av 3"): the
    line right under the header lines found so far, when it is the same on as many pages, is
    part of the header too. Only the top of each page is read, one line deeper per round."""
    below_found: set[str] = set()
    # the keys passed over only ever grow, so each round goes on from the line the last one
    # stopped at instead of reading every page from its top again
    at = [0] * len(ex.pages)
    for _ in range(MAX_HEADER_LINES - 2):
        below: Counter[str] = Counter()
        for p, page in enumerate(ex.pages):
            lines = page.lines
            i = at[p]
            while i < len(lines):
                key = _keyable(lines[i])
                if key is not None:
                    key = _DIGITS.sub("#", key)
                    if key not in found and key not in below_found:
                        below[key] += 1
                        break
                i += 1
            at[p] = i
        new = {key for key, n in below.items() if n >= limit and not _is_structure(key)}
        if not new:
            break
        below_found |= new
    return below_found


def _header_neighbours(keys: list[str], seen: Counter[str], found: set[str], limit: int) -> set[str]:
    """A running header of several lines ("KOMMUN  Sida 2 av 4" / "Kommunstyrelsens
    personalutskott" / "Protokoll 2025-03-11") in a text without page breaks: a recurring line
    that stands next to a running-header line at every recurrence but one (the first page's
    letterhead is set apart) belongs to the header too, though it does not look like one."""
    beside: Counter[str] = Counter()
    for i, key in enumerate(keys):
        if key in found or seen[key] < limit:
            continue
        if (i and keys[i - 1] in found) or (i + 1 < len(keys) and keys[i + 1] in found):
            beside[key] += 1
    return {key for key, n in beside.items() if n >= limit and n >= seen[key] - 1 and not _is_structure(key)}


def _keyable(line: str) -> str | None:
    text = line.strip()
    return text if 0 < len(text) <= 100 else None


def _first_two(lines, keep) -> list:
    """The first two lines ``keep`` makes something of, read from the start only: a page's
    top and foot are all a running-header test needs, not a pass over every line."""
    out = []
    for line in lines:
        kept = keep(line)
        if kept is not None:
            out.append(kept)
            if len(out) == 2:
                break
    return out


_STRUCTURE = re.compile(
    r"^(?:[•·\-*]\s*)?(?:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,5}\s*)?§|^\d+\s*§|^(?:dnr|diarie)", re.IGNORECASE
)


def _is_structure(key: str) -> bool:
    """§ headings, Dnr lines and section labels recur on every page of a one-§-per-page layout."""
    probe = key.replace("#", "1")
    if _STRUCTURE.match(probe) or rules.ANY_SECTION_LABEL.match(probe):
        return True
    # a § table's head row, repeated in every § ("Beslut<TAB>Diarienummer")
    cells = [c.strip() for c in probe.split("\t") if c.strip()] if "\t" in probe else []
    return len(cells) > 1 and all(
        rules.ANY_SECTION_LABEL.match(c) or rules.DNR_LABEL.fullmatch(c) for c in cells
    )


def _split_flattened(text: str, flattened: bool) -> list[str]:
    """A flattened page holds several § headings on one line; give each its own line. A viewer
    scrape also runs "Beslut Dagordningen fastställs." into the title before it: on such a long
    line a section label followed by a capitalised word starts a line too."""
    chunks = _split_headings(text)
    if not flattened:
        return chunks
    out: list[str] = []
    for chunk in chunks:
        for part in rules.FLATTENED_LABEL.split(chunk):
            m = rules.FLATTENED_LABEL_HEAD.match(part)
            # the label gets a line of its own, as in a printed protocol
            out += [m.group(1), part[m.end() :]] if m else [part]
    if any("föreslår" in part for part in out):
        # the body's own proposal run onto the title starts the § text (after the labels are
        # split off: a label right before it, "… Arbetsutskottets förslag till kommunstyrelsen
        # Kommunstyrelsen föreslår …", needs the proposal after it to be seen as a label)
        out = [piece for part in out for piece in rules.FLATTENED_OWN_PROPOSAL.split(part)]
    # and so does its own decision told without a label ("… Val av justerare Valnämnden utser …")
    out = [piece for part in out for piece in rules.FLATTENED_OWN_DECISION.split(part)]
    return [p.strip() for p in out if p.strip()]


def _split_headings(text: str) -> list[str]:
    if "§" not in text:
        return [text]
    if text.find("§", 1) == -1:
        # a split needs a blank before a sign: the heading's own sign opening the line is none
        return [text.strip()] if text.strip() else []
    parts: list[str] = []
    start = 0
    decided = -1  # the sign of the last heading split at or read as a reference
    for m in _INLINE_HEADING.finditer(text):
        # "till Ks § 28" offers two places to split, before the organ and before the sign: the
        # first one decides for both, so an organ of any case never hides a reference
        sign = text.find("§", m.end())
        if sign == decided:
            continue
        decided = sign
        before = text[start : m.start()]
        if _REFERENCE_BEFORE.search(before) or _ORGAN_PREFIX.fullmatch(before.strip()):
            continue  # a reference, or the organ prefix of this very heading ("KS § 12")
        parts.append(text[start : m.start()])
        start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _edge_lines(lines: list[str]) -> set[int]:
    """Line numbers (1-based) of the first and last two non-empty lines: where page numbers sit."""
    numbered = list(enumerate(lines, start=1))
    top = _first_two(numbered, lambda pair: pair[0] if pair[1].strip() else None)
    return set(top + _first_two(reversed(numbered), lambda pair: pair[0] if pair[1].strip() else None))


# the deepest page prefix read: page number, letterhead, organ, document name, date, "Sid (3)"
_MAX_PREFIX_WORDS = 12


def _flattened_prefix(ex: Extracted) -> list[str] | None:
    """The running header a viewer scrape runs into the text of every page. A scrape that lost
    its line breaks prints each page as one long line, opening with the page's number and
    header ("3 GRANBERGA KOMMUN PROTOKOLL (3) Kommunstyrelsens arbetsutskott 2024-03-05 AU §
    24 …"), so no line recurs for _running_headers to find. The words (digits collapsed) that
    most of those lines open with are that header; a § or a section label is never part of it."""
    # a raw line shorter than the limit is never a flattened one: no need to strip every line
    keys = [
        _DIGITS.sub("#", text).split(" ")[:_MAX_PREFIX_WORDS]
        for page in ex.pages
        for raw in page.lines
        if len(raw) >= _FLATTENED and len(text := raw.strip()) >= _FLATTENED
    ]
    if len(keys) < 3:
        return None
    limit = max(3, int(len(keys) * 0.6))
    for n in range(_MAX_PREFIX_WORDS, 2, -1):
        (prefix, count), *_ = Counter(tuple(k[:n]) for k in keys if len(k) >= n).most_common(1) or [((), 0)]
        if count >= limit:
            words = list(prefix)
            # the prefix ends before the first structure it swallowed: a § heading or a label
            for i, word in enumerate(words):
                if "§" in word or _is_structure(" ".join(words[i:])):
                    words = words[:i]
                    break
            return words if len(words) >= 3 else None
    return None


_PAGE_HEADER_DATE = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d\s+(?=§|[A-ZÅÄÖ])")
# a flattened page line opens with its page number ("3 GRANBERGA KOMMUN …")
_PAGE_NUMBER = re.compile(r"(\d{1,3}) ")
# the shortest page line read as a page after a flattened one: a heading, a title and a decision
_SHORT_PAGE = 60


def _opening(text: str, prefix: list[str]) -> int:
    """How many words of the flattened pages' header ``text`` opens with: all of them, or, for a
    text that is only the header's first three words or more (a page cut inside its header),
    that many; 0 when it opens otherwise."""
    words = text.split(" ")
    n = min(len(words), len(prefix))
    if n < 3 or [_DIGITS.sub("#", w) for w in words[:n]] != prefix[:n]:
        return 0
    return n if n == len(prefix) or n == len(words) else 0


def _drop_prefix(text: str, prefix: list[str]) -> str:
    words = text.split(" ")
    if len(words) > len(prefix) and [_DIGITS.sub("#", w) for w in words[: len(prefix)]] == prefix:
        return " ".join(words[len(prefix) :])
    return text


def clean(ex: Extracted) -> list[Line]:
    headers = _running_headers(ex)
    prefix = _flattened_prefix(ex)
    prefixed = 0  # flattened lines with the prefix seen: the first keeps it, as the letterhead
    # cheap first tests before collapsing the digits of every line: a line that collapses to a
    # key starts with the key's first character and with its text up to the first digit run
    header_starts = {key[:1] for key in headers}
    header_prefixes = tuple(key.split("#", 1)[0] for key in headers)
    out: list[Line] = []
    broken = False  # a kept line ends in a hyphen
    paged = len(ex.pages) > 1
    signless: bool | None = None  # no "§" anywhere: found out at the first page line that needs it
    for page in ex.pages:
        next_page, page_line_no = "", 0  # "N " of the page after the last flattened page line, its line
        after_signature = 0
        edges: set[int] | None = None if paged else set()  # made when a bare number needs it
        for no, raw in enumerate(page.lines, start=1):
            text = raw.replace("\u00a0", " ")
            if "\u00ad" in text:
                text = _soft_hyphens(text)
            if text and max(text) >= "\ufb00" and (lig := text.translate(_LIGATURES)) != text:
                text = lig
            text = text.strip()
            whole = text  # as the running headers were keyed
            if "___" in text:  # blank signature lines inside a row ("Justerandes sign ____ ____")
                text = _BLANKS.sub(" ", text).strip()
            if not text:
                continue
            # a page a viewer flattened onto one line holds its footer too ("… Org.nr 212000-0000
            # Tel 0123-456 00"): a rule for a whole line of furniture never drops a whole page
            furniture = _furniture(text) if len(text) < _WHOLE_PAGE else None
            if furniture and text.isdigit() and len(text) <= 4:
                if edges is None:
                    edges = _edge_lines(page.lines)
                if no not in edges:
                    # a bare number inside a page may be a § heading ("14" alone); segment
                    # decides from context and drops the numbers that are not
                    furniture = None
            if furniture and furniture.lastgroup == "r0":
                after_signature = 4
                continue
            if after_signature:
                after_signature -= 1
                # initials and scribbles in the signature boxes ("JH", "ku | *JA* |"); not the
                # next page's first Dnr ("Dnr SN 2023/00212") when the boxes end a page
                if (
                    len(text) <= 25
                    and not _LOWER_WORD.search(text)
                    and "§" not in text
                    and not _STRUCTURE.match(text)
                    and not rules.BARE_DNR_LINE.match(text)
                ):
                    continue
                # the scribbles stand right under the boxes: a line of text ends them, and a
                # short heading after the next page's header ("NÄRVAROLISTA") is kept
                after_signature = 0
            title = _VIEWER_TITLE.match(text) if text.startswith("Download") else None
            if title:
                # a document viewer's title is the document's first words, sometimes more
                # complete than its garbled transcript; keep it as a line of its own
                text = title.group(1)
            elif furniture or (
                headers
                and ("#" if whole[:1].isdigit() else whole[:1]) in header_starts
                and whole.startswith(header_prefixes)
                and _DIGITS.sub("#", whole) in headers
            ):
                continue
            stripped = _strip_inline(text) if "sign" in text else text
            if stripped is not text and (
                not stripped or (len(stripped) < _WHOLE_PAGE and is_furniture(stripped))
            ):
                continue
            text = stripped
            if text[:1].isdigit() and "(" in text[:160] and _SIGNLESS_PAGE_HEADING.match(text):
                if signless is None:
                    signless = not any("§" in line for p in ex.pages for line in p.lines)
                if signless:
                    text = _signless_heading(text)
            # a page line that opens a § after its header is a flattened page, however short
            flattened = len(text) >= _FLATTENED or (signless is True and ") § " in text[:170])
            if prefix and not flattened and (opening := _opening(text, prefix)):
                # the last page of a scrape cut short (at 2,000 characters, say) is a flattened
                # page all the same: it opens with the page header the long ones open with;
                # cut inside or right after that header, it is nothing but the header
                if opening < len(prefix) or len(text.split(" ")) == len(prefix):
                    continue
                flattened = True
            if not flattened and next_page and text.startswith(next_page) and no - page_line_no > 1:
                # the next page of a transcript after a blank line, shorter than a flattened line
                # (a page that holds one short §): "2 § 112 Val av justerare Arbetsutskottets
                # beslut …" after "1 Alsviks kommun … Paragrafer: §§ 112–118"
                flattened = len(text) >= _SHORT_PAGE
            if flattened and (lead := _PAGE_NUMBER.match(text)):
                next_page, page_line_no = f"{int(lead[1]) + 1} ", no
            if prefix and flattened:
                prefixed += 1
                if prefixed > 1:
                    text = _drop_prefix(text, prefix)
                    # the page header's date, where the first page's header has none there
                    # ("4 … Sida 4 av 4 2020-03-19 Expediering …"), is no text of the § before
                    text = _PAGE_HEADER_DATE.sub("", text, count=1)
            if not flattened and "§" not in text:
                out.append(Line(page.number, no, text))  # the common line: nothing to split
                broken = broken or text[-1] in _HYPHENS
                continue
            for part in _split_flattened(text, flattened):
                out.append(Line(page.number, no, part))
                broken = broken or part[-1] in _HYPHENS
    # most protocols break no word at a line end: the second pass only for those that do
    return _rejoin_hyphenated(out) if broken else out


# a typeset PDF's text layer may keep the ligature glyphs ("Veriﬁering", "oﬀentlig"): a ligature
# is the letters it joins, as a reader reads it
_LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
}


def _soft_hyphens(text: str) -> str:
    """A soft hyphen marks where a word may break: it shows (as a hyphen) only at a line end."""
    if "\u00ad" not in text:
        return text
    body = text.rstrip()
    end = "-" if body.endswith("\u00ad") else ""
    return body.replace("\u00ad", "") + end


# A word broken at a line end by hyphenation ("proto-" / "kollet."), as typesetting and narrow
# columns leave it: a lower-case letter and a hyphen end the line, the next one opens with the
# word's lower-case rest. Not a shared ending ("kultur- och fritidsnämnden"), nor an upper-case
# or digit compound ("EU-" / "medel"), nor a cell of a table row. The two lines become one, so
# that what follows the word ("enheten § 48") does not stand alone as a line of its own.
_BROKEN_WORD = re.compile(r"(?<=[a-zåäöéü])[-\u2010\u00ad]$")
_WORD_GOES_ON = re.compile(r"^([a-zåäöéü]+)")
_SHARED_ENDING_NEXT = frozenset(
    {"och", "eller", "samt", "respektive", "resp", "liksom", "som", "till", "men"}
)


_HYPHENS = "-\u2010\u00ad"


def _rejoin_hyphenated(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if out and (prev := out[-1]).text[-1:] in _HYPHENS and "\t" not in line.text:
            m = _WORD_GOES_ON.match(line.text)
            if (
                m
                and m.group(1) not in _SHARED_ENDING_NEXT
                and "\t" not in prev.text
                and _BROKEN_WORD.search(prev.text)
            ):
                out[-1] = prev._replace(text=prev.text[:-1] + line.text)
                continue
        out.append(line)
    return out
