"""The PDF has a real text layer with Swedish characters intact and every § in it."""

from __future__ import annotations

import pypdfium2 as pdfium

from protokoll.demo import generate
from protokoll.document import example
from protokoll.rendering.pdf import render_pdf


def pdf_text(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_pdf_text_layer_keeps_swedish_characters():
    pages = pdf_text(render_pdf(example("full")))
    text = "\n".join(pages)
    assert "Sammanträdesrum Ekan" in text
    assert "Maja Grönlund (M) ersätter Björn Falk (KD)" in text
    assert "Socialnämnden antar riktlinjer för hemtjänst 2025" in text
    assert "å" in text and "ä" in text and "ö" in text and "§" in text
    assert f"Sida 1 ({len(pages)})" in pages[0]


def test_pdf_has_every_paragraph_and_page_furniture():
    doc = generate(6)[5]
    pages = pdf_text(render_pdf(doc))
    text = "\n".join(pages)
    for item in doc.items:
        assert f"§ {item.paragraph}\r\n" in text or f"§ {item.paragraph}\n" in text
        if item.title:
            assert item.title.split()[0] in text
    assert all("Justerandes signatur" in p and "Utdragsbestyrkande" in p for p in pages)


def test_pdf_is_deterministic():
    doc = example("full")
    assert render_pdf(doc) == render_pdf(doc)


def test_pdf_carries_every_decision_line():
    """Wrapped lines and page furniture aside, each line of each decision is in the text layer."""
    for doc in generate(6)[:6]:
        pages = pdf_text(render_pdf(doc))
        flat = " ".join(" ".join(p.split()) for p in pages)
        for item in doc.items:
            for line in (item.decision or "").split("\n"):
                assert " ".join(line.split()) in flat, (doc.body, item.paragraph)
