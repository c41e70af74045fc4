"""Document → database → document gives the identical document (issue 2, Must show)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from protokoll.archive import models as m
from protokoll.archive.exporting import export_meeting
from protokoll.archive.loading import load_document
from protokoll.document import example
from tests.archive.helpers import rolled_back
from tests.strategies import documents

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["minimal", "full"])
def test_examples_round_trip(name):
    doc = example(name)
    result = load_document(doc)
    assert result.status == "created"
    assert export_meeting(result.meeting) == doc
    assert export_meeting(result.meeting.pk).to_json_dict() == doc.to_json_dict()


def test_full_example_is_stored_in_rows_not_a_blob():
    """The rows themselves carry the content: change a row and the export changes with it."""
    result = load_document(example("full"))
    ballot = m.Ballot.objects.filter(vote__item__meeting=result.meeting).order_by("vote", "position").first()
    ballot.choice = "abstain"
    ballot.save()
    exported = export_meeting(result.meeting)
    assert exported != example("full")
    assert exported.items[1].votes[0].ballots[0].vote == "abstain"


@settings(
    max_examples=35,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=documents())
def test_generated_documents_round_trip(doc):
    with rolled_back():
        result = load_document(doc)
        assert export_meeting(result.meeting) == doc


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(first=documents(), second=documents())
def test_replacing_a_meeting_with_another_document_round_trips(first, second):
    """A changed document replaces the meeting's children completely (nothing of the old one
    leaks into the new export)."""
    second = second.model_copy(
        update={
            "municipality": first.municipality,
            "body": first.body,
            "meeting": second.meeting.model_copy(update={"date": first.meeting.date}),
            "kind": first.kind,
        }
    )
    with rolled_back():
        one = load_document(first)
        two = load_document(second)
        assert two.meeting.pk == one.meeting.pk
        assert two.status == ("unchanged" if first == second else "updated")
        assert export_meeting(two.meeting) == second
