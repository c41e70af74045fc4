"""``/api/search``: JSON over ``protokoll.search.api.search``; every hit is checked against
the public rows again, because a search index can lag behind a change of sekretess."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from django.http import HttpRequest

from protokoll.archive import models as m
from protokoll.domain.vocab import Outcome
from protokoll.web.api.links import Links
from protokoll.web.api.paging import MAX_PER_PAGE, BadParameter, date_param, int_param
from protokoll.web.api.respond import api_view, error, json_response
from protokoll.web.public import open_items

# The search page's Swedish parameter names, so that its "subscribe" link works here too.
ALIASES = {
    "kommun": "municipality",
    "organ": "body",
    "fran": "from",
    "till": "to",
    "parti": "party",
    "utfall": "outcome",
    "omrostning": "has_vote",
    "reservation": "has_reservation",
    "ordning": "order",
    "sida": "page",
}
MAX_QUERY = 500


def engine():
    """``protokoll.search.api.search``, or None while the search area is not installed."""
    try:
        module = importlib.import_module("protokoll.search.api")
    except ModuleNotFoundError as exc:
        if exc.name in ("protokoll.search.api", "protokoll.search"):
            return None
        raise
    return getattr(module, "search", None)


class _Params:
    """Query-string values under their English names, Swedish aliases accepted."""

    def __init__(self, request: HttpRequest) -> None:
        self.values = {ALIASES.get(k, k): v for k, v in request.GET.items()}

    def get(self, name: str) -> str:
        return (self.values.get(name) or "").strip()


@dataclass
class Query:
    q: str
    filters: dict
    page: int
    per_page: int


def parse(request: HttpRequest, default_order: str = "relevance") -> Query:
    params = _Params(request)
    fake = _FakeGet(params.values)
    filters: dict = {}
    slug = params.get("municipality")
    if slug:
        muni = m.Municipality.objects.filter(slug=slug).first()
        if muni is None:
            raise BadParameter(f"municipality: no municipality {slug!r}")
        filters["municipality"] = muni.pk
    body = params.get("body")
    if body:
        filters["body"] = _body_id(body)
    filters["date_from"] = date_param(fake, "from")
    filters["date_to"] = date_param(fake, "to")
    filters["party"] = params.get("party") or None
    outcome = params.get("outcome")
    if outcome and outcome not in set(Outcome):
        raise BadParameter(f"outcome: one of {', '.join(o.value for o in Outcome)}")
    filters["outcome"] = outcome or None
    for flag in ("has_vote", "has_reservation"):
        filters[flag] = True if params.get(flag) in ("1", "true", "yes") else None
    order = params.get("order") or default_order
    filters["order"] = "date" if order in ("date", "datum") else "relevance"
    per_page = min(int_param(fake, "per_page", 20), MAX_PER_PAGE)
    # A NUL is no word; dropped here rather than refused, a search never fails on its input.
    return Query(
        params.get("q").replace("\x00", " ")[:MAX_QUERY], filters, int_param(fake, "page", 1), per_page
    )


class _FakeGet:
    """Just enough of a request for the ``paging`` parameter readers."""

    def __init__(self, values: dict) -> None:
        self.GET = values


def _body_id(value: str) -> int:
    """A body given by id or as "municipality-slug/body-slug" (the search page's form)."""
    rows = m.Body.objects.all()
    if value.isdigit():
        found = rows.filter(pk=int(value)).first()
    else:
        muni, _, slug = value.partition("/")
        found = rows.filter(municipality__slug=muni, slug=slug).first()
    if found is None:
        raise BadParameter(f"body: no body {value!r}")
    return found.pk


def run(query: Query):
    """(hits that are public, the ``SearchPage``) — or None when there is no search engine."""
    search = engine()
    if search is None:
        return None
    page = search(query.q, **query.filters, page=query.page, per_page=query.per_page)
    visible = set(open_items().filter(pk__in=[h.item_id for h in page.hits]).values_list("pk", flat=True))
    return [h for h in page.hits if h.item_id in visible], page


def hit(h, links: Links) -> dict:
    return {
        "agendaItem": links.url("agenda-item-detail", h.item_id),
        "meeting": links.url("meeting-detail", h.meeting_id),
        "number": str(h.paragraph) if h.paragraph is not None else None,
        "name": h.title,
        "date": h.date.isoformat(),
        "bodyName": h.body_name,
        "municipalityName": h.municipality_name,
        "snippetHtml": h.snippet_html,
        "score": h.score,
    }


@api_view
def search_view(request: HttpRequest):
    query = parse(request)
    found = run(query)
    if found is None:
        return error(503, "search is not installed on this server")
    hits, page = found
    total = page.total
    links = Links(request)
    pages = max(1, -(-total // query.per_page))

    def link(n: int) -> str:
        values = dict(request.GET.items())
        values.pop("sida", None)
        values.update(page=str(n), per_page=str(query.per_page))
        return links.url("search", **values)

    out_links = {"self": link(query.page), "first": link(1), "last": link(pages)}
    if query.page > 1:
        out_links["prev"] = link(min(query.page - 1, pages))
    if query.page < pages:
        out_links["next"] = link(query.page + 1)
    return json_response(
        {
            "query": query.q,
            "data": [hit(h, links) for h in hits],
            "pagination": {
                "totalElements": total,
                "elementsPerPage": query.per_page,
                "currentPage": query.page,
                "totalPages": pages,
            },
            # A broad query is counted only up to a bound: totalElements is then "more than".
            "totalIsLowerBound": page.total_is_lower_bound,
            "links": out_links,
            "feed": links.url("search-feed", **dict(request.GET.items())),
        }
    )
