"""The uppdrag ledger page: every uppdrag given in a readable §, who has it, when it is due, the
later § that reported back, and its status (DOMAIN 1.12; checklist 31). The ledger itself
(including uppdrag read from decision text) is ``protokoll.insights.ledger``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from protokoll.archive import models as m
from protokoll.insights.ledger import ledger
from protokoll.web import public
from protokoll.web.pages import labels
from protokoll.web.pages.common import meeting_url, page, public_municipality

STATUSES = ("open", "reported", "closed", "overdue")


@dataclass
class Row:
    """One line of the ledger table."""

    given_url: str
    given_text: str
    task: str
    assignee: str
    due: dt.date | None
    status: str
    report_url: str = ""
    report_text: str = ""

    @property
    def status_label(self) -> str:
        return labels.UPPDRAG_STATUS[self.status]


def _ref_text(body_name: str, date: dt.date, paragraph) -> str:
    return f"{body_name} {date.isoformat()} § {paragraph}"


def _rows(muni: m.Municipality, today: dt.date) -> list[Row]:
    entries = ledger(today=today, municipality=muni)
    refs = [e.given_in for e in entries] + [r for e in entries for r in (e.reported_in, e.closed_in) if r]
    meetings = {
        mt.pk: mt
        for mt in public.public_meetings().filter(pk__in={r.meeting_id for r in refs if r.meeting_id})
    }

    def link(ref) -> tuple[str, str]:
        if ref is None or ref.meeting_id not in meetings:
            return "", ""
        return (
            f"{meeting_url(meetings[ref.meeting_id])}#p{ref.paragraph}",
            _ref_text(ref.body, ref.date, ref.paragraph),
        )

    rows = []
    for e in entries:
        given_url, given_text = link(e.given_in)
        if not given_url:
            continue
        report_url, report_text = link(e.closed_in or e.reported_in)
        rows.append(
            Row(given_url, given_text, e.task, e.assignee, e.due, str(e.status), report_url, report_text)
        )
    return rows


def ledger_page(request: HttpRequest, municipality: str) -> HttpResponse:
    muni = public_municipality(municipality)
    wanted = request.GET.get("status", "")
    status = wanted if wanted in STATUSES else ""
    entries = _rows(muni, timezone.localdate())
    counts = {s: sum(e.status == s for e in entries) for s in STATUSES}
    shown = [e for e in entries if not status or e.status == status]
    return page(
        request,
        "uppdrag.html",
        {
            "municipality": muni,
            "entries": shown,
            "status": status,
            "status_label": labels.UPPDRAG_STATUS.get(status, ""),
            "statuses": [(s, labels.UPPDRAG_STATUS[s], counts[s]) for s in STATUSES],
            "total": len(entries),
        },
    )
