"""Property: any meeting recorded through the recording layer → protocol text (and PDF) →
the importer's parser → the same §§, beslut, votes (tallies and named ballots), reservations,
yrkanden, jäv, uppdrag and attendance (serving flags, whom an ersättare sits for, §§ served).
Issue 6 "Must show": "a generated meeting → text (and PDF) → parse → the same items, decisions,
votes, reservations and attendance".

Each example is recorded inside a transaction that is rolled back, so the examples do not see
each other's bodies and meetings (pytest-django's ``db`` fixture is set up once per test).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

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
