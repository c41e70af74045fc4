"""The person, party and body pages show the figures of ``insights.stats``: attendance over the
ledamot seat, the winning side per KL 5:56, "–" for a rate without a denominator, public rows
only, and a number of queries that does not grow with the meetings and votes."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.document.model import Reservation
from tests.insights.helpers import ANNA, BO, CIA, EVA, doc, item
from tests.insights.helpers import entry as _entry
from tests.insights.helpers import vote as _vote
from tests.web.helpers import reindex, text_of

pytestmark = pytest.mark.django_db


def _meeting(date, votes=(), attendance=None, **fields):
    items = [
        item(n, f"Ärende {date} {n}", "Nämnden beslutar.", outcome="decision", votes=[v], **fields)
        for n, v in enumerate(votes, start=1)
    ] or [item(1, f"Ärende {date}", "Nämnden beslutar.", outcome="decision", **fields)]
    roll = attendance if attendance is not None else [_entry(ANNA), _entry(BO), _entry(CIA)]
    return load_document(doc(date, items, chair=CIA, attendance=roll)).meeting


def _person_page(client, name) -> str:
    person = m.Person.objects.get(name=name)
    return text_of(client.get(reverse("person", args=[person.municipality.slug, person.pk])))


def _party_page(client, party) -> str:
    return text_of(client.get(reverse("party", args=[m.Municipality.objects.get().slug, party])))


def _body_page(client) -> str:
    body = m.Body.objects.get()
    return text_of(client.get(reverse("body", args=[body.municipality.slug, body.slug])))


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_ledamot_left_out_of_a_protocol_counts_as_absent(client):
    _meeting("2025-01-10")
    _meeting("2025-02-10", attendance=[_entry(BO), _entry(CIA)])  # Anna is not listed at all
    _meeting("2025-03-10", attendance=[_entry(ANNA, status="absent", serving=False), _entry(BO), _entry(CIA)])
    html = _plain(_person_page(client, "Anna Ek"))
    assert "Närvarande vid 1 av 3 sammanträden under tiden som ledamot (33 %)" in html
    assert "Fritidsnämnden 3 1 33 % 0" in html  # the per-body table
    assert "Närvarande vid 3 av 3 sammanträden" in _plain(_person_page(client, "Bo Lind"))


def test_a_tie_counts_for_the_chair_only_with_an_utslagsrost_on_record(client):
    _meeting(
        "2025-01-10",
        votes=[
            _vote(2, 2, casting_vote=True, anna="no", bo="no", cia="yes", eva="yes"),
            _vote(2, 2, anna="no", bo="no", cia="yes", eva="yes"),  # no utslagsröst recorded
        ],
        attendance=[_entry(ANNA), _entry(BO), _entry(CIA), _entry(EVA)],
    )
    person = _plain(_person_page(client, "Anna Ek"))
    assert "1 av 1 ja- och nej-röster (100 %) gick emot det förslag som vann" in person
    assert "Ärende 2025-01-10 2 Nej –" in person  # the row of the vote without a known winner
    body = _plain(_body_page(client))
    assert "V 1 1 100 %" in body and "M 1 1 100 %" in body and "S 2 0 0 %" in body


def test_a_rate_without_a_denominator_shows_a_dash(client):
    _meeting(
        "2025-01-10",
        votes=[_vote(2, 2, anna="no", bo="no", cia="yes", eva="yes")],
        attendance=[_entry(ANNA), _entry(BO), _entry(CIA), _entry(EVA, group="substitute", serving=False)],
    )
    eva = _plain(_person_page(client, "Eva Sten"))
    assert "Fritidsnämnden 0 0 – 0" in eva  # listed as ersättare only: no attendance rate
    assert "Andel röster emot det förslag som vann: –" in eva
    assert "V 0 0 – " in _plain(_body_page(client))
    party = _plain(_party_page(client, "V"))
    assert "Fritidsnämnden 0 0 – " in party


def test_withheld_paragraphs_and_unpublished_meetings_do_not_count(client):
    _meeting(
        "2025-01-10",
        votes=[_vote(2, 1, anna="no", bo="yes", cia="yes")],
        reservations=[Reservation(by=[ANNA])],
    )
    hidden = _meeting("2025-02-10", votes=[_vote(2, 1, anna="no", bo="yes", cia="yes")])
    m.Meeting.objects.filter(pk=hidden.pk).update(published=False)
    assert "1 av 1 ja- och nej-röster" in _plain(_person_page(client, "Anna Ek"))
    assert "Reservationer: 1 ärenden" in _plain(_party_page(client, "V"))
    m.Item.objects.filter(meeting__date="2025-01-10").update(confidential=True)
    anna = _plain(_person_page(client, "Anna Ek"))
    assert "Inga röster i omröstningar" in anna and "Reservationer: 0 ärenden" in anna
    assert "Inga omröstningar med namngivna röster" in _body_page(client)


def _queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["person", "party", "body"])
def test_query_count_does_not_grow_with_meetings_and_votes(client, page):
    def address() -> str:
        anna = m.Person.objects.get(name="Anna Ek")
        body = m.Body.objects.get()
        return {
            "person": reverse("person", args=[anna.municipality.slug, anna.pk]),
            "party": reverse("party", args=[anna.municipality.slug, "V"]),
            "body": reverse("body", args=[body.municipality.slug, body.slug]),
        }[page]

    def votes():
        return [_vote(2, 1, anna="no", bo="yes", cia="yes"), _vote(1, 2, anna="yes", bo="no", cia="no")]

    _meeting("2025-01-10", votes=votes(), reservations=[Reservation(by=[ANNA])])
    reindex()
    few = _queries(client, address())
    for month in range(2, 9):
        _meeting(f"2025-{month:02d}-10", votes=votes(), reservations=[Reservation(by=[ANNA])])
    reindex()
    many = _queries(client, address())
    assert many == few, (few, many)
    assert many <= 20
