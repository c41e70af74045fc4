"""Text lines of one PDF page in reading order, from pdfium's text segments.

pdfium reports text as segments (runs of characters on one line, with a bounding box). The
content stream may draw a header's labels first and its values afterwards; reading the
segments by position (top to bottom, then left to right) puts "Plats och tid" and its value on
one line, the way a person reads the page. A wide horizontal gap becomes a tab, so that a
label/value pair reads like a two-cell table row, as the HTML and DOCX readers write them.
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

# A gap wider than this many average character widths separates columns, not words.
COLUMN_GAP_CHARS = 2.5
# A segment starting this close (in character widths) to a cell edge of the row beside starts
# a cell too, see join_segments.
CELL_EDGE_CHARS = 0.5
# A vertical gap larger than this many line heights is an empty line on the page.
PARAGRAPH_GAP_LINES = 1.5
# Baseline offsets closer than this share of a line height are the same offset (positions in a
# PDF are exact; this absorbs rounding), see _independent_columns.
SAME_OFFSET_LINES = 0.1
# A step between two lines of one column wider than this many line pitches starts a new block.
BLOCK_STEP_PITCHES = 1.15
# A step of this many line pitches leaves an empty line: what follows is no longer the column.
EMPTY_LINE_PITCHES = 2.0


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


def _rows(segments: list[Segment]) -> list[list[Segment]]:
    """The segments grouped into rows, top to bottom."""
    segments = sorted(segments, key=lambda s: (-s.top, s.left))
    rows: list[list[Segment]] = []
    for seg in segments:
        if rows and _same_line(rows[-1], seg):
            rows[-1].append(seg)
        else:
            rows.append([seg])
    return rows


def group_lines(segments: list[Segment]) -> list[str]:
    rows = _rows([s for s in segments if s.text.strip()])
    ordered = [(sorted(row, key=lambda s: s.left), gap) for row, gap in _reading_order(rows)]
    starts = [_cell_starts(row) for row, _ in ordered]
    out: list[str] = []
    for i, (row, gap_above) in enumerate(ordered):
        if gap_above and out:
            out.append("")
        # A table row beside another one (no empty line between) shares its column starts.
        beside = (starts[i - 1] if i and not gap_above else []) + (
            starts[i + 1] if i + 1 < len(ordered) and not ordered[i + 1][1] else []
        )
        out.append(join_segments(row, cells=beside))
    return out


def _cell_starts(row: list[Segment]) -> list[float]:
    """Where the cells after the first begin: the left edges that follow a column gap."""
    return [b.left for a, b in pairwise(row) if column_gap(a, b)]


def _reading_order(rows: list[list[Segment]]) -> Iterator[tuple[list[Segment], bool]]:
    """The rows top to bottom, each with whether an empty line goes above it, except that a
    region set in two independent columns is read as its left column, then (after an empty
    line) its right column."""
    breaks = [i > 0 and _paragraph_gap(rows[i - 1], rows[i]) for i in range(len(rows))]
    done = checked = 0
    for seed in range(len(rows)):
        if seed < max(done, checked):
            continue
        for gutter, width in _gaps(rows[seed]):
            region = _region(rows, seed, gutter, width, done, breaks)
            if region is None:
                continue
            top, bottom, (left_edge, right_edge) = region
            if _drifting_lines(rows[top:bottom], left_edge, right_edge) >= 2:
                top, bottom = _beside_each_other(rows, top, bottom, left_edge, right_edge)
                if _independent_columns(rows[top:bottom], left_edge, right_edge):
                    yield from zip(rows[done:top], breaks[done:top], strict=True)
                    yield from _column(rows[top:bottom], -math.inf, left_edge, breaks[top])
                    yield from _column(rows[top:bottom], right_edge, math.inf, True)
                    done = bottom
                    if done < len(rows):
                        breaks[done] = True  # back from the right column to the full width
                    break
            checked = max(checked, bottom)  # its other rows would find the same table
    yield from zip(rows[done:], breaks[done:], strict=True)


def _column(
    rows: list[list[Segment]], left: float, right: float, gap_above: bool
) -> Iterator[tuple[list[Segment], bool]]:
    """The rows' segments between ``left`` and ``right`` in their own reading order, with their
    empty lines. The side's lines are grouped again by themselves: a line of the other column
    at another height no longer joins two of its lines into one row. A side may itself be set
    in columns (three columns: the first gutter found leaves two on one side)."""
    part = [s for row in rows for s in row if left <= s.left and s.right <= right]
    first = True
    for row, gap in _reading_order(_rows(part)):
        yield row, gap_above if first else gap
        first = False


def _beside_each_other(
    rows: list[list[Segment]], top: int, bottom: int, left_edge: float, right_edge: float
) -> tuple[int, int]:
    """The region without the rows wholly above or below the other column that do not go on
    with their own: the longer column's last lines (a heading of its own too) belong to it,
    but a heading under both columns (short enough to leave the gutter free) follows them
    after an empty line's worth of space."""
    segs = [s for row in rows[top:bottom] for s in row]
    left = [s for s in segs if s.right <= left_edge]
    right = [s for s in segs if s.left >= right_edge]
    if not left or not right or any(s.baseline is None for s in segs):
        return top, bottom
    height = statistics.median(s.height for s in segs)
    steps = {id(side): _pitch(side, height) for side in (left, right)}
    if None in steps.values():
        return top, bottom
    first = min(max(s.top for s in left), max(s.top for s in right))
    last = max(min(s.bottom for s in left), min(s.bottom for s in right))

    def pitch(row: list[Segment]) -> float:
        return steps[id(left)] if row[0].right <= left_edge else steps[id(right)]

    def step(above: list[Segment], below: list[Segment]) -> float:
        return min(_baseline(s) for s in above) - max(_baseline(s) for s in below)

    end = bottom
    while end > top and max(s.top for s in rows[end - 1]) < last:
        end -= 1
    for i in range(max(end, top + 1), bottom):
        if step(rows[i - 1], rows[i]) >= EMPTY_LINE_PITCHES * pitch(rows[i]):
            bottom = i
            break
    start = top
    while start < bottom and min(s.bottom for s in rows[start]) > first:
        start += 1
    for i in range(min(start, bottom - 1) - 1, top - 1, -1):
        if step(rows[i], rows[i + 1]) >= EMPTY_LINE_PITCHES * pitch(rows[i]):
            top = i + 1
            break
    return top, bottom


def _baseline(seg: Segment) -> float:
    return seg.bottom if seg.baseline is None else seg.baseline


def _gaps(row: list[Segment]) -> list[tuple[tuple[float, float], float]]:
    """The column gaps (what becomes a tab) in a row, each with the least width that still
    makes a column gap there. A gap starts after everything to its left: segments of one row
    may overlap (a label cell's two lines that fell into one row)."""
    row = sorted(row, key=lambda s: s.left)
    gaps = []
    reach = row[0]
    for seg in row[1:]:
        if column_gap(reach, seg):
            gaps.append(((reach.right, seg.left), _least_column_gap(reach, seg)))
        if seg.right > reach.right:
            reach = seg
    return gaps


def _least_column_gap(a: Segment, b: Segment) -> float:
    return COLUMN_GAP_CHARS * (a.char_width + b.char_width) / 2


def column_gap(a: Segment, b: Segment) -> bool:
    return b.left - a.right > _least_column_gap(a, b)


def _region(
    rows: list[list[Segment]],
    seed: int,
    gutter: tuple[float, float],
    width: float,
    first: int,
    breaks: list[bool],
) -> tuple[int, int, tuple[float, float]] | None:
    """The rows around ``seed`` (not above ``first``) that a vertical gutter runs through: no
    segment crosses it and no empty band (``breaks``: a paragraph gap above a row) cuts it.
    The gutter may narrow to ``width``, not less. None when it is just the seed row."""
    top = bottom = seed
    while top > first and not breaks[top]:
        narrowed = _narrow(gutter, rows[top - 1], width)
        if narrowed is None:
            break
        gutter, top = narrowed, top - 1
    while bottom + 1 < len(rows) and not breaks[bottom + 1]:
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
    """Two columns that flow each on its own, or a table read row by row? A table aligns the
    two cells of a row at their top, middle or bottom (Word's cell alignment, chosen per
    cell), with one offset for the whole table: 0, or a constant where a label is set in
    another font. So each pair of blocks facing each other across the gutter has the table's
    offset under one of the three alignments. Independent columns start their blocks (a
    heading, a paragraph after space) at heights unrelated to the lines beside them, and the
    offset changes wherever one column has a heading the other has not: two or more pairs off
    the common offsets make columns. Lines inside a block are not compared: a label that
    wraps in a smaller font drifts against its text without being a column of its own. Needs
    the text layer's baselines; OCR boxes have none."""
    segs = [s for row in rows for s in row]
    height = statistics.median(s.height for s in segs)
    left = _blocks([s for s in segs if s.right <= left_edge], height)
    right = _blocks([s for s in segs if s.left >= right_edge], height)
    if left is None or right is None:
        return False
    pairs = _facing(left, right, height)
    tolerance = SAME_OFFSET_LINES * height
    alignments = [
        [offset for _, _, offset in pairs],  # top: a block's first line and the line beside it
        [_middle(r) - _middle(lft) for lft, r, _ in pairs],
        [r[-1] - lft[-1] for lft, r, _ in pairs],  # bottom
    ]
    commons = [_common(offsets, tolerance) for offsets in alignments]
    unexplained = [
        i
        for i in range(len(pairs))
        if not any(
            c is not None and abs(o[i] - c) <= tolerance for o, c in zip(alignments, commons, strict=True)
        )
    ]
    return len(unexplained) >= 2


def _drifting_lines(rows: list[list[Segment]], left_edge: float, right_edge: float) -> int:
    """How many lines stand beside a line of the other column but not level with it: fewer
    than two, and nothing drifts (a quick answer for most tables)."""
    left = sorted({_baseline(s) for row in rows for s in row if s.right <= left_edge})
    right = sorted({_baseline(s) for row in rows for s in row if s.left >= right_edge})
    height = min((s.height for row in rows for s in row), default=0.0)
    tolerance = SAME_OFFSET_LINES * height
    count = 0
    for mine, other in ((left, right), (right, left)):
        for b in mine:
            i = bisect.bisect_left(other, b)
            near = min((abs(other[j] - b) for j in (i - 1, i) if 0 <= j < len(other)), default=height)
            count += tolerance < near < 2 * height
    return count


def _facing(
    left: list[list[float]], right: list[list[float]], height: float
) -> list[tuple[list[float], list[float], float]]:
    """Each block's first line paired with the line beside it (on the same visual line): the
    left and right blocks they are in, and the right line's offset from the left one."""
    found: dict[tuple[float, float], tuple[list[float], list[float], float]] = {}
    for starts, beside, flip in ((left, right, False), (right, left, True)):
        for block in starts:
            near = _nearest_line(block[0], beside, height)
            if near is None:
                continue
            other, line = near
            pair = (other, block) if flip else (block, other)
            found[(pair[0][0], pair[1][0])] = (*pair, block[0] - line if flip else line - block[0])
    return list(found.values())


def _common(offsets: list[float], tolerance: float) -> float | None:
    """The offset most pairs share, if two or more share one."""
    best = max(offsets, key=lambda o: sum(abs(o - p) <= tolerance for p in offsets), default=None)
    if best is None or sum(abs(best - p) <= tolerance for p in offsets) < 2:
        return None
    return best


def _blocks(segs: list[Segment], height: float) -> list[list[float]] | None:
    """The baselines of one side's lines, top down, in blocks: a block breaks where the step
    to the next line is wider than the side's line pitch (its smallest step) allows."""
    pitch = _pitch(segs, height)
    if pitch is None:
        return None
    lines = _lines(segs, height)
    blocks = [[lines[0]]]
    for above, b in pairwise(lines):
        if above - b > BLOCK_STEP_PITCHES * pitch:
            blocks.append([b])
        else:
            blocks[-1].append(b)
    return blocks


def _lines(segs: list[Segment], height: float) -> list[float]:
    """The baselines of the lines ``segs`` make, top down (segments of one line share one)."""
    lines: list[float] = []
    for b in sorted((_baseline(s) for s in segs), reverse=True):
        if not lines or lines[-1] - b > height / 2:
            lines.append(b)
    return lines


def _pitch(segs: list[Segment], height: float) -> float | None:
    """The line pitch of one side: its smallest step between lines. None without baselines or
    with fewer than two lines."""
    if any(s.baseline is None for s in segs):
        return None
    lines = _lines(segs, height)
    return min(a - b for a, b in pairwise(lines)) if len(lines) > 1 else None


def _nearest_line(
    baseline: float, blocks: list[list[float]], height: float
) -> tuple[list[float], float] | None:
    """The line beside ``baseline`` on the same visual line (within a height), with its block."""
    block, near = min(
        ((block, b) for block in blocks for b in block), key=lambda pair: abs(pair[1] - baseline)
    )
    return (block, near) if abs(near - baseline) < height else None


def _middle(block: list[float]) -> float:
    return (block[0] + block[-1]) / 2


def _paragraph_gap(above: list[Segment], below: list[Segment]) -> bool:
    """An empty line where the page leaves one: a vertical gap of more than a line's height
    separates blocks (paragraphs, header fields, § sections), as pdftotext writes them."""
    gap = min(s.bottom for s in above) - max(s.top for s in below)
    height = min(max(s.height for s in above), max(s.height for s in below))
    return gap > PARAGRAPH_GAP_LINES * height


def join_segments(line: list[Segment], *, words: bool = False, cells: Sequence[float] = ()) -> str:
    """One line's segments, left to right: a tab across a column gap, else a space, or nothing
    where a PDF split a word in two (never between OCR ``words``).

    ``cells`` are the column starts of the table rows beside this one. A long name in a narrow
    column leaves less than a column gap before the next cell ("Lennart Boström" and his
    party); a gap wider than a space that ends exactly where the row beside starts a cell is
    still that cell's edge."""
    out = line[0].text.strip()
    prev = line[0]
    for seg in line[1:]:
        gap = seg.left - prev.right
        width = (prev.char_width + seg.char_width) / 2
        text = seg.text.strip()
        if column_gap(prev, seg) or (
            gap > width and any(abs(seg.left - x) <= CELL_EDGE_CHARS * width for x in cells)
        ):
            out += "\t" + text
        elif words or gap > 0.15 * width or prev.text.endswith(" ") or seg.text.startswith(" "):
            out += " " + text
        else:
            out += text
        prev = seg
    return out
