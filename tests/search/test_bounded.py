"""Filters inside the index, date order by key, and bounded work for broad queries
(docs/search.md), on whichever database PROTOKOLL_DATABASE_URL selects."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.db import connection

from protokoll.document.model import Motion, Person, Reservation, Statement, Vote
from protokoll.search import backends
from protokoll.search.api import reindex_meeting, search
from protokoll.search.facets import item_id_of
from protokoll.search.models import Entry
from protokoll.search.text import parse_query
from tests.search.helpers import item, meeting

pytestmark = pytest.mark.django_db

PARTIES = ["S", "M", "V", "KD", None]
OUTCOMES = ["decision", "referral", "information", None]


@pytest.fixture
def archive():
    """Twelve meetings in two municipalities, three bodies and two years; every § mentions
    "cykelvägar" a different number of times, so no two have the same score."""
    n = 0
    for k in range(12):
        items = []
        for p in range(1, 4):
            n += 1
            party = PARTIES[n % len(PARTIES)]
            by = [Person(name=f"Person {n}", party=party)] if party else []
            items.append(
                item(
                    p,
                    f"Ärende {n}",
                    " ".join(["Cykelvägar ska byggas."] * n + ["Övrigt."] * (40 - n)),
                    outcome=OUTCOMES[n % len(OUTCOMES)],
                    votes=[Vote(yes=5, no=4)] if n % 3 == 0 else [],
                    motions=[Motion(by=by, text="Bifall.")] if n % 2 else [],
                    reservations=[Reservation(by=by)] if n % 4 == 0 else [],
                    statements=[Statement(kind="special_statement", by=by, text="Ett särskilt yttrande.")]
                    if n % 5 == 0
                    else [],
                )
            )
        stored = meeting(
            items,
            body=["Tekniska nämnden", "Kommunstyrelsen", "Miljönämnden"][k % 3],
            municipality=["Exempelby", "Annanby"][k % 2],
            date=(dt.date(2024, 11, 1) + dt.timedelta(days=29 * k)).isoformat(),
        )
        reindex_meeting(stored)
    assert Entry.objects.count() == 36
    return Entry.objects.all()


def _ids(page):
    return [h.item_id for h in page.hits]


def _newest(ids):
    keys = dict(Entry.objects.filter(item_id__in=ids).values_list("item_id", "sort_key"))
    return sorted(ids, key=keys.__getitem__, reverse=True)


FILTERS = [
    {"has_vote": True},
    {"has_vote": False},
    {"has_reservation": True},
    {"party": "KD"},
    {"party": "s"},
    {"outcome": "referral"},
    {"outcome": 'x" OR "y'},
    {"municipality": "Annanby"},
    {"municipality": "Annanby", "body": "Kommunstyrelsen"},
    {"date_from": "2025-03-01"},
    {"date_to": "2025-03-01"},
    {"date_from": "2025-01-30", "date_to": "2025-01-30"},
    {"municipality": "Exempelby", "has_vote": True, "date_from": "2025-01-01"},
    {"party": "M", "outcome": "decision", "has_reservation": False},
]


def _keep(entry: Entry, f: dict) -> bool:
    """The filters as plain Python over the index rows: the reference for the FTS5 facets."""
    muni = {"Exempelby": "exempelby", "Annanby": "annanby"}
    checks = {
        "has_vote": lambda v: entry.has_vote == v,
        "has_reservation": lambda v: entry.has_reservation == v,
        "party": lambda v: f"|{v.upper()}|" in entry.parties,
        "outcome": lambda v: entry.outcome == v,
        "municipality": lambda v: entry.municipality_id == _muni_id(muni[v]),
        "body": lambda v: entry.body_id == _body_id(v, muni[f["municipality"]]),
        "date_from": lambda v: entry.date >= dt.date.fromisoformat(v),
        "date_to": lambda v: entry.date <= dt.date.fromisoformat(v),
    }
    return all(checks[k](v) for k, v in f.items())


def _muni_id(slug):
    from protokoll.archive.models import Municipality

    return Municipality.objects.get(slug=slug).pk


def _body_id(name, municipality_slug):
    from protokoll.archive.models import Body

    return Body.objects.get(name=name, municipality__slug=municipality_slug).pk


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()))
@pytest.mark.parametrize("order", ["relevance", "date"])
def test_a_filter_keeps_exactly_the_matching_rows_in_the_same_order(archive, filters, order):
    everything = _ids(search("cykelvägar", order=order, per_page=100))
    assert len(everything) == 36
    rows = {e.item_id: e for e in archive}
    expected = [i for i in everything if _keep(rows[i], filters)]
    page = search("cykelvägar", order=order, per_page=100, **filters)
    assert _ids(page) == expected
    assert page.total == len(expected) and not page.total_is_lower_bound


def test_date_order_is_key_order(archive):
    page = search("cykelvägar", order="date", per_page=100)
    assert _ids(page) == _newest(_ids(page))
    dates = [h.date for h in page.hits]
    assert dates == sorted(dates, reverse=True)


def test_relevance_is_bm25_over_every_match_below_the_window(archive):
    page = search("cykelvägar", per_page=100)
    assert page.total == 36 and not page.total_is_lower_bound
    scores = [h.score for h in page.hits]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 36
    raw = backends.backend().raw(parse_query("cykelvägar"), 100)
    raw_ids = [item_id_of(r[0]) if connection.vendor == "sqlite" else r[0] for r in raw]
    assert _ids(page) == raw_ids  # the bare engine query, ranking every match
    # §§ saying it more often rank higher (the text grows with n).
    assert page.hits[0].title == "Ärende 36"


def test_a_window_as_large_as_the_matches_changes_nothing(archive, monkeypatch):
    exact = {order: _ids(search("cykelvägar", order=order, per_page=100)) for order in ("relevance", "date")}
    exact_pages = [_ids(search("cykelvägar", per_page=7, page=p)) for p in range(1, 7)]
    monkeypatch.setattr(backends, "RANK_WINDOW", 36)
    for order, ids in exact.items():
        page = search("cykelvägar", order=order, per_page=100)
        assert _ids(page) == ids
        assert page.total == 36 and not page.total_is_lower_bound
    assert [_ids(search("cykelvägar", per_page=7, page=p)) for p in range(1, 7)] == exact_pages


def test_a_broad_query_ranks_the_newest_window_and_says_the_total_is_a_lower_bound(archive, monkeypatch):
    newest_ten = _ids(search("cykelvägar", order="date", per_page=10))
    monkeypatch.setattr(backends, "RANK_WINDOW", 10)
    page = search("cykelvägar", per_page=5)
    assert page.total == 10 and page.total_is_lower_bound and page.pages == 2
    second = search("cykelvägar", per_page=5, page=2)
    ranked = _ids(page) + _ids(second)
    assert sorted(ranked) == sorted(newest_ten)
    scores = [h.score for h in page.hits + second.hits]
    assert scores == sorted(scores, reverse=True)
    # Date order needs no ranking: the page is exact, only the count stops at the window.
    by_date = search("cykelvägar", order="date", per_page=5)
    assert _ids(by_date) == newest_ten[:5]
    assert by_date.total == 10 and by_date.total_is_lower_bound
    # A page beyond the window widens it rather than showing nothing.
    deep = search("cykelvägar", per_page=5, page=4)
    assert len(deep.hits) == 5 and deep.total == 20 and deep.total_is_lower_bound
    beyond = search("cykelvägar", per_page=5, page=9)
    assert beyond.hits == [] and beyond.total == 36 and not beyond.total_is_lower_bound
    # A query matching no more than the window is exact.
    few = search("cykelvägar", municipality="Annanby", has_vote=True, per_page=5)
    assert few.total == 6 and not few.total_is_lower_bound and few.pages == 2
    # Browsing without words counts the same way.
    browsed = search("", municipality="Annanby", per_page=5)
    assert browsed.total == 10 and browsed.total_is_lower_bound


def test_every_combination_of_two_flags(archive):
    for vote, reservation in itertools.product([True, False], repeat=2):
        page = search("cykelvägar", has_vote=vote, has_reservation=reservation, per_page=100)
        assert {(e.has_vote, e.has_reservation) for e in archive.filter(item_id__in=_ids(page))} <= {
            (vote, reservation)
        }
        assert page.total == archive.filter(has_vote=vote, has_reservation=reservation).count()
