"""The uppdrag ledger: every uppdrag given, who has it, when it is due, and what became of it
(DOMAIN 1.12; KL 6:4-5).

An uppdrag comes from a stored ``Assignment`` row or is read from the decision text
(``protokoll.insights.phrases``). A later § reports it back when it is in a later meeting of the
same municipality and either carries the same normalised Dnr (DOMAIN 2.1) or has a title like
"Återrapport av uppdrag om …" / "Redovisning av uppdrag …" naming the task. A reporting § whose
decision "avslutar uppdraget" or "förklarar uppdraget fullgjort" closes it. Status, relative to
a given ``today``: closed, reported, overdue (due date passed, no report) or open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from protokoll.document.model import Document
from protokoll.domain.vocab import Outcome
from protokoll.insights.phrases import find_assignments, is_closing, report_title_rest
from protokoll.search.text import index_terms


class Status(StrEnum):
    OPEN = "open"
    REPORTED = "reported"
    CLOSED = "closed"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ItemRef:
    """Where a § is: enough to link to it and to name it."""

    municipality: str
    body: str
    date: dt.date
    paragraph: int | None
    title: str | None
    item_id: int | None = None
    meeting_id: int | None = None


@dataclass(frozen=True)
class Given:
    assignee: str
    task: str
    due: dt.date | None = None
    report_to: str | None = None


@dataclass(frozen=True)
class ItemRecord:
    """One § as the ledger needs it (from the ORM or from a document)."""

    ref: ItemRef
    case_key: str | None
    outcome: str | None
    decision: str | None
    recorded: tuple[Given, ...] = ()


@dataclass(frozen=True)
class LedgerEntry:
    given_in: ItemRef
    assignee: str
    task: str
    due: dt.date | None
    report_to: str | None
    source: str  # "recorded" | "extracted"
    status: Status
    reported_in: ItemRef | None = None
    closed_in: ItemRef | None = None
    reports: tuple[ItemRef, ...] = field(default_factory=tuple)


# A § that only moves the case on (bordlagd, utgår) does not report anything back.
_NOT_A_REPORT = {Outcome.TABLED.value, Outcome.WITHDRAWN.value}


def _stems(text: str) -> set[str]:
    return set(index_terms(text).split())


def same_task(a: str, b: str) -> bool:
    """Two wordings of one task: most of the shorter one's stems are in the longer one."""
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= 0.6


def uppdrag_of(record: ItemRecord) -> list[tuple[Given, str]]:
    """Recorded uppdrag first; one read from the text is added unless it repeats a recorded one
    (then it only supplies a due date the row lacks)."""
    out: list[tuple[Given, str]] = [(g, "recorded") for g in record.recorded]
    for found in find_assignments(record.decision, record.ref.date):
        twin = next((i for i, (g, _) in enumerate(out) if same_task(g.task, found.task)), None)
        if twin is None:
            out.append((Given(found.assignee, found.task, found.due, found.report_to), "extracted"))
        elif out[twin][0].due is None and found.due is not None:
            g, source = out[twin]
            out[twin] = (Given(g.assignee, g.task, found.due, g.report_to or found.report_to), source)
    return out


def _reports(given: Given, origin: ItemRecord, later: Sequence[ItemRecord]) -> list[ItemRecord]:
    found = []
    for rec in later:
        if rec.ref.municipality != origin.ref.municipality or rec.ref.date <= origin.ref.date:
            continue
        if rec.outcome in _NOT_A_REPORT:
            continue
        by_case = origin.case_key is not None and rec.case_key == origin.case_key
        rest = report_title_rest(rec.ref.title)
        by_title = bool(rest) and same_task(given.task, rest)
        if by_case or by_title:
            found.append(rec)
    return found


def status_of(due: dt.date | None, reported: bool, closed: bool, today: dt.date) -> Status:
    if closed:
        return Status.CLOSED
    if reported:
        return Status.REPORTED
    if due is not None and due < today:
        return Status.OVERDUE
    return Status.OPEN


def build_ledger(
    records: Iterable[ItemRecord], today: dt.date, givers: set[int] | None = None
) -> list[LedgerEntry]:
    """The ledger over ``records`` (any order). ``givers``, when given, limits which records'
    uppdrag are listed (by item id); all records may still serve as reports."""
    ordered = sorted(records, key=lambda r: (r.ref.date, r.ref.paragraph or 0, r.ref.body))
    entries: list[LedgerEntry] = []
    for rec in ordered:
        if givers is not None and rec.ref.item_id not in givers:
            continue
        for given, source in uppdrag_of(rec):
            # As things stood on ``today``: a report dated later does not count yet.
            reports = [r for r in _reports(given, rec, ordered) if r.ref.date <= today]
            closing = next((r for r in reports if is_closing(r.decision)), None)
            entries.append(
                LedgerEntry(
                    given_in=rec.ref,
                    assignee=given.assignee,
                    task=given.task,
                    due=given.due,
                    report_to=given.report_to,
                    source=source,
                    status=status_of(given.due, bool(reports), closing is not None, today),
                    reported_in=reports[0].ref if reports else None,
                    closed_in=closing.ref if closing else None,
                    reports=tuple(r.ref for r in reports),
                )
            )
    return entries


# -- from documents ----------------------------------------------------------------------------


def given_of_item(item) -> tuple[Given, ...]:
    """The recorded uppdrag of a document's item."""
    return tuple(Given(a.assignee, a.task, a.due, a.report_to) for a in item.assignments)


def records_from_documents(docs: Iterable[Document]) -> list[ItemRecord]:
    """Records of the §§ a reader may see: confidential §§ are left out."""
    out = []
    for doc in docs:
        if doc.meeting.date is None:
            continue
        for item in doc.items:
            if item.confidential:
                continue
            ref = ItemRef(
                doc.municipality or "", doc.body or "", doc.meeting.date, item.paragraph, item.title
            )
            out.append(
                ItemRecord(
                    ref,
                    item.case.normalized if item.case else None,
                    item.outcome.value if item.outcome else None,
                    item.decision,
                    given_of_item(item),
                )
            )
    return out


def ledger_from_documents(docs: Iterable[Document], today: dt.date) -> list[LedgerEntry]:
    return build_ledger(records_from_documents(docs), today)


# -- from the archive (imports Django only here, so documents need no database) -----------------


def _records(rows) -> dict[int, ItemRecord]:
    from protokoll.archive.models import Assignment

    rows = list(
        rows.select_related("meeting__body__municipality", "case").values_list(
            "pk",
            "meeting_id",
            "meeting__body__municipality__name",
            "meeting__body__name",
            "meeting__date",
            "paragraph",
            "title",
            "case__key",
            "outcome",
            "decision",
        )
    )
    recorded: dict[int, list[Given]] = {}
    for a in Assignment.objects.filter(item_id__in=[r[0] for r in rows]).order_by("item_id", "position"):
        recorded.setdefault(a.item_id, []).append(Given(a.assignee, a.task, a.due, a.report_to))
    return {
        r[0]: ItemRecord(
            ItemRef(r[2], r[3], r[4], r[5], r[6], item_id=r[0], meeting_id=r[1]),
            r[7],
            r[8],
            r[9],
            tuple(recorded.get(r[0], ())),
        )
        for r in rows
    }


def ledger(
    *, today: dt.date, municipality=None, body=None, status: Status | str | None = None
) -> list[LedgerEntry]:
    """The ledger of the public archive, optionally for one municipality or body (instance or
    id) and one status. Only §§ the public may read are used, as givers and as reports."""
    from django.db.models import Q

    from protokoll.web.public import open_items

    scope = open_items()
    if municipality is not None:
        scope = scope.filter(meeting__body__municipality=municipality)
    if body is not None:
        scope = scope.filter(meeting__body=body)
    givers_q = scope.filter(Q(assignments__isnull=False) | Q(decision__icontains="uppdra")).distinct()
    givers = _records(givers_q)
    if not givers:
        return []
    munis = {r.ref.municipality for r in givers.values()}
    first = min(r.ref.date for r in givers.values())
    cases = {r.case_key for r in givers.values() if r.case_key}
    later = open_items().filter(meeting__body__municipality__name__in=munis, meeting__date__gt=first)
    later = later.filter(
        Q(case__key__in=cases)
        | Q(title__icontains="rapport")
        | Q(title__icontains="redovisning")
        | Q(title__icontains="uppf")  # ASCII, so case-insensitive on every engine
    )
    records = {**_records(later), **givers}
    entries = build_ledger(records.values(), today, givers=set(givers))
    if status is not None:
        entries = [e for e in entries if e.status == Status(status)]
    return entries
