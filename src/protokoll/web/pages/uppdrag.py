"""The uppdrag ledger page: every uppdrag given in a readable §, who has it, when it is due, the
later § that reported back, and its status (DOMAIN 1.12; checklist 31).

``protokoll.insights.ledger`` owns the ledger (it also reads uppdrag from decision text); when
it is not installed the ledger is built here from the stored uppdrag and the later §§ on the
same case or titled "Återrapport …".
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
from protokoll.web.pages.sources import attribute

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


@dataclass
class Row:
    """One line of the ledger table, whichever ledger built it."""

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


def _rows_from_insights(build, muni: m.Municipality, today: dt.date) -> list[Row]:
    entries = build(today=today, municipality=muni)
    refs = [e.given_in for e in entries] + [e.reported_in for e in entries if e.reported_in]
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


def _rows(muni: m.Municipality, today: dt.date) -> list[Row]:
    build = attribute("protokoll.insights.ledger", "ledger")
    if build is not None:
        return _rows_from_insights(build, muni, today)
    return [
        Row(
            e.given_url,
            _ref_text(e.given.meeting.body.name, e.given.meeting.date, e.given.paragraph),
            e.assignment.task,
            e.assignment.assignee,
            e.assignment.due,
            e.status,
            e.report_url,
            _ref_text(e.report.meeting.body.name, e.report.meeting.date, e.report.paragraph)
            if e.report
            else "",
        )
        for e in ledger(muni, today)
    ]


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
