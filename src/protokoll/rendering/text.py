"""The protocol as plain text in the usual Swedish layout, pages separated by form feed.

Each page starts with the same header (municipality, SAMMANTRÄDESPROTOKOLL, "Sida n (N)", body,
Sammanträdesdatum) and ends with "Justerandes signatur / Utdragsbestyrkande", as on paper; a
parser removes them as page furniture. Cells of a line are separated by a tab. Text is never
wrapped, so each line of a section is one paragraph of the field it renders.
"""

from __future__ import annotations

from protokoll.document.model import Document
from protokoll.rendering.layout import Block, Page, build_layout, paginate

LINES_PER_PAGE = 56
FOOTER = "Justerandes signatur\tUtdragsbestyrkande"


def _line(block: Block) -> str:
    if block.kind == "blank":
        return ""
    if block.cells:
        return "\t".join(block.cells).rstrip("\t")
    return block.text


def _page_text(page: Page, number: int, total: int, header: tuple[str, str, str]) -> str:
    municipality, body, date = header
    top = [f"{municipality}\tSAMMANTRÄDESPROTOKOLL\tSida {number} ({total})", f"{body}\t{date}", ""]
    lines = [_line(b) for b in page.blocks]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(top + lines + ["", FOOTER]) + "\n"


def render_text(doc: Document) -> str:
    layout = build_layout(doc)
    pages, _ = paginate(layout, lambda block: 1, LINES_PER_PAGE)
    total = len(pages)
    return "\f".join(_page_text(p, i, total, layout.header) for i, p in enumerate(pages, start=1))
