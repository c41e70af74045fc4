"""Atom 1.0 feeds (RFC 4287) to follow a body's meetings and decisions, a case, or a saved
search. Each feed and entry has id, title and updated; the feed has an author and a self link.
Summaries are plain text (``type="text"``), so a feed reader never interprets protocol text
as HTML."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.feedgenerator import Atom1Feed

from protokoll.archive import models as m
from protokoll.web.api import queries
from protokoll.web.api.links import STOCKHOLM, Links
from protokoll.web.api.respond import api_view, error
from protokoll.web.api.search import parse, run
from protokoll.web.api.shapes import OUTCOME_SV
from protokoll.web.api.views import case_history, get_case
from protokoll.web.masking import mask_personnummer
from protokoll.web.public import is_withheld, open_items, public_meetings

ENTRIES = 50
AUTHOR = "protokoll"


class TextAtomFeed(Atom1Feed):
    """Atom1Feed whose summaries are ``type="text"`` (Django's are ``type="html"``)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("text_summary"):
            handler.addQuickElement("summary", item["text_summary"], {"type": "text"})


def _page_url(name: str, *args) -> str | None:
    """The public HTML page for an object, when the pages area has it."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _meeting_page(links: Links, meeting: m.Meeting) -> str:
    page = _page_url("protocol", meeting.body.municipality.slug, meeting.body.slug, meeting.date)
    return links.absolute(page) if page else links.url("meeting-detail", meeting.pk)


def _self_url(request: HttpRequest) -> str:
    """The feed's own URL, its query re-encoded from the parsed values (never the raw bytes)."""
    query = urlencode(sorted(request.GET.items()))
    return request.build_absolute_uri(request.path) + (f"?{query}" if query else "")


def _body_page(links: Links, body: m.Body) -> str:
    page = _page_url("body", body.municipality.slug, body.slug)
    return links.absolute(page) if page else links.url("body-detail", body.pk)


def _feed(request: HttpRequest, title: str, link: str, subtitle: str) -> TextAtomFeed:
    return TextAtomFeed(
        title=title,
        link=link,
        description=subtitle,
        feed_url=_self_url(request),
        feed_guid=_self_url(request),
        author_name=AUTHOR,
        language="sv",
    )


def _response(feed: TextAtomFeed) -> HttpResponse:
    # The whole document is masked: titles, summaries and subtitles all quote archive text, and
    # the mask holds no character XML would need escaped (DOMAIN 1.10, checklist 37).
    text = mask_personnummer(feed.writeString("utf-8"))
    response = HttpResponse(text.encode("utf-8"), content_type="application/atom+xml; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _noon(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(12), tzinfo=STOCKHOLM)


def _agenda_text(meeting: m.Meeting) -> str:
    lines = []
    for item in meeting.items.all():
        number = f"§ {item.paragraph}" if item.paragraph is not None else "§"
        lines.append(f"{number} sekretess" if is_withheld(item) else f"{number} {item.title or ''}".strip())
    return "\n".join(lines)


def _item_entry(feed: TextAtomFeed, item: m.Item, links: Links) -> None:
    meeting = item.meeting
    outcome = OUTCOME_SV.get(item.outcome) if item.outcome else None
    text = "\n".join(x for x in (outcome and outcome.capitalize(), item.decision) if x)
    feed.add_item(
        title=f"{meeting.body.name} {meeting.date.isoformat()} § {item.paragraph}: {item.title or ''}".strip(),
        link=_meeting_page(links, meeting),
        description=None,
        unique_id=links.url("agenda-item-detail", item.pk),
        pubdate=_noon(meeting.date),
        updateddate=meeting.updated_at,
        text_summary=text,
    )


@api_view
def body_meetings(request: HttpRequest, pk: int):
    body = queries.bodies().get(pk=pk)
    links = Links(request)
    feed = _feed(
        request,
        f"{body.name}, {body.municipality.name}: sammanträden",
        _body_page(links, body),
        f"Publicerade protokoll från {body.name}",
    )
    rows = public_meetings().filter(body=body).prefetch_related("items").order_by("-date")[:ENTRIES]
    for meeting in rows:
        feed.add_item(
            title=f"{body.name} {meeting.date.isoformat()}",
            link=_meeting_page(links, meeting),
            description=None,
            unique_id=links.url("meeting-detail", meeting.pk),
            pubdate=_noon(meeting.date),
            updateddate=meeting.updated_at,
            text_summary=_agenda_text(meeting),
        )
    return _response(feed)


def _items(rows):
    return rows.select_related("meeting__body__municipality").order_by(
        "-meeting__date", "-meeting_id", "position"
    )[:ENTRIES]


@api_view
def body_decisions(request: HttpRequest, pk: int):
    body = queries.bodies().get(pk=pk)
    links = Links(request)
    feed = _feed(
        request,
        f"{body.name}, {body.municipality.name}: beslut",
        _body_page(links, body),
        f"Beslut i {body.name}",
    )
    for item in _items(open_items().filter(meeting__body=body).exclude(outcome=None)):
        _item_entry(feed, item, links)
    return _response(feed)


@api_view
def case_feed(request: HttpRequest, municipality: str, key: str):
    case = get_case(municipality, key)
    links = Links(request)
    history = case_history([case.pk]).get(case.pk, [])
    page = _page_url("case", case.municipality.slug, case.key)
    feed = _feed(
        request,
        f"Ärende {case.key}: {history[0].title if history and history[0].title else ''}".strip(": "),
        links.absolute(page) if page else links.url("case-detail", case.municipality.slug, case.key),
        f"Ärendets gång, {case.municipality.name}",
    )
    for item in reversed(history[-ENTRIES:]):
        _item_entry(feed, item, links)
    return _response(feed)


@api_view
def search_feed(request: HttpRequest):
    query = parse(request, default_order="date")
    query.page, query.per_page = 1, ENTRIES
    found = run(query)
    if found is None:
        return error(503, "search is not installed on this server")
    hits, _ = found
    links = Links(request)
    title = f"Sökning: {query.q}" if query.q else "Sökning"
    feed = _feed(request, title, links.url("search", **dict(request.GET.items())), title)
    items = {
        i.pk: i
        for i in open_items()
        .filter(pk__in=[h.item_id for h in hits])
        .select_related("meeting__body__municipality")
    }
    for h in hits:
        if h.item_id in items:
            _item_entry(feed, items[h.item_id], links)
    return _response(feed)
