"""What kind of document the text is: a protocol, a protokollsutdrag, a web listing of a
meeting's items, or a news-style summary (vocab.DocumentKind)."""

from __future__ import annotations

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


def _bullets(lines: list[Line]) -> int:
    return sum(1 for ln in lines if ln.text[:1] in _BULLET_CHARS and rules.BULLET.match(ln.text))


def detect_kind(lines: list[Line], seg: Segments, header: Header) -> DocumentKind | None:
    """None when nothing in the text looks like proceedings of a meeting."""
    head_text = " ".join(ln.text for ln in lines[:25])
    strong = strong_fields(header)
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
        # listing decisions ("Senaste besluten"), not the protocol itself
        return DocumentKind.PROTOCOL if strong else DocumentKind.LISTING
    if len(strong) >= 2:
        return DocumentKind.PROTOCOL
    text = " ".join(ln.text for ln in lines)
    if rules.SUMMARY_DECISION.search(text) and len(text) > 300:
        return DocumentKind.SUMMARY
    if strong:
        return DocumentKind.PROTOCOL
    return None
