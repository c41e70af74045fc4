"""The one definition of a seat (``insights.seats``): the stored roster where it speaks, the
published attendance lists for the rest, in a body with a roster as in one without."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.archive.loading import load_document
from protokoll.archive.models import Body, Meeting, Membership, Person
from protokoll.insights.seats import seat_spans
from protokoll.insights.stats import person_stats
from tests.insights.helpers import ANNA, BO, EVA, doc, entry, item

pytestmark = pytest.mark.django_db

D = dt.date.fromisoformat


@pytest.fixture
def kultur():
    """Kulturnämnden: Anna and Bo listed as ledamöter in December and February, nobody in
    January; Eva as ersättare in February. Anna's roster row starts 2025-01-01; Bo has none."""
    for date, lines in (
        ("2024-12-01", [entry(ANNA), entry(BO)]),
        ("2025-01-20", []),
        ("2025-02-20", [entry(ANNA), entry(BO), entry(EVA, group="substitute", serving=False)]),
    ):
        load_document(
            doc(date, [item(1, "Bibliotek", "Nämnden beslutar.")], body="Kulturnämnden", attendance=lines)
        )
    body = Body.objects.get(name="Kulturnämnden")
    Membership.objects.create(
        person=_p("Anna Ek"), body=body, party="V", role="ordförande", start=D("2025-01-01")
    )
    return body


def _p(name: str) -> Person:
    return Person.objects.get(name=name)


def _spans(**narrow) -> list[tuple]:
    return [(s.group, s.source, s.start, s.end, s.party, s.role) for s in seat_spans(**narrow)]


def test_the_roster_row_wins_where_it_covers_and_the_lists_fill_the_rest(kultur):
    assert _spans(persons=_p("Anna Ek").pk) == [
        ("member", "roster", D("2025-01-01"), None, "V", "ordförande"),
        # The December list is before the roster row: a seat of its own, from the lists.
        ("member", "attendance", D("2024-12-01"), D("2024-12-01"), "V", None),
    ]


def test_a_listed_ledamot_without_a_roster_row_holds_a_seat_in_a_body_with_a_roster(kultur):
    assert _spans(persons=_p("Bo Lind").pk) == [
        ("member", "attendance", D("2024-12-01"), D("2025-02-20"), "M", None)
    ]
    assert _spans(persons=_p("Eva Sten").pk) == [
        ("substitute", "attendance", D("2025-02-20"), D("2025-02-20"), "S", None)
    ]
    assert [s.person_id for s in seat_spans(body=kultur.pk, groups=("substitute",))] == [_p("Eva Sten").pk]


def test_unpublished_meetings_and_bodies_give_no_seat(kultur):
    Meeting.objects.filter(date=D("2024-12-01")).update(published=False)
    assert _spans(persons=_p("Bo Lind").pk) == [
        ("member", "attendance", D("2025-02-20"), D("2025-02-20"), "M", None)
    ]
    Meeting.objects.update(published=False)
    assert seat_spans() == []


def test_attendance_counts_both_kinds_of_seat(kultur):
    by_person = {
        name: [(b.meetings, b.present) for b in person_stats(_p(name)).bodies]
        for name in ("Anna Ek", "Bo Lind")
    }
    # Anna: the roster's two meetings and December from the lists, present at two. Bo: first to
    # last list, three meetings, present at two (January's protocol leaves him out).
    assert by_person == {"Anna Ek": [(3, 2)], "Bo Lind": [(3, 2)]}
