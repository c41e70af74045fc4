"""The uppdrag ledger with a fixed ``today``: from documents and from the archive."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.archive.loading import load_document
from protokoll.archive.models import Meeting
from protokoll.insights.ledger import Status, ledger, ledger_from_documents, same_task
from tests.insights.helpers import ledger_documents

TODAY = dt.date(2025, 6, 1)


def _by_task(entries):
    return {e.task: e for e in entries}


def _check(entries):
    found = _by_task(entries)
    assert set(found) == {
        "utreda en renovering av badhuset",
        "inventera elljusspåren i Norrby",
        "se över bidragsreglerna",
        "ta fram en plats för en skatepark",
    }
    bad = found["utreda en renovering av badhuset"]
    assert (bad.assignee, bad.due, bad.source) == ("Fritidsförvaltningen", dt.date(2025, 3, 31), "extracted")
    assert bad.status is Status.REPORTED
    assert (bad.reported_in.date, bad.reported_in.paragraph) == (dt.date(2025, 4, 2), 4)
    spar = found["inventera elljusspåren i Norrby"]
    assert spar.source == "recorded" and spar.status is Status.CLOSED
    assert spar.closed_in.paragraph == 3
    assert found["se över bidragsreglerna"].status is Status.OPEN
    skate = found["ta fram en plats för en skatepark"]
    assert skate.status is Status.OVERDUE  # the same Dnr came back only to be tabled
    assert all("Hemligordet" not in e.task for e in entries)


def test_ledger_from_documents():
    _check(ledger_from_documents(ledger_documents(), TODAY))


def test_status_depends_on_today():
    found = _by_task(ledger_from_documents(ledger_documents(), dt.date(2025, 1, 20)))
    assert found["ta fram en plats för en skatepark"].status is Status.OPEN
    # The ledger as it stood then: the April report had not come yet.
    assert found["utreda en renovering av badhuset"].status is Status.OPEN
    assert found["inventera elljusspåren i Norrby"].reported_in is None


@pytest.mark.django_db
def test_ledger_from_the_archive():
    for d in ledger_documents():
        load_document(d)
    entries = ledger(today=TODAY)
    _check(entries)
    assert all(e.given_in.item_id and e.given_in.meeting_id for e in entries)
    assert [e.task for e in ledger(today=TODAY, status="overdue")] == ["ta fram en plats för en skatepark"]


@pytest.mark.django_db
def test_unpublished_reports_do_not_count():
    docs = ledger_documents()
    for d in docs:
        load_document(d)
    Meeting.objects.filter(date=dt.date(2025, 4, 2)).update(published=False)
    found = _by_task(ledger(today=TODAY))
    assert found["inventera elljusspåren i Norrby"].status is Status.OPEN
    assert found["utreda en renovering av badhuset"].status is Status.OVERDUE


def test_same_task():
    assert same_task("inventera elljusspåren i Norrby", "inventering av elljusspåren i Norrby")
    assert not same_task("inventera elljusspåren", "bygga en skatepark")


def test_demo_year_every_uppdrag_is_closed_once():
    """The demo generator keeps every promise within the year: each recorded uppdrag is reported
    back under the same Dnr and declared fulfilled, and the decision text's own "får i uppdrag"
    sentence is recognised as the same uppdrag, not a second one."""
    from protokoll.demo import generate

    docs = generate(1)
    recorded = sum(len(i.assignments) for d in docs for i in d.items if not i.confidential)
    entries = ledger_from_documents(docs, dt.date(2025, 12, 31))
    assert recorded > 0
    assert len(entries) == recorded
    assert {e.status for e in entries} == {Status.CLOSED}
    assert all(e.closed_in.date > e.given_in.date for e in entries)
