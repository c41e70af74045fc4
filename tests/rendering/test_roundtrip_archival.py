"""Render → archival PDF/A (WeasyPrint, the file a secretary publishes) → import gives the same
record back, over the widened protocols of test_roundtrip_wide.py. The PDF wraps what the text
rendering keeps on one line (long titles, lists of reservants), so it tests the importer's
joining of wrapped lines as no text round trip can.

PROTOKOLL_ARCHIVAL_EXAMPLES sets the number of drawn protocols (default 25; each takes about 0.1 s)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from protokoll.document.model import Document
from tests.rendering.roundtrip import differences
from tests.rendering.test_roundtrip_wide import odd_protocols

weasyprint = pytest.importorskip("weasyprint", reason="WeasyPrint (the archival PDF) is not installed")

EXAMPLES = int(os.environ.get("PROTOKOLL_ARCHIVAL_EXAMPLES", "25"))


# no shrinking: one PDF per step makes it take minutes; the failing document is printed whole
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(doc=odd_protocols())
def test_archival_pdf_round_trip(doc: Document, tmp_path_factory):
    from protokoll.importing.api import parse_file
    from protokoll.recording.outputs import html_to_pdf
    from protokoll.rendering.html import render_html

    path = tmp_path_factory.mktemp("archival") / "protokoll.pdf"
    path.write_bytes(html_to_pdf(render_html(doc)))
    assert differences(doc, parse_file(path)) == [], f"the PDF is kept at {path}"
