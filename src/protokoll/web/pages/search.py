"""The search page: words and filters in, highlighted §§ out. Whatever is typed is searched
for as plain words; a malformed query or filter never gives an error page."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from protokoll.archive.models import Body, Municipality
from protokoll.domain.vocab import Outcome
from protokoll.search.api import search
from protokoll.web import public
from protokoll.web.pages import figures, labels
from protokoll.web.pages.common import meeting_url, page

PER_PAGE = 20
MAX_QUERY = 500


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


def _page_number(value: str) -> int:
    return min(int(value), 10_000) if value.isdigit() and int(value) > 0 else 1


class Form:
    """The search form's values, read leniently from the query string."""

    def __init__(self, get) -> None:
        self.q = get.get("q", "")[:MAX_QUERY]
        self.kommun = get.get("kommun", "")
        self.organ = get.get("organ", "")
        self.fran_text, self.till_text = get.get("fran", ""), get.get("till", "")
        self.fran, self.till = _date(self.fran_text), _date(self.till_text)
        self.parti = get.get("parti", "")
        self.utfall = get.get("utfall", "") if get.get("utfall", "") in set(Outcome) else ""
        self.omrostning = get.get("omrostning") == "1"
        self.reservation = get.get("reservation") == "1"
        self.ordning = "datum" if get.get("ordning") == "datum" else "relevans"
        self.sida = _page_number(get.get("sida", ""))
        self.date_errors = [
            label
            for label, text, value in (
                ("Från", self.fran_text, self.fran),
                ("Till", self.till_text, self.till),
            )
            if text.strip() and value is None
        ]

    @property
    def asked(self) -> bool:
        return bool(
            self.q.strip()
            or self.kommun
            or self.organ
            or self.fran
            or self.till
            or self.parti
            or self.utfall
            or self.omrostning
            or self.reservation
        )

    def query(self, **change) -> str:
        values = {
            "q": self.q,
            "kommun": self.kommun,
            "organ": self.organ,
            "fran": self.fran_text,
            "till": self.till_text,
            "parti": self.parti,
            "utfall": self.utfall,
            "omrostning": "1" if self.omrostning else "",
            "reservation": "1" if self.reservation else "",
            "ordning": self.ordning,
            "sida": str(self.sida),
        }
        values.update(change)
        return urlencode({k: v for k, v in values.items() if v and not (k == "sida" and v == "1")})


def _options() -> dict:
    meetings = public.public_meetings()
    body_ids = meetings.order_by().values("body_id").distinct()
    bodies = list(Body.objects.filter(pk__in=body_ids).select_related("municipality"))
    municipalities = list(Municipality.objects.filter(pk__in=[b.municipality_id for b in bodies]))
    parties = sorted(
        set(
            figures.public_attendance()
            .exclude(party=None)
            .values_list("party", flat=True)
            .order_by()
            .distinct()
        )
    )
    return {
        "municipalities": municipalities,
        "bodies": bodies,
        "parties": parties,
        "outcomes": [(o.value, labels.OUTCOME[o]) for o in Outcome],
    }


def _run(form: Form, options: dict):
    muni = next((x for x in options["municipalities"] if x.slug == form.kommun), None)
    body = next((b for b in options["bodies"] if f"{b.municipality.slug}/{b.slug}" == form.organ), None)
    return search(
        form.q,
        municipality=muni.pk if muni else None,
        body=body.pk if body else None,
        date_from=form.fran,
        date_to=form.till,
        party=form.parti if form.parti in options["parties"] else None,
        outcome=form.utfall or None,
        has_vote=True if form.omrostning else None,
        has_reservation=True if form.reservation else None,
        order="date" if form.ordning == "datum" else "relevance",
        page=form.sida,
        per_page=PER_PAGE,
    )


def _feed_url(form: Form) -> str:
    """The saved-search Atom feed of the API (its parameter names), newest first."""
    try:
        base = reverse("api:search-feed")
    except NoReverseMatch:  # the API is not installed
        return ""
    params = {
        "q": form.q,
        "municipality": form.kommun,
        "body": form.organ,
        "from": form.fran.isoformat() if form.fran else "",
        "to": form.till.isoformat() if form.till else "",
        "party": form.parti,
        "outcome": form.utfall,
        "has_vote": "1" if form.omrostning else "",
        "has_reservation": "1" if form.reservation else "",
    }
    return f"{base}?{urlencode({k: v for k, v in params.items() if v})}"


def hits_text(total: int, lower_bound: bool) -> str:
    """ "12 träffar", "1 träff", "fler än 10 000 träffar" (a broad query is counted up to a
    bound, docs/search.md); digits grouped by a no-break space, the Swedish way."""
    number = f"{total:,}".replace(",", "\u00a0")
    if lower_bound:
        return f"Fler än {number} träffar"
    return f"{number} träff" if total == 1 else f"{number} träffar"


def search_page(request: HttpRequest) -> HttpResponse:
    form = Form(request.GET)
    options = _options()
    result, hits = None, []
    if form.asked:
        result = _run(form, options)
        meetings = {
            mt.pk: mt for mt in public.public_meetings().filter(pk__in={h.meeting_id for h in result.hits})
        }
        # A hit whose meeting is not public is dropped here too: the search index may lag.
        hits = [
            {
                "hit": h,
                "snippet": mark_safe(h.snippet_html),  # escaped by the search engine, <mark> only
                "url": f"{meeting_url(meetings[h.meeting_id])}#p{h.paragraph}",
                "date_text": labels.long_date(h.date),
            }
            for h in result.hits
            if h.meeting_id in meetings
        ]
    pages, total_text = 0, ""
    if result is not None:
        total_text = hits_text(result.total, result.total_is_lower_bound)
    if result is not None and result.total:
        pages = (result.total + PER_PAGE - 1) // PER_PAGE
    return page(
        request,
        "search.html",
        {
            "form": form,
            **options,
            "result": result,
            "hits": hits,
            "pages": pages,
            "total_text": total_text,
            "previous": form.query(sida=str(form.sida - 1)) if form.sida > 1 else "",
            "next": form.query(sida=str(form.sida + 1)) if form.sida < pages else "",
            "by_date": form.query(ordning="datum", sida="1"),
            "by_relevance": form.query(ordning="relevans", sida="1"),
            "feed_url": _feed_url(form),
        },
    )
