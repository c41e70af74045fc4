"""Few queries per page, independent of the size of the meeting; the uppdrag ledger's statuses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protokoll.archive import models as m
from protokoll.document import example
from protokoll.document.model import Item
from protokoll.insights.ledger import status_of
from protokoll.insights.phrases import is_closing
from tests.web.helpers import load, load_demo, text_of, url

pytestmark = pytest.mark.django_db

PROTOCOL_QUERIES = 25


def _queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured.captured_queries)


def test_protocol_page_query_count_does_not_grow_with_the_meeting(client):
    meetings = load_demo()
    sizes = {mt.pk: m.Item.objects.filter(meeting=mt).count() for mt in meetings}
    small = min(meetings, key=lambda mt: sizes[mt.pk])
    large = max(meetings, key=lambda mt: sizes[mt.pk] + 10 * m.Vote.objects.filter(item__meeting=mt).count())
    assert sizes[large.pk] > sizes[small.pk]
    few, many = _queries(client, url(small)), _queries(client, url(large))
    assert many <= PROTOCOL_QUERIES
    # Django skips the prefetch of a relation whose parents are all absent (no votes, so no
    # ballots query): a small meeting may use a few less, a large one never more per row.
    assert few <= many <= few + 3, (few, many)


@pytest.mark.parametrize(
    "address",
    ["/", "/kommun/exempelstad/", "/kommun/exempelstad/kommunstyrelsen/", "/kommun/exempelstad/uppdrag/"],
)
def test_listing_pages_use_few_queries(client, address):
    load_demo()
    assert _queries(client, address) <= 12


def test_status_rules():
    """The ledger page shows insights.ledger's statuses: a report whose decision closes the
    uppdrag closes it, any other report only reports it back."""
    today = dt.date(2025, 6, 1)

    def status(due, report_decision):
        reported = report_decision is not None
        return status_of(due, reported, is_closing(report_decision), today)

    assert status(dt.date(2025, 5, 1), None) == "overdue"
    assert status(dt.date(2025, 7, 1), None) == "open"
    assert status(None, None) == "open"
    assert status(dt.date(2025, 5, 1), "Nämnden förklarar uppdraget slutfört.") == "closed"
    assert status(dt.date(2025, 5, 1), "Nämnden noterar informationen.") == "reported"


def test_ledger_links_the_report_and_filters_by_status(client):
    load()  # the uppdrag in § 22, due 2025-09-30, never reported: overdue now
    later = example("minimal")
    report = Item(
        paragraph=40,
        title="Återrapport av uppdrag om riktlinjer för hemtjänst",
        case_number="SN 2024/00231",
        outcome="information",
        decision="Socialnämnden noterar återrapporten.",
    )
    html = text_of(client.get("/kommun/exempelstad/uppdrag/?status=overdue"))
    assert "återrapportera införandet till nämnden" in html
    assert "återrapportera införandet" not in text_of(
        client.get("/kommun/exempelstad/uppdrag/?status=closed")
    )
    doc = later.model_copy(
        update={
            "municipality": "Exempelstad",
            "body": "Socialnämnden",
            "meeting": later.meeting.model_copy(update={"date": dt.date(2025, 10, 20)}),
            "items": [report],
        }
    )
    from protokoll.domain.dnr import parse_dnr

    doc.items[0].case = parse_dnr("SN 2024/00231")
    load(doc)
    html = text_of(client.get("/kommun/exempelstad/uppdrag/?status=reported"))
    assert "återrapportera införandet till nämnden" in html
    assert "2025-10-20 § 40" in html
    assert "återrapportera införandet" not in text_of(
        client.get("/kommun/exempelstad/uppdrag/?status=overdue")
    )


def test_person_and_party_pages_count_public_rows_only(client, full):
    ballot = m.Ballot.objects.exclude(person=None).select_related("vote__item").first()
    person_page = f"/kommun/exempelstad/person/{ballot.person_id}/"
    assert "Riktlinjer för hemtjänst 2025" in text_of(client.get(person_page))
    m.Item.objects.filter(pk=ballot.vote.item_id).update(confidential=True)
    html = text_of(client.get(person_page))
    assert "Riktlinjer för hemtjänst 2025" not in html
    assert "Inga röster" in html
