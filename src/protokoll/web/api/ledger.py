"""``/api/uppdrag/``: the uppdrag ledger of ``protokoll.insights.ledger`` as JSON — every
uppdrag given in an open §, recorded or read from the decision text, with its status and the
later § that reported it back (DOMAIN 1.12)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from protokoll.web.api.links import EXTENSION, Links, iso
from protokoll.web.api.paging import BadParameter, date_param, int_param, paginate
from protokoll.web.api.respond import api_view, json_response

STATUSES = ("open", "reported", "closed", "overdue")


def _ref(ref, links: Links) -> dict | None:
    if ref is None:
        return None
    return {
        "agendaItem": links.url("agenda-item-detail", ref.item_id) if ref.item_id else None,
        "meeting": links.url("meeting-detail", ref.meeting_id) if ref.meeting_id else None,
        "municipality": ref.municipality,
        "bodyName": ref.body,
        "date": iso(ref.date),
        "number": str(ref.paragraph) if ref.paragraph is not None else None,
        "name": ref.title,
    }


def entry(e, links: Links) -> dict:
    return {
        "type": EXTENSION + "UppdragLedgerEntry",
        "givenIn": _ref(e.given_in, links),
        "assignee": e.assignee,
        "task": e.task,
        "due": iso(e.due),
        "reportTo": e.report_to,
        "source": e.source,
        "status": str(e.status),
        "reportedIn": _ref(e.reported_in, links),
        "closedIn": _ref(e.closed_in, links),
        "reports": [_ref(r, links) for r in e.reports],
    }


@api_view
def uppdrag_ledger(request: HttpRequest):
    from protokoll.insights.ledger import ledger

    status = request.GET.get("status") or None
    if status is not None and status not in STATUSES:
        raise BadParameter(f"status: one of {', '.join(STATUSES)}")
    today = date_param(request, "today") or timezone.localdate()
    entries = ledger(
        today=today,
        municipality=int_param(request, "municipality"),
        body=int_param(request, "body"),
        status=status,
    )
    links = Links(request)
    page = paginate(request, entries, lambda chunk: [entry(e, links) for e in chunk])
    return json_response({**page, "today": today.isoformat()})
