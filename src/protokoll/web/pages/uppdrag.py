"""The uppdrag ledger page: every uppdrag given in a readable §, who has it, when it is due, the
later § that reported back, and its status (DOMAIN 1.12; checklist 31).

``protokoll.insights.ledger`` owns the ledger; until it is installed the ledger is built here
from the stored uppdrag and the later §§ on the same case or titled "Återrapport …".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from protokoll.archive import models as m
from protokoll.domain.vocab import Outcome
from protokoll.web import public
from protokoll.web.pages import labels
from protokoll.web.pages.common import meeting_url, page, public_municipality

STATUSES = ("open", "reported", "closed", "overdue")
_CLOSING = re.compile(r"slutför|avslut|avskriv|redovisat|genomfört", re.IGNORECASE)


@dataclass
class Entry:
    assignment: m.Assignment
    given: m.Item
    report: m.Item | None
    status: str

    @property
    def status_label(self) -> str:
        return labels.UPPDRAG_STATUS[self.status]

    @property
    def given_url(self) -> str:
        return f"{meeting_url(self.given.meeting)}#p{self.given.paragraph}"

    @property
    def report_url(self) -> str:
        return f"{meeting_url(self.report.meeting)}#p{self.report.paragraph}" if self.report else ""


def status_of(due: dt.date | None, report: m.Item | None, today: dt.date) -> str:
    if report is not None:
        closing = report.outcome == Outcome.DECISION and _CLOSING.search(report.decision or "")
        return "closed" if closing else "reported"
    if due is not None and due < today:
        return "overdue"
    return "open"


def _report_for(a: m.Assignment, later: list[m.Item]) -> m.Item | None:
    given = a.item.meeting.date
    after = [i for i in later if i.meeting.date > given]
    titled = [i for i in after if (i.title or "").lower().startswith("återrapport")]
    return (titled or after or [None])[0]


def ledger(municipality: m.Municipality, today: dt.date) -> list[Entry]:
    items = public.open_items().filter(meeting__body__municipality=municipality)
    assignments = list(
        m.Assignment.objects.filter(item__in=items)
        .select_related("item__meeting__body__municipality", "item__case")
        .order_by("item__meeting__date", "item__paragraph", "position")
    )
    case_ids = {a.item.case_id for a in assignments if a.item.case_id}
    later = items.select_related("meeting__body__municipality").order_by("meeting__date", "paragraph")
    by_case: dict = defaultdict(list)
    for i in later.filter(case_id__in=case_ids):
        by_case[i.case_id].append(i)
    titled = list(later.filter(title__istartswith="återrapport"))
    entries = []
    for a in assignments:
        candidates = [i for i in by_case.get(a.item.case_id, []) if i.pk != a.item_id]
        if not candidates:
            task = a.task.lower()
            candidates = [i for i in titled if task and task in (i.title or "").lower()]
        report = _report_for(a, candidates)
        entries.append(Entry(a, a.item, report, status_of(a.due, report, today)))
    return entries


def ledger_page(request: HttpRequest, municipality: str) -> HttpResponse:
    muni = public_municipality(municipality)
    wanted = request.GET.get("status", "")
    status = wanted if wanted in STATUSES else ""
    entries = ledger(muni, timezone.localdate())
    counts = {s: sum(e.status == s for e in entries) for s in STATUSES}
    shown = [e for e in entries if not status or e.status == status]
    return page(
        request,
        "uppdrag.html",
        {
            "municipality": muni,
            "entries": shown,
            "status": status,
            "statuses": [(s, labels.UPPDRAG_STATUS[s], counts[s]) for s in STATUSES],
            "total": len(entries),
        },
    )
