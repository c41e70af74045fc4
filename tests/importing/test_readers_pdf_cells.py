"""PDF reader: a table cell that a long value has pushed close to the next one is still a cell.

A name column sized for most names leaves a long name only a little space before the party
cell; the gap is wider than a space but narrower than a column gap. The rows beside it show
where the party cell starts, and a segment starting there is that cell. The PDFs are drawn with
reportlab at exact positions, so each test fixes the geometry it is about."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from protokoll.importing.readers import read_file

from .reader_fixtures import font

ROWS = [
    ("Karin Ek", "S", "Ordförande"),
    ("Olof Berg", "M", "Ledamot"),
    ("Ann-Charlotte Wester", "KD", "Ledamot"),  # ends a little before the party column
    ("Sara Lind", "C", "Ledamot"),
]
NAME_X = 60
# the party column starts one and a half letters after the longest name
PARTY_X = NAME_X + stringWidth(ROWS[2][0], font(), 11) + 1.5 * stringWidth("M", font(), 11)
ROLE_X = PARTY_X + 35


def _lines(path, rows, *, space_above_row: int | None = None) -> list[str]:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font(), 11)
    c.drawString(NAME_X, 800, "Beslutande")
    y = 780.0
    for i, cells in enumerate(rows):
        if i == space_above_row:
            y -= 30
        for x, text in zip((NAME_X, PARTY_X, ROLE_X), cells, strict=True):
            c.drawString(x, y, text)
        y -= 14
    c.showPage()
    c.save()
    return read_file(path).pages[0].lines


def test_the_long_name_ends_closer_to_the_party_cell_than_a_column_gap():
    # the premise of the tests below: without the rows beside it, this gap would be a space
    end = NAME_X + stringWidth(ROWS[2][0], font(), 11)
    char = stringWidth("M", font(), 11)
    assert char < PARTY_X - end < 2.5 * char


def test_a_cell_pushed_close_by_a_long_name_starts_where_the_rows_beside_start_it(tmp_path):
    lines = _lines(tmp_path / "table.pdf", ROWS)
    assert lines[1:] == ["\t".join(row) for row in ROWS]


def test_a_row_set_apart_by_an_empty_line_does_not_borrow_the_table_s_cells(tmp_path):
    # the long row stands alone after a space: nothing beside it says where a cell begins
    rows = [ROWS[0], ROWS[1], ("Ann-Charlotte Wester", "KD", "Ledamot")]
    lines = _lines(tmp_path / "apart.pdf", rows, space_above_row=2)
    assert lines[-1].startswith("Ann-Charlotte Wester KD")


def test_ordinary_words_are_not_cut_into_cells(tmp_path):
    # a sentence under the table whose word happens to start at the party column's edge
    c = canvas.Canvas(str(tmp_path / "prose.pdf"), pagesize=A4)
    c.setFont(font(), 11)
    for y, cells in zip((780, 766), ROWS[:2], strict=True):
        for x, text in zip((NAME_X, PARTY_X, ROLE_X), cells, strict=True):
            c.drawString(x, y, text)
    words = "Nämnden beslutade"
    c.drawString(PARTY_X - stringWidth(words + " ", font(), 11), 752, words + " enligt förslaget.")
    c.showPage()
    c.save()
    lines = read_file(tmp_path / "prose.pdf").pages[0].lines
    assert lines[-1] == "Nämnden beslutade enligt förslaget."
