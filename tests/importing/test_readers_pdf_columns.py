"""PDF reader: a header set in two independent columns is read column by column, while a
label/value table (a Word table exported to PDF) stays row by row. The PDFs are drawn here
with reportlab at exact baselines, so each test fixes the geometry it is about."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from protokoll.importing.readers import read_file
from protokoll.importing.readers.pdf_layout import Segment, group_lines

from .reader_fixtures import font

PITCH = 13

# Two flowing columns (CSS columns or a flex layout): each column's headings have space above
# them, so the lines of one column drift against the lines of the other.
LEFT_COLUMN = [
    ("h", "Plats och tid"),
    ("", "Rådhuset, sal Linden"),
    ("", "tisdag 4 mars 2025 kl. 9.00–11.30"),
    ("h", "Beslutande"),
    ("", "Karin Ek (S), ordförande"),
    ("", "Olof Berg (M)"),
    ("", "Sara Lind (C)"),
    ("h", "Tjänstgörande ersättare"),
    ("", "Nils Holm (S) för Eva Ström (S)"),
]
RIGHT_COLUMN = [
    ("h", "Övriga närvarande"),
    ("", "Pia Dahl, sekreterare"),
    ("h", "Justerare"),
    ("", "Olof Berg (M)"),
    ("h", "Justeringens plats och tid"),
    ("", "Rådhuset, 2025-03-10"),
    ("h", "Paragrafer"),
    ("", "§§ 12–18"),
]


def _draw_column(
    c: canvas.Canvas, x: float, lines: list[tuple[str, str]], *, heading_space: float, pitch: float = PITCH
) -> float:
    """The column's lines from the top; returns the last line's baseline."""
    y = 740.0
    for i, (kind, text) in enumerate(lines):
        if kind == "h" and i:
            y -= heading_space
        c.setFont("Helvetica-Bold" if kind == "h" else font(), 10 if kind == "h" else 11)
        c.drawString(x, y, text)
        y -= pitch
    return y + pitch


def _page(path, draw) -> list[str]:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font(), 11)
    c.drawString(60, 800, "Socialnämnden")
    draw(c)
    c.setFont(font(), 13)
    c.drawString(60, 520, "§ 12 Val av justerare")
    c.setFont(font(), 11)
    c.drawString(60, 500, "Nämnden utser Olof Berg (M) att justera dagens protokoll, som visas i ett stycke.")
    c.showPage()
    c.save()
    return read_file(path).pages[0].lines


def test_two_independent_columns_are_read_left_column_then_right(tmp_path):
    def draw(c):
        # the right column first: the content order must not matter
        _draw_column(c, 310, RIGHT_COLUMN, heading_space=5)
        _draw_column(c, 60, LEFT_COLUMN, heading_space=2)

    lines = _page(tmp_path / "columns.pdf", draw)
    start = lines.index("Plats och tid")
    assert lines[start : start + len(LEFT_COLUMN)] == [text for _, text in LEFT_COLUMN]
    rest = lines[start + len(LEFT_COLUMN) :]
    assert rest[: len(RIGHT_COLUMN) + 1] == [""] + [text for _, text in RIGHT_COLUMN]
    # the column region ends where the page goes back to one column
    assert rest[len(RIGHT_COLUMN) + 1 :] == [
        "",
        "§ 12 Val av justerare",
        "Nämnden utser Olof Berg (M) att justera dagens protokoll, som visas i ett stycke.",
    ]
    assert lines[0] == "Socialnämnden"
    assert _lines_cut_by_box(tmp_path / "columns.pdf") == lines


def _lines_cut_by_box(path) -> list[str]:
    """The page read by the fallback that cuts text by box (no character indices)."""
    import pypdfium2 as pdfium

    from protokoll.importing.readers.pdf import _segments_by_box

    textpage = pdfium.PdfDocument(path.read_bytes())[0].get_textpage()
    return group_lines(_segments_by_box(textpage, 0, -1))


def test_the_longer_column_keeps_its_last_lines_and_a_heading_under_both_follows(tmp_path):
    """The left column runs on below the right one, its own heading too; the § heading under
    both columns, two line pitches down (an empty line's space, though less than the empty
    band that ends a region), is not the left column's last line."""

    def draw(c):
        _draw_column(c, 310, RIGHT_COLUMN[:4], heading_space=5, pitch=12)
        last = _draw_column(c, 60, LEFT_COLUMN, heading_space=2, pitch=12)
        c.setFont(font(), 13)
        c.drawString(60, last - 24.5, "§ 11 Anmälningar")

    lines = _page(tmp_path / "longer.pdf", draw)
    start = lines.index("Plats och tid")
    assert lines[start : start + len(LEFT_COLUMN) + 7] == [text for _, text in LEFT_COLUMN] + [""] + [
        text for _, text in RIGHT_COLUMN[:4]
    ] + ["", "§ 11 Anmälningar"]


def test_columns_that_happen_to_share_baselines_stay_row_by_row(tmp_path):
    """With the same spacing in both columns nothing on the page tells columns from a table:
    the reader keeps rows (what it did before it read columns)."""

    def draw(c):
        _draw_column(c, 310, RIGHT_COLUMN[:4], heading_space=5)
        _draw_column(c, 60, LEFT_COLUMN[:4], heading_space=5)

    lines = _page(tmp_path / "aligned.pdf", draw)
    assert "Plats och tid\tÖvriga närvarande" in lines
    assert "Rådhuset, sal Linden\tPia Dahl, sekreterare" in lines


TABLE = [
    ("Plats och tid", ["Rådhuset, sal Linden,", "tisdag 4 mars 2025 kl. 9.00–11.30"]),
    ("Beslutande", ["Karin Ek (S), ordförande", "Olof Berg (M)", "Sara Lind (C)"]),
    ("Övriga närvarande", ["Pia Dahl, sekreterare"]),
    ("Justerare", ["Olof Berg (M)"]),
    ("Paragrafer", ["§§ 12–18"]),
]
TABLE_ROWS = [
    "Plats och tid\tRådhuset, sal Linden,",
    "tisdag 4 mars 2025 kl. 9.00–11.30",
    "Beslutande\tKarin Ek (S), ordförande",
    "Olof Berg (M)",
    "Sara Lind (C)",
    "Övriga närvarande\tPia Dahl, sekreterare",
    "Justerare\tOlof Berg (M)",
    "Paragrafer\t§§ 12–18",
]


def _draw_table(c: canvas.Canvas, *, label_offset: float = 0.0, labels_last: bool = False) -> None:
    """A Word table: each row's cells start at the row's top; the label is ``label_offset``
    below its value's first baseline (a label in another font), in every row alike."""
    y = 740.0
    cells = []
    for label, values in TABLE:
        cells.append(("label", 60, y - label_offset, label))
        cells += [("value", 200, y - i * PITCH, value) for i, value in enumerate(values)]
        y -= len(values) * PITCH + 6
    for kind, x, baseline, text in sorted(cells, key=lambda cell: (cell[0] == "label") == labels_last):
        c.setFont("Helvetica-Bold" if kind == "label" else font(), 10 if kind == "label" else 11)
        c.drawString(x, baseline, text)


def test_label_value_table_stays_row_by_row(tmp_path):
    lines = _page(tmp_path / "table.pdf", lambda c: _draw_table(c, labels_last=True))
    assert lines[2 : 2 + len(TABLE_ROWS)] == TABLE_ROWS


def test_table_with_labels_in_another_font_stays_row_by_row(tmp_path):
    """The labels sit 3 points lower than their values in every row: a constant offset is one
    row's cells in two fonts, not two columns drifting apart."""
    lines = _page(tmp_path / "fonts.pdf", lambda c: _draw_table(c, label_offset=3))
    assert lines[2 : 2 + len(TABLE_ROWS)] == TABLE_ROWS


def test_table_with_vertically_centred_cells_stays_row_by_row(tmp_path):
    """Rows below the table's: a two-line label with its one-line value centred beside it, and
    a one-line label centred against a two-line value. Each is one row of the table."""

    def draw(c):
        _draw_table(c)
        y = 606  # the next row's top, as _draw_table spaces its rows
        c.setFont("Helvetica-Bold", 10)
        c.drawString(60, y, "Justeringens plats")
        c.drawString(60, y - PITCH, "och tid")
        c.drawString(60, y - 2 * PITCH - 6 - PITCH / 2, "Utses att justera")
        c.setFont(font(), 11)
        c.drawString(200, y - PITCH / 2, "Rådhuset, 2025-03-10")
        c.drawString(200, y - 2 * PITCH - 6, "Olof Berg (M)")
        c.drawString(200, y - 3 * PITCH - 6, "Sara Lind (C), ersättare")

    lines = _page(tmp_path / "centred.pdf", draw)
    assert lines[2 : 2 + len(TABLE_ROWS) + 5] == TABLE_ROWS + [
        "Justeringens plats\tRådhuset, 2025-03-10",
        "och tid",
        "Olof Berg (M)",
        "Utses att justera",
        "Sara Lind (C), ersättare",
    ]


def test_labels_in_a_margin_column_that_wrap_in_a_smaller_font_stay_with_their_text(tmp_path):
    """A § laid out as a table: labels in a narrow left column, set smaller and wrapping over
    two lines, each beside the first line of its paragraph. The label's second line drifts
    against the text (another line pitch), but the blocks start together: a table."""
    paragraphs = [
        (
            ["Ärende-", "beskrivning"],
            [
                "Nämnden har fått en ansökan om bygglov",
                "för en förskola vid Norra vägen.",
                "Förvaltningen har utrett ärendet.",
            ],
        ),
        (["Förslag till", "beslut"], ["Nämnden beviljar bygglov enligt ansökan."]),
        (
            ["Yrkanden", "under mötet"],
            ["Olof Berg (M) yrkar bifall till förslaget.", "Sara Lind (C) yrkar avslag."],
        ),
    ]

    def draw(c):
        y = 740.0
        for label, text in paragraphs:
            c.setFont("Helvetica-Bold", 8)
            for i, line in enumerate(label):
                c.drawString(60, y - i * 9.5, line)
            c.setFont(font(), 11)
            for i, line in enumerate(text):
                c.drawString(150, y - i * 14, line)
            y -= max(len(label) * 9.5, len(text) * 14) + 4

    lines = _page(tmp_path / "margin.pdf", draw)
    assert lines[2:5] == [
        "Ärende-\tNämnden har fått en ansökan om bygglov",
        "beskrivning\tför en förskola vid Norra vägen.",
        "Förvaltningen har utrett ärendet.",
    ]
    assert "Förslag till\tNämnden beviljar bygglov enligt ansökan." in lines


def _line(x: float, baseline: float, text: str, with_baseline: bool = True) -> Segment:
    """A segment as pdfium boxes a line of 11-point text: descenders 2.5 below the baseline."""
    return Segment(
        x, baseline - 2.5, x + 5.5 * len(text), baseline + 8, text, (x, baseline) if with_baseline else None
    )


def _column_segments(baselines: bool, pitch: float = PITCH) -> list[Segment]:
    """Two drifting columns as segments, with or without the baselines of a text layer."""
    segments = []
    for x, lines, space in ((60, LEFT_COLUMN, 2), (310, RIGHT_COLUMN, 5)):
        y = 740.0
        for i, (kind, text) in enumerate(lines):
            if kind == "h" and i:
                y -= space
            segments.append(_line(x, y, text, baselines))
            y -= pitch
    return segments


def test_columns_need_baselines_so_ocr_boxes_stay_row_by_row():
    """Tesseract's word boxes move with descenders and carry no baseline: without one the
    drift between columns cannot be measured, so OCR keeps rows."""
    assert group_lines(_column_segments(True))[: len(LEFT_COLUMN)] == [text for _, text in LEFT_COLUMN]
    rows = group_lines(_column_segments(False))
    assert rows[0] == "Plats och tid\tÖvriga närvarande"


def test_a_line_above_both_columns_after_an_empty_line_is_read_before_them():
    """A date at the right margin two line pitches above the columns (set tight, so that
    this is less than the empty band that ends a region) belongs to neither column: it is
    read first, as it stands, not after the left column."""
    segments = [_line(310, 740 + 2 * 11.5, "2025-03-04")] + _column_segments(True, pitch=11.5)
    lines = group_lines(segments)
    assert lines[0] == "2025-03-04"
    assert lines[1 : 1 + len(LEFT_COLUMN)] == [text for _, text in LEFT_COLUMN]


# A third column (a body set in three narrow CSS columns): the first gutter found leaves two
# columns on one side, which are read one after the other too.
THIRD_COLUMN = [
    ("h", "§ 13 Tillsynsplan"),
    ("", "Dnr MN 2025/0007"),
    ("h", "Beslut"),
    ("", "Nämnden fastställer"),
    ("", "tillsynsplanen för 2025."),
    ("h", "Reservation"),
    ("", "Olof Berg (M) reserverar"),
    ("", "sig mot beslutet."),
]


def test_three_independent_columns_are_read_one_after_the_other(tmp_path):
    def draw(c):
        _draw_column(c, 440, THIRD_COLUMN, heading_space=7)
        _draw_column(c, 240, RIGHT_COLUMN, heading_space=5)
        _draw_column(c, 40, LEFT_COLUMN, heading_space=2)

    lines = [line for line in _page(tmp_path / "three.pdf", draw) if line]
    start = lines.index("Plats och tid")
    expected = [text for _, text in LEFT_COLUMN + RIGHT_COLUMN + THIRD_COLUMN]
    assert lines[start : start + len(expected)] == expected
