"""Property: any meeting recorded through the recording layer → protocol text (and PDF) →
the importer's parser → the same §§, beslut, votes (tallies and named ballots), reservations,
yrkanden, jäv, uppdrag and attendance (serving flags, whom an ersättare sits for, §§ served).
Issue 6 "Must show": "a generated meeting → text (and PDF) → parse → the same items, decisions,
votes, reservations and attendance".

Each example is recorded inside a transaction that is rolled back, so the examples do not see
each other's bodies and meetings (pytest-django's ``db`` fixture is set up once per test).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from protokoll.archive.exporting import export_meeting
from protokoll.importing.parse import parse_text
from protokoll.rendering.text import render_text
from tests.archive.helpers import rolled_back
from tests.recording.meetings import record, scripts
from tests.rendering.roundtrip import differences


@pytest.fixture
def secretary(db):
    """Makes a fresh secretary inside each example's transaction: the permission check caches a
    user's roles on the user object, and on PostgreSQL the rolled-back body's id is not reused."""
    from django.contrib.auth import get_user_model

    return lambda: get_user_model().objects.create_user("sekr-rt", password="x")


EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)


@EXAMPLES
@given(script=scripts())
def test_recorded_meeting_text_round_trip(secretary, script):
    with rolled_back():
        doc = export_meeting(record(script, secretary=secretary()))
        text = render_text(doc)
    got = parse_text(text)
    assert differences(doc, got, full=True) == [], text


@settings(EXAMPLES, max_examples=4)
@given(script=scripts(max_items=3))
def test_recorded_meeting_pdf_round_trip(secretary, script, tmp_path_factory):
    from protokoll.importing.api import parse_file
    from protokoll.rendering.pdf import render_pdf

    with rolled_back():
        doc = export_meeting(record(script, secretary=secretary()))
    path = tmp_path_factory.mktemp("pdf") / "protokoll.pdf"
    path.write_bytes(render_pdf(doc))
    assert differences(doc, parse_file(path), full=True) == []


@settings(
    EXAMPLES,
    max_examples=int(os.environ.get("PROTOKOLL_ARCHIVAL_EXAMPLES", "4")),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: a PDF per step
)
@given(script=scripts(max_items=4))
def test_recorded_meeting_archival_pdf_round_trip(secretary, script, tmp_path_factory):
    """The archival PDF/A the secretary publishes (the protocol page with its signatures,
    through WeasyPrint) imports back to the recorded meeting."""
    pytest.importorskip("weasyprint", reason="WeasyPrint (the archival PDF) is not installed")
    from protokoll.importing.api import parse_file
    from protokoll.recording.outputs import html_to_pdf, protocol_html

    with rolled_back():
        meeting = record(script, secretary=secretary())
        doc = export_meeting(meeting)
        html = protocol_html(meeting, doc)
    path = tmp_path_factory.mktemp("archival") / "protokoll.pdf"
    path.write_bytes(html_to_pdf(html))
    assert differences(doc, parse_file(path), full=True) == [], f"the PDF is kept at {path}"
