"""Text lines of one PDF page in reading order, from pdfium's text segments.

pdfium reports text as segments (runs of characters on one line, with a bounding box). The
content stream may draw a header's labels first and its values afterwards; reading the
segments by position (top to bottom, then left to right) puts "Plats och tid" and its value on
one line, the way a person reads the page. A wide horizontal gap becomes a tab, so that a
label/value pair reads like a two-cell table row, as the HTML and DOCX readers write them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A gap wider than this many average character widths separates columns, not words.
COLUMN_GAP_CHARS = 2.5
# A vertical gap larger than this many line heights is an empty line on the page.
PARAGRAPH_GAP_LINES = 1.5


@dataclass
class Segment:
    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.1)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def char_width(self) -> float:
        n = len(self.text.strip()) or 1
        return max((self.right - self.left) / n, 0.1)


# pdfium writes \x02 or \ufffe for a hyphen that ends a line inside a word; the page shows
# "-", so the line keeps it (joining the word is the parser's business). Other C0/C1 controls and
# non-characters are dropped; a tab is kept.
_CONTROL = re.compile("[\x00\x01\x03-\x08\x0b-\x1f\x7f-\x9f\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return (
        _CONTROL.sub("", text.replace("\r", " ").replace("\n", " "))
        .replace("\x02", "-")
        .replace("\ufffe", "-")
    )


def _same_line(line: list[Segment], seg: Segment) -> bool:
    """A segment belongs to a line when its vertical middle falls inside the line's band, or
    the line's middle inside the segment's: robust to mixed font sizes and sub/superscripts."""
    top = max(s.top for s in line)
    bottom = min(s.bottom for s in line)
    middle = (top + bottom) / 2
    return bottom <= seg.middle <= top or seg.bottom <= middle <= seg.top


def group_lines(segments: list[Segment]) -> list[str]:
    segments = [s for s in segments if s.text.strip()]
    segments.sort(key=lambda s: (-s.top, s.left))
    lines: list[list[Segment]] = []
    for seg in segments:
        if lines and _same_line(lines[-1], seg):
            lines[-1].append(seg)
        else:
            lines.append([seg])
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and _paragraph_gap(lines[i - 1], line):
            out.append("")
        out.append(join_segments(sorted(line, key=lambda s: s.left)))
    return out


def _paragraph_gap(above: list[Segment], below: list[Segment]) -> bool:
    """An empty line where the page leaves one: a vertical gap of more than a line's height
    separates blocks (paragraphs, header fields, § sections), as pdftotext writes them."""
    gap = min(s.bottom for s in above) - max(s.top for s in below)
    height = min(max(s.height for s in above), max(s.height for s in below))
    return gap > PARAGRAPH_GAP_LINES * height


def join_segments(line: list[Segment], *, words: bool = False) -> str:
    """One line's segments, left to right: a tab across a column gap, else a space, or nothing
    where a PDF split a word in two (never between OCR ``words``)."""
    out = line[0].text.strip()
    prev = line[0]
    for seg in line[1:]:
        gap = seg.left - prev.right
        width = (prev.char_width + seg.char_width) / 2
        text = seg.text.strip()
        if gap > COLUMN_GAP_CHARS * width:
            out += "\t" + text
        elif words or gap > 0.15 * width or prev.text.endswith(" ") or seg.text.startswith(" "):
            out += " " + text
        else:
            out += text
        prev = seg
    return out
