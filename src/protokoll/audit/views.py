"""The audit log per body for its secretary, the whole log for administrators, and exports."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render

from protokoll.accounts.permissions import can_view_audit
from protokoll.audit import export
from protokoll.audit.actions import Action
from protokoll.audit.log import events, record

PAGE_SIZE = 100


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filters(request) -> dict:
    action = request.GET.get("handelse") or None
    return {
        "action": action if action in Action.values else None,
        "actor": (request.GET.get("vem") or "").strip()[:150] or None,
        "since": _date(request.GET.get("fran")),
        "until": _date(request.GET.get("till")),
    }


def _allowed(request, body_id: int | None):
    """None when allowed; otherwise the response (login for the anonymous, 403 for others)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view_audit(request.user, body_id):
        raise PermissionDenied("Du får inte läsa den här loggen.")
    return None


def _body(body_id: int | None):
    if body_id is None:
        return None
    from protokoll.archive.models import Body

    try:
        return Body.objects.select_related("municipality").get(pk=body_id)
    except Body.DoesNotExist as exc:
        raise Http404("Organet finns inte") from exc


def log_page(request, body_id: int | None = None):
    denied = _allowed(request, body_id)
    if denied:
        return denied
    body = _body(body_id)
    filters = _filters(request)
    qs = events(body=body_id, all_bodies=body_id is None, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "audit/log.html",
        {
            "body": body,
            "page": page,
            "filters": filters,
            "actions": Action.choices,
            "query": query.urlencode(),
        },
    )


def log_export(request, fmt: str, body_id: int | None = None):
    denied = _allowed(request, body_id)
    if denied:
        return denied
    if fmt not in export.FORMATS:
        raise Http404("Okänt format")
    body = _body(body_id)
    filters = _filters(request)
    qs = events(body=body_id, all_bodies=body_id is None, **filters).order_by("at", "id")
    # The export is logged before the (lazy) query runs, so the file ends with its own event:
    # whoever reads it sees who took it out and with which filters.
    record(
        Action.EXPORT,
        actor=request.user,
        body=body,
        summary=f"Exporterade loggen ({fmt})",
        details={k: v for k, v in filters.items() if v},
        request=request,
    )
    name = f"logg-{body.slug if body else 'alla'}-{dt.date.today().isoformat()}.{fmt}"
    response = StreamingHttpResponse(export.lines(qs.iterator(), fmt), content_type=export.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
