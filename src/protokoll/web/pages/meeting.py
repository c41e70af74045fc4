"""The protocol page of a meeting (HTML, or the protokoll/1 document as JSON) and the case page."""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from protokoll.document.model import Document
from protokoll.domain.vocab import Visibility
from protokoll.insights.summaries import summarize
from protokoll.web import public
from protokoll.web.api.negotiation import wants_json
from protokoll.web.api.redact import public_document_from_row as public_document
from protokoll.web.pages import labels
from protokoll.web.pages.common import api_url, case_url, meeting_url, page, public_municipality
from protokoll.web.pages.protocol_view import attendance_groups, clock, item_view, protocol_queryset


def _meeting(municipality: str, body: str, date):
    row = (
        protocol_queryset().filter(body__municipality__slug=municipality, body__slug=body, date=date).first()
    )
    if row is None:
        raise Http404("Sammanträdet finns inte i arkivet.")
    return row


def _json(document: dict) -> HttpResponse:
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def protocol_json(request: HttpRequest, municipality: str, body: str, date) -> HttpResponse:
    return _json(public_document(_meeting(municipality, body, date)))


def _summary(row) -> list[list[str]]:
    """Paragraphs of lines. insights.summaries writes the text from the public document only;
    masked §§ are left out of it as ``summarize_meeting`` does (their names are protected)."""
    masked = [i.paragraph for i in row.items.all() if i.visibility == Visibility.MASKED]
    text = summarize(Document.model_validate(public_document(row)), withheld=masked)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return [[line.strip() for line in p.split("\n") if line.strip()] for p in paragraphs]


CACHE_SECONDS = 600


def _fingerprint(municipality: str, body: str, date) -> tuple[int, str]:
    """(meeting pk, cache key) from one small query. The key changes when the document is
    reloaded (content hash, update time, version) or any § changes visibility, so a cached
    page can never show a § that has since been withheld; an unpublished meeting is not found."""
    rows = list(
        public.public_meetings()
        .filter(body__municipality__slug=municipality, body__slug=body, date=date)
        .order_by("items__pk")
        .values_list(
            "pk",
            "content_hash",
            "updated_at",
            "version",
            "items__pk",
            "items__confidential",
            "items__visibility",
        )
    )
    if not rows:
        raise Http404("Sammanträdet finns inte i arkivet.")
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    return rows[0][0], f"protokoll:protocol:{digest}"


def protocol(request: HttpRequest, municipality: str, body: str, date) -> HttpResponse:
    if wants_json(request):
        response = _json(public_document(_meeting(municipality, body, date)))
        patch_vary_headers(response, ["Accept"])
        return response
    pk, key = _fingerprint(municipality, body, date)
    html = cache.get(key)
    if html is None:
        html = _render_protocol(request, protocol_queryset().get(pk=pk)).content
        cache.set(key, html, CACHE_SECONDS)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    patch_vary_headers(response, ["Accept"])
    return response


def _render_protocol(request: HttpRequest, row) -> HttpResponse:
    views = [item_view(i) for i in row.items.all()]
    adjustment = getattr(row, "adjustment", None) if _has_one(row, "adjustment") else None
    notice = getattr(row, "notice", None) if _has_one(row, "notice") else None
    return page(
        request,
        "protocol.html",
        {
            "meeting": row,
            "body": row.body,
            "municipality": row.body.municipality,
            "date_text": labels.long_date(row.date),
            "start": clock(row.start),
            "end": clock(row.end),
            "adjournments": [(clock(a.start), clock(a.end)) for a in row.adjournments.all()],
            "adjustment": adjustment,
            "adjustment_method": labels.label(labels.ADJUSTMENT, adjustment.method) if adjustment else "",
            "notice": notice,
            "attendance": attendance_groups(list(row.attendance.all())),
            "items": views,
            "summary": _summary(row),
            "json_url": meeting_url(row)[:-1] + ".json",
            "secret_marker": public.SECRET_MARKER,
        },
    )


def _has_one(row, relation: str) -> bool:
    try:
        getattr(row, relation)
    except row._meta.get_field(relation).related_model.DoesNotExist:
        return False
    return True


def case(request: HttpRequest, municipality: str, key: str) -> HttpResponse:
    """Every readable § with this normalised Dnr, across meetings and bodies, in time order
    (DOMAIN 2.1). A § withheld for sekretess is not listed: its Dnr is itself withheld."""
    muni = public_municipality(municipality)
    items = list(
        public.open_items()
        .filter(meeting__body__municipality=muni, case__key=key)
        .select_related("case", "meeting__body__municipality")
        .order_by("meeting__date", "meeting__body__name", "paragraph")
    )
    if not items:
        raise Http404("Ärendet finns inte i arkivet.")
    history = [
        {
            "item": i,
            "url": f"{meeting_url(i.meeting)}#p{i.paragraph}",
            "date_text": labels.long_date(i.meeting.date),
            "outcome": labels.label(labels.OUTCOME, i.outcome),
        }
        for i in items
    ]
    raw_forms = sorted({i.case_raw for i in items if i.case_raw})
    return page(
        request,
        "case.html",
        {
            "municipality": muni,
            "key": key,
            "case": items[0].case,
            "title": items[0].title or key,
            "history": history,
            "raw_forms": raw_forms,
            "bodies": sorted({i.meeting.body.name for i in items}),
            "self_url": case_url(muni, key),
            "feed_url": api_url("case-feed", muni.slug, key),
        },
    )
