"""The shared document strategies: valid, varied, and (for protocols()) internally consistent."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from protokoll.archive.exporting import export_meeting
from protokoll.archive.loading import load_document
from protokoll.document import json_schema, parse_document
from protokoll.domain.vocab import AttendanceStatus, VoteChoice
from tests.archive.helpers import rolled_back
from tests.strategies import documents, protocols


@settings(max_examples=30, deadline=None)
@given(doc=documents(keyed=False))
def test_documents_are_valid_against_the_published_schema(doc):
    data = doc.to_json_dict()
    jsonschema.validate(data, json_schema())
    assert parse_document(data) == doc


@settings(max_examples=30, deadline=None)
@given(doc=protocols())
def test_protocols_are_internally_consistent(doc):
    serving = {a.name for a in doc.attendance if a.serving}
    absent = {a.name for a in doc.attendance if a.status == AttendanceStatus.ABSENT}
    assert not serving & absent
    numbers = [i.paragraph for i in doc.items]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    assert doc.meeting.date < doc.adjustment.date <= doc.notice.posted < doc.notice.appeal_deadline
    for item in doc.items:
        if item.confidential:
            assert item.decision is None and item.background is None and not item.votes
        for vote in item.votes:
            assert {b.person.name for b in vote.ballots} == serving
            assert vote.yes == sum(b.vote == VoteChoice.YES for b in vote.ballots)
            assert vote.no == sum(b.vote == VoteChoice.NO for b in vote.ballots)
        for reservation in item.reservations:
            assert {p.name for p in reservation.by} <= serving
    jsonschema.validate(doc.to_json_dict(), json_schema())


@pytest.mark.django_db
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=protocols())
def test_protocols_round_trip_through_the_archive(doc):
    with rolled_back():
        assert export_meeting(load_document(doc).meeting) == doc


EDGE_CASES = {
    "no chair": lambda d: d.chair is None,
    "adjustment without signers": lambda d: d.adjustment is not None and not d.adjustment.signed_by,
    "empty and missing titles": lambda d: (
        any(i.title == "" for i in d.items) and any(i.title is None for i in d.items)
    ),
    "empty and missing § ranges": lambda d: (
        any(a.paragraphs == [] for a in d.attendance) and any(a.paragraphs is None for a in d.attendance)
    ),
    "named ballots": lambda d: any(v.ballots for i in d.items for v in i.votes),
    "KLASSA code": lambda d: any(i.case is not None and i.case.classification for i in d.items),
    "å/ä/ö in a name": lambda d: any(any(c in a.name for c in "åäöÅÄÖ") for a in d.attendance),
    "source without a file": lambda d: d.source is not None and d.source.file is None,
    "summary without § numbers": lambda d: any(i.paragraph is None for i in d.items),
}


class _Found(Exception):
    pass


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_documents_reach_the_edge_cases(case):
    """The generator does produce None next to empty, absent objects, ballots, KLASSA codes, å/ä/ö.
    Generation stops at the first example that shows the case (no shrinking, so it is fast)."""
    condition = EDGE_CASES[case]

    @settings(max_examples=1000, database=None, deadline=None, phases=[Phase.generate])
    @given(doc=documents())
    def search(doc):
        if condition(doc):
            raise _Found

    with pytest.raises(_Found):
        search()
