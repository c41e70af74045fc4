"""/api/search and the saved-search feed, over protokoll.search."""

from __future__ import annotations

import importlib.util

import pytest
from lxml import etree

from tests.api.test_feeds import ATOM, parse_atom

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        importlib.util.find_spec("protokoll.search.api") is None,
        reason="protokoll.search.api (the search area) is not installed yet",
    ),
]


@pytest.fixture
def indexed(archive):
    from protokoll.search.api import reindex_all

    reindex_all()
    return archive


def test_search_finds_by_stem_and_links_public_items(client, indexed):
    data = client.get("/api/search?q=riktlinjerna&order=date").json()
    assert data["pagination"]["totalElements"] == 2  # § 22 and its report-back § 42
    assert [h["number"] for h in data["data"]] == ["42", "22"]
    hit = data["data"][1]
    assert hit["name"] == "Riktlinjer för hemtjänst 2025"
    assert client.get(hit["agendaItem"]).json()["number"] == "22"
    assert "<mark>" in hit["snippetHtml"]
    assert data["feed"].startswith("http://testserver/api/search/feed.atom?q=")


def test_search_filters_and_swedish_aliases(client, indexed):
    assert client.get("/api/search?q=hemtjänst").json()["pagination"]["totalElements"] == 2
    only_votes = client.get("/api/search?q=hemtjänst&has_vote=1").json()
    assert [h["date"] for h in only_votes["data"]] == ["2025-03-18"]
    aliased = client.get("/api/search?q=hemtjänst&omrostning=1&kommun=exempelstad").json()
    assert aliased["data"] == only_votes["data"]
    assert client.get("/api/search?q=hemtjänst&till=2025-03-31").json()["pagination"]["totalElements"] == 1
    assert client.get("/api/search?q=x&municipality=nowhere").status_code == 400
    assert client.get("/api/search?q=x&outcome=maybe").status_code == 400


@pytest.mark.parametrize("q", ['"riktlinjer', "riktlinjer:", "riktl*", "(riktlinjer", "NOT AND )"])
def test_odd_queries_never_fail(client, indexed, q):
    response = client.get("/api/search", {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["data"], list)


def test_withheld_and_unpublished_never_match(client, indexed):
    assert client.get("/api/search?q=kontaktfamilj").json()["data"] == []
    assert client.get("/api/search?q=Opublicerad").json()["data"] == []


def test_saved_search_feed(client, indexed):
    root = parse_atom(client.get("/api/search/feed.atom?q=hemtjänst"))
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles[0].startswith("Socialnämnden 2025-04-15 § 42")  # newest first
    assert len(titles) == 2
    empty = parse_atom(client.get("/api/search/feed.atom?q=zzzzqqq"))
    assert empty.findall(f"{ATOM}entry") == []
    assert isinstance(empty, etree._Element)


def test_a_count_cut_at_the_bound_says_it_is_a_lower_bound(client, indexed, monkeypatch):
    from protokoll.search import backends

    data = client.get("/api/search?q=hemtjänst").json()
    assert data["pagination"]["totalElements"] == 2 and data["totalIsLowerBound"] is False
    monkeypatch.setattr(backends, "RANK_WINDOW", 1)
    data = client.get("/api/search?q=hemtjänst&per_page=1").json()
    assert data["pagination"]["totalElements"] == 1 and data["totalIsLowerBound"] is True
    assert len(data["data"]) == 1
