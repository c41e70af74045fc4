"""``search()``: Swedish full-text search over the public archive, the same on both engines.

The query is read as plain words (and "exact phrases" in balanced double quotes): whatever a
person types, including quotes, colons, asterisks, parentheses and words like AND, NOT or NEAR,
is never passed on as query syntax, so a search never fails on its input (docs/search.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from protokoll.archive.models import Body, Motion, Municipality
from protokoll.search.backends import RANK_WINDOW, Filters, backend, browse
from protokoll.search.indexing import reindex_all, reindex_meeting, remove_meeting
from protokoll.search.snippets import snippet
from protokoll.search.text import Query, parse_query
from protokoll.web.public import open_items

__all__ = ["RANK_WINDOW", "Hit", "SearchPage", "search", "reindex_all", "reindex_meeting", "remove_meeting"]

MAX_PER_PAGE = 100
MAX_PAGE = 500


@dataclass(frozen=True)
class Hit:
    item_id: int
    meeting_id: int
    paragraph: int | None
    title: str | None
    date: dt.date
    body_name: str
    municipality_name: str
    snippet_html: str
    score: float


@dataclass(frozen=True)
class SearchPage:
    total: int
    page: int
    per_page: int
    hits: list[Hit] = field(default_factory=list)
    query: Query = field(default_factory=Query)
    # True when the query matches more §§ than were counted (``RANK_WINDOW``): ``total`` is
    # then a lower bound ("fler än 10 000 träffar") and relevance ranks the newest of them.
    total_is_lower_bound: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _bool(value) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "ja", "yes", "on"}
    return bool(value)


_MISSING = -1  # an id no row has: a filter naming nothing that exists matches nothing


def _municipality_id(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, Municipality):
        return value.pk
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    found = Municipality.objects.filter(slug=text).first() or Municipality.objects.filter(name=text).first()
    return found.pk if found else _MISSING


def _body_id(value, municipality_id: int | None) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, Body):
        return value.pk
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    rows = Body.objects.all()
    if municipality_id is not None:
        rows = rows.filter(municipality_id=municipality_id)
    found = rows.filter(slug=text).first() or rows.filter(name=text).first()
    return found.pk if found else _MISSING


def make_filters(
    municipality=None,
    body=None,
    date_from=None,
    date_to=None,
    party=None,
    outcome=None,
    has_vote=None,
    has_reservation=None,
) -> Filters:
    """Filters from loose input (ids, slugs, names, ISO dates, "1"/"0"): a value that cannot be
    read is ignored, one naming nothing that exists matches nothing."""
    muni = _municipality_id(municipality)
    party_code = str(party).strip().upper() if party else None
    return Filters(
        municipality_id=muni,
        body_id=_body_id(body, muni if muni != _MISSING else None),
        date_from=_date(date_from),
        date_to=_date(date_to),
        party=party_code if party_code and party_code.isalpha() else None,
        outcome=str(outcome) if outcome else None,
        has_vote=_bool(has_vote),
        has_reservation=_bool(has_reservation),
    )


def search(
    q: str | None,
    *,
    municipality=None,
    body=None,
    date_from=None,
    date_to=None,
    party=None,
    outcome=None,
    has_vote=None,
    has_reservation=None,
    order: str = "relevance",
    page: int = 1,
    per_page: int = 20,
) -> SearchPage:
    """Search the public archive. ``order`` is "relevance" (default) or "date" (newest first);
    an empty query lists the filtered §§ newest first. Never raises on what the user typed."""
    query = parse_query(q)
    filters = make_filters(municipality, body, date_from, date_to, party, outcome, has_vote, has_reservation)
    try:
        page = min(max(1, int(page)), MAX_PAGE)
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = min(max(1, int(per_page)), MAX_PER_PAGE)
    except (TypeError, ValueError):
        per_page = 20
    offset = (page - 1) * per_page
    if query.empty:
        if (q or "").strip() and not filters.any:
            return SearchPage(0, page, per_page, [], query)  # only stop words or punctuation
        found = browse(filters, per_page, offset)
    else:
        found = backend().search(query, filters, "date" if order == "date" else "relevance", per_page, offset)
    return SearchPage(found.total, page, per_page, _hits(found.rows, query), query, found.more)


def _hits(rows: list[tuple[int, float]], query: Query) -> list[Hit]:
    """The page's §§, read from the public rows: an index row that is stale (a § withheld or a
    meeting unpublished since it was indexed) finds no public row and is dropped."""
    if not rows:
        return []
    ids = [r[0] for r in rows]
    found = {
        r[0]: r
        for r in open_items()
        .filter(pk__in=ids)
        .order_by()
        .values_list(
            "pk",
            "meeting_id",
            "paragraph",
            "title",
            "meeting__date",
            "meeting__body__name",
            "meeting__body__municipality__name",
            "decision",
            "proposed_decision",
            "background",
        )
    }
    motions: dict[int, list[str]] = {}
    for item_id, text in (
        Motion.objects.filter(item_id__in=list(found)).order_by().values_list("item_id", "text")
    ):
        motions.setdefault(item_id, []).append(text)
    hits = []
    for item_id, score in rows:
        r = found.get(item_id)
        if r is None:
            continue
        fields = [r[7], r[8], r[9], *motions.get(item_id, [])]
        hits.append(Hit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], snippet(fields, query.marked), score))
    return hits
