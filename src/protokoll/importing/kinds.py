"""What kind of document the text is: a protocol, a protokollsutdrag, a web listing of a
meeting's items, or a news-style summary (vocab.DocumentKind)."""

from __future__ import annotations

import re

from protokoll.domain.vocab import DocumentKind
from protokoll.importing import rules
from protokoll.importing.clean import Line
from protokoll.importing.header import Header
from protokoll.importing.prefilter import Prefiltered
from protokoll.importing.segment import Segments

# header fields that only a protocol (or an extract of one) carries
STRONG_FIELDS = {
    "place_time",
    "members",
    "serving_substitutes",
    "adjusters",
    "adjustment",
    "signatures",
    "secretary",
    "posted",
    "removed",
    "storage",
    "paragraphs",
}


def strong_fields(header: Header) -> set[str]:
    return {name for name, values in header.fields.values.items() if values and name in STRONG_FIELDS}


_BULLET_CHARS = frozenset("•·●▪◦ ")
# searched through the whole head of every document; few say "utdrag"
_EXTRACT_MARK = Prefiltered(rules.EXTRACT_MARK)


# A body's page of its meetings, one table row each opening with the date and naming its
# documents ("2025-01-22<TAB>13:00<TAB>Kommunhuset<TAB>Kallelse (pdf) · Protokoll (pdf)"): a
# listing, whatever else the page names (a place, the chair, the §§ of one meeting), unless it
# says who attended or justerade. A protocol's delegation table opens its rows with dates too,
# but names decisions there, not kallelse and protokoll.
_MEETING_ROW = re.compile(
    r"^((?:19|20)\d\d-\d\d-\d\d)(?:\t|[ ]{2,}).*\b(?:kallelse|protokoll|föredragningslista|handlingar)",
    re.IGNORECASE,
)
# the same page as a list of links, each a document and its meeting's date, in figures or words
# ("Kallelse 13 november 2019 (pdf, 288 kB)", "Protokoll 2019-10-16", "Sammanträde 18 september 2019")
_MEETING_LINK = re.compile(
    rf"^(?:kallelse|protokoll|föredragningslista|handlingar|sammanträde|möte)\s+(?:den\s+)?"
    rf"((?:19|20)\d\d-\d\d-\d\d|\d{{1,2}}\s+(?:{rules.MONTH_RE})\s+(?:19|20)\d\d)\b(?!\s+(?:§|kl\b|klockan\b))",
    re.IGNORECASE,
)
_LINK_STARTS = frozenset("KkPpFfHhSsMm")
_PROTOCOL_ONLY = frozenset({"members", "serving_substitutes", "adjusters", "adjustment", "signatures"})


def _meeting_rows(lines: list[Line]) -> int:
    """How many different meeting dates open a row that names the meeting's documents, or a link
    that names a document and its meeting's date."""
    found = {m.group(1) for ln in lines if ln.text[:2] in ("19", "20") and (m := _MEETING_ROW.match(ln.text))}
    found |= {
        m.group(1).lower()
        for ln in lines
        if ln.text[:1] in _LINK_STARTS and len(ln.text) <= 120 and (m := _MEETING_LINK.match(ln.text))
    }
    return len(found)


def _bullets(lines: list[Line]) -> int:
    return sum(1 for ln in lines if ln.text[:1] in _BULLET_CHARS and rules.BULLET.match(ln.text))


def lists_meetings(lines: list[Line], header: Header) -> bool:
    """A body's page of its meetings (three dates of meetings at least, with their documents),
    which says who attended or justerade none of them: it describes no one meeting."""
    return not strong_fields(header) & _PROTOCOL_ONLY and _meeting_rows(lines) >= 3


# a protocol's own list of what it treated, or the word protocol; not a kallelse's agenda
_TREATED = re.compile(r"behandlade\s*ärenden|protokoll", re.IGNORECASE)
_CALLED = re.compile(r"\bkallelse", re.IGNORECASE)


def detect_kind(lines: list[Line], seg: Segments, header: Header) -> DocumentKind | None:
    """None when nothing in the text looks like proceedings of a meeting."""
    head_text = " ".join(ln.text for ln in lines[:25])
    strong = strong_fields(header)
    if lists_meetings(lines, header):
        return DocumentKind.LISTING
    if _EXTRACT_MARK.search(head_text) and (seg.sections or strong):
        return DocumentKind.EXTRACT
    if (seg.sections or seg.agenda) and len(strong) >= 1:
        if len(seg.sections) == 1 and "utdragsbestyrkande" in " ".join(ln.text.lower() for ln in lines[:3]):
            return DocumentKind.EXTRACT
        return DocumentKind.PROTOCOL
    # bullets are counted only when they could decide (a listing); a cheap first-char probe
    if len(strong) <= 1 and _bullets(lines) >= 3:
        return DocumentKind.LISTING
    if seg.sections:
        # §§ without any header field (no attendance, place and time, justering): a web page
        # listing decisions ("Senaste besluten"), not the protocol itself; a news article when
        # headlines title them
        if strong:
            return DocumentKind.PROTOCOL
        return DocumentKind.SUMMARY if seg.headlined else DocumentKind.LISTING
    if len(strong) >= 2:
        return DocumentKind.PROTOCOL
    if len(seg.agenda) >= 3 and _TREATED.search(head_text) and not _CALLED.search(head_text):
        # a protocol cut short inside its list of the ärenden it treated ("BARN- OCH
        # UTBILDNINGSNÄMNDEN BEHANDLADE ÄRENDEN 92 Ändring av … 93 …"): its §§ are that list
        return DocumentKind.PROTOCOL
    text = " ".join(ln.text for ln in lines)
    if rules.SUMMARY_DECISION.search(text) and len(text) > 300:
        return DocumentKind.SUMMARY
    if strong:
        return DocumentKind.PROTOCOL
    return None
