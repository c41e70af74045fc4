"""Text lines of one PDF page in reading order, from pdfium's text segments.

pdfium reports text as segments (runs of characters on one line, with a bounding box). The
content stream may draw a header's labels first and its values afterwards; reading the
segments by position (top to bottom, then left to right) puts "Plats och tid" and its value on
one line, the way a person reads the page. A wide horizontal gap becomes a tab, so that a
label/value pair reads like a two-cell table row, as the HTML and DOCX readers write them.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

# A gap wider than this many average character widths separates columns, not words.
COLUMN_GAP_CHARS = 2.5
# A vertical gap larger than this many line heights is an empty line on the page.
PARAGRAPH_GAP_LINES = 1.5
# Lines of two independent columns whose baselines drift against each other by more than this
# share of a line height are read column by column (see _independent_columns).
BASELINE_DRIFT_LINES = 0.25
# A line this close (in line heights) to the middle of two lines beside it is centred on them.
CENTRED_LINES = 0.1


@dataclass
class Segment:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    # Where the first character's baseline starts (a PDF text layer knows it; OCR does not).
    origin: tuple[float, float] | None = None

    @property
    def baseline(self) -> float | None:
        return self.origin[1] if self.origin else None

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
    rows: list[list[Segment]] = []
    for seg in segments:
        if rows and _same_line(rows[-1], seg):
            rows[-1].append(seg)
        else:
            rows.append([seg])
    out: list[str] = []
    above: list[Segment] | None = None
    for row, new_column in _reading_order(rows):
        if above is not None and (new_column or _paragraph_gap(above, row)):
            out.append("")
        out.append(join_segments(sorted(row, key=lambda s: s.left)))
        above = row
    return out


def _reading_order(rows: list[list[Segment]]) -> Iterator[tuple[list[Segment], bool]]:
    """The rows top to bottom, except that a region set in two independent columns is read
    as its left column, then its right column; True marks the row that starts a column."""
    done = 0
    for seed in range(len(rows)):
        if seed < done:
            continue
        for gutter, width in _gaps(rows[seed]):
            region = _region(rows, seed, gutter, width, done)
            if region is None:
                continue
            top, bottom, (left_edge, right_edge) = region
            if not _independent_columns(rows[top:bottom], left_edge, right_edge):
                continue
            yield from ((row, False) for row in rows[done:top])
            for side in (
                [[s for s in row if s.right <= left_edge] for row in rows[top:bottom]],
                [[s for s in row if s.left >= right_edge] for row in rows[top:bottom]],
            ):
                yield from ((row, i == 0) for i, row in enumerate(r for r in side if r))
            done = bottom
            break
    yield from ((row, False) for row in rows[done:])


def _gaps(row: list[Segment]) -> list[tuple[tuple[float, float], float]]:
    """The column gaps (what becomes a tab) between a row's segments, each with the least
    width that still makes a column gap there."""
    row = sorted(row, key=lambda s: s.left)
    return [((a.right, b.left), _least_column_gap(a, b)) for a, b in pairwise(row) if _column_gap(a, b)]


def _least_column_gap(a: Segment, b: Segment) -> float:
    return COLUMN_GAP_CHARS * (a.char_width + b.char_width) / 2


def _column_gap(a: Segment, b: Segment) -> bool:
    return b.left - a.right > _least_column_gap(a, b)


def _region(
    rows: list[list[Segment]], seed: int, gutter: tuple[float, float], width: float, first: int
) -> tuple[int, int, tuple[float, float]] | None:
    """The rows around ``seed`` (not above ``first``) that a vertical gutter runs through: no
    segment crosses it and no empty band (a paragraph gap) cuts it. The gutter may narrow to
    ``width``, not less. None when it is just the seed row."""
    top = bottom = seed
    while top > first and not _paragraph_gap(rows[top - 1], rows[top]):
        narrowed = _narrow(gutter, rows[top - 1], width)
        if narrowed is None:
            break
        gutter, top = narrowed, top - 1
    while bottom + 1 < len(rows) and not _paragraph_gap(rows[bottom], rows[bottom + 1]):
        narrowed = _narrow(gutter, rows[bottom + 1], width)
        if narrowed is None:
            break
        gutter, bottom = narrowed, bottom + 1
    return None if top == bottom else (top, bottom + 1, gutter)


def _narrow(gutter: tuple[float, float], row: list[Segment], width: float) -> tuple[float, float] | None:
    left, right = gutter
    for seg in row:
        if seg.right <= left or seg.left >= right:
            continue
        # A segment reaching into the gutter narrows it from the side it starts on.
        if seg.left < left or (seg.right < right and seg.left - left < right - seg.right):
            left = seg.right
        else:
            right = seg.left
    return (left, right) if right - left >= width else None


def _independent_columns(rows: list[list[Segment]], left_edge: float, right_edge: float) -> bool:
    """Two columns that flow each on its own, or a table read row by row? In a table a label
    and its value share their row: their baselines differ by nothing, or by the same amount in
    every row (a label set in another font), or a cell is centred against a taller one beside
    it. Two independent columns drift against each other (a heading's spacing in one column
    moves every line below it), so several rows are off the common offset. Needs the text
    layer's baselines; OCR boxes have none."""
    segs = [s for row in rows for s in row]
    lefts = sorted((s.baseline for s in segs if s.right <= left_edge), key=lambda b: -(b or 0))
    rights = sorted((s.baseline for s in segs if s.left >= right_edge), key=lambda b: -(b or 0))
    if len(lefts) < 2 or len(rights) < 2 or None in lefts or None in rights:
        return False
    height = statistics.median(s.height for s in segs)
    offsets = []
    for r in rights:
        nearest = min(lefts, key=lambda b: abs(b - r))
        if (
            abs(nearest - r) < height
            and not _centred(r, lefts, height)
            and not _centred(nearest, rights, height)
        ):
            offsets.append(r - nearest)
    if not offsets:
        return False
    common = max(offsets, key=lambda o: sum(abs(o - p) <= BASELINE_DRIFT_LINES * height for p in offsets))
    return sum(abs(o - common) > BASELINE_DRIFT_LINES * height for o in offsets) >= 2


def _centred(baseline: float, others: list[float], height: float) -> bool:
    """A line midway between two consecutive lines beside it: a table cell centred vertically
    against a cell one line taller (Word's "centre" cell alignment)."""
    return any(
        abs((upper + lower) / 2 - baseline) < CENTRED_LINES * height and upper - lower < 2 * height
        for upper, lower in pairwise(others)
    )


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
        if _column_gap(prev, seg):
            out += "\t" + text
        elif words or gap > 0.15 * width or prev.text.endswith(" ") or seg.text.startswith(" "):
            out += " " + text
        else:
            out += text
        prev = seg
    return out
