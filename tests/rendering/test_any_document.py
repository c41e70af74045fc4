"""Every renderer accepts any valid document, not only generated ones (Hypothesis documents)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from protokoll.document import example
from protokoll.rendering.html import render_html
from protokoll.rendering.pdf import render_pdf
from protokoll.rendering.text import render_text
from tests.strategies import documents


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_text_and_html_render_any_document(doc):
    text = render_text(doc)
    page = render_html(doc)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for item in doc.items:
        if item.paragraph is not None:
            assert f"§ {item.paragraph}" in text
        if item.decision and not item.confidential:
            for line in item.decision.split("\n"):
                assert line.strip() == "" or line.strip() in text


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(max_items=3))
def test_pdf_renders_any_document(doc):
    assert render_pdf(doc).startswith(b"%PDF")


def test_minimal_example_renders():
    doc = example("minimal")
    assert "§" in render_text(doc)
    assert render_pdf(doc).startswith(b"%PDF")
    assert "<html lang='sv'>" in render_html(doc)
