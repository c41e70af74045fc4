"""Relevance when the query holds a word found in most §§: SQLite scores only the phrases that
can change the order (``protokoll.search.ranking``), and the page must still be bm25's ranking
of every match, on whichever database PROTOKOLL_DATABASE_URL selects."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from protokoll.search import backends, ranking
from protokoll.search.api import reindex_meeting, search
from protokoll.search.facets import item_id_of
from protokoll.search.text import parse_query, stem
from tests.search.helpers import item, meeting

pytestmark = pytest.mark.django_db

QUERY = "beslutade om cykelvägar"


@pytest.fixture
def archive():
    """Sixteen §§ in four meetings, all saying "beslutade" (so bm25 gives it no weight), the
    newest seven also saying "cykelvägar": the more a § says one, the less it says the other,
    so scoring "beslutade" as if it were rare would turn the order around."""
    n = 0
    for k in range(4):
        items = []
        for p in range(1, 5):
            n += 1
            bike = max(0, n - 9)
            text = ["Nämnden beslutade om cykelvägar."] * bike + ["Nämnden beslutade."] * (17 - n)
            items.append(item(p, f"Ärende {n}", " ".join(text)))
        stored = meeting(items, date=(dt.date(2025, 1, 10) + dt.timedelta(days=30 * k)).isoformat())
        reindex_meeting(stored)


def _ids(page):
    return [h.item_id for h in page.hits]


def _raw_ids(q: str) -> list[int]:
    raw = backends.backend().raw(parse_query(q), 100)
    return [item_id_of(r[0]) if connection.vendor == "sqlite" else r[0] for r in raw]


def test_a_common_word_leaves_the_ranking_of_every_match_unchanged(archive):
    page = search(QUERY, per_page=100)
    assert page.total == 7 and not page.total_is_lower_bound
    assert _ids(page) == _raw_ids(QUERY)  # the bare engine query, scoring every phrase
    scores = [h.score for h in page.hits]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 7
    assert page.hits[0].title == "Ärende 16"
    # Date order shows the same scores, filtered or not.
    by_score = {h.item_id: h.score for h in page.hits}
    for filters in ({}, {"has_vote": False}, {"date_from": "2025-03-01"}):
        by_date = search(QUERY, order="date", per_page=100, **filters)
        assert {h.item_id: h.score for h in by_date.hits} == pytest.approx(
            {i: by_score[i] for i in _ids(by_date)}, abs=1e-5
        )
        assert [h.date for h in by_date.hits] == sorted((h.date for h in by_date.hits), reverse=True)


def test_a_common_word_with_a_filter_and_a_narrow_window(archive, monkeypatch):
    newest_five = _ids(search(QUERY, order="date", per_page=5))
    full = search(QUERY, per_page=100)
    everything = _ids(full)
    monkeypatch.setattr(backends, "RANK_WINDOW", 5)
    page = search(QUERY, per_page=5)
    assert sorted(_ids(page)) == sorted(newest_five)
    assert _ids(page) == [i for i in everything if i in newest_five]
    assert page.total == 5 and page.total_is_lower_bound
    # Filtered to the three matches of March: all of them, in the order of the full ranking.
    filtered = search(QUERY, per_page=5, date_from="2025-03-01", date_to="2025-03-31")
    march = [h.item_id for h in full.hits if h.date.month == 3]
    assert _ids(filtered) == march and len(march) == 3
    assert filtered.total == 3 and not filtered.total_is_lower_bound


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_only_phrases_in_under_half_of_the_rows_are_scored(archive, monkeypatch):
    common, rare, everywhere = f'"{stem("beslutade")}"', f'"{stem("cykelvägar")}"', f'"{stem("nämnden")}"'
    assert ranking.scored_phrases([common, rare]) == [rare]
    never = f'"{stem("cykelvägar")} {stem("beslutade")}"'  # a phrase no § has
    assert ranking.scored_phrases([rare, never]) == [rare, never]
    # Nothing left to score: every phrase is kept, their tiny idfs are all bm25 orders by.
    assert ranking.scored_phrases([common, everywhere]) == [common, everywhere]
    assert ranking.scored_phrases([common]) == [common]
    # The share is estimated on the newest rows: seven of the newest eight say "cykelvägar".
    monkeypatch.setattr(ranking, "SAMPLE", 8)
    assert ranking.scored_phrases([common, rare]) == [common, rare]


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_a_yes_no_filter_in_most_rows_is_asked_as_not_the_other_value(archive):
    # No § of the archive has a vote: "_v0" is in every row, "_v1" in none.
    sample = ranking.Sample()
    assert ranking.yes_no('"_v0"', '"_v1"', sample) == (None, '"_v1"')
    assert ranking.yes_no('"_v1"', '"_v0"', sample) == ('"_v1"', None)
    assert backends.facet_match(backends.Filters(has_vote=False, has_reservation=True), sample) == (
        ['"_r1"'],
        ['"_v1"'],
    )
    assert _ids(search(QUERY, has_vote=False, per_page=100)) == _ids(search(QUERY, per_page=100))
    assert search(QUERY, has_vote=True).total == 0
