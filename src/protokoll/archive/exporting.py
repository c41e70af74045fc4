"""Rebuild a ``protokoll/1`` document from the archive's rows.

Built from the relational rows alone (no stored copy of the original JSON), so a load → export
round trip that comes back identical shows that every field really is stored.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch

from protokoll.archive import models as m
from protokoll.document.model import Document


def _clock(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _person(row) -> dict:
    return {"name": row.name, "party": row.party, "role": row.role}


def _prefixed_person(row, prefix: str) -> dict | None:
    name = getattr(row, f"{prefix}_name")
    if name is None:
        return None
    return {"name": name, "party": getattr(row, f"{prefix}_party"), "role": getattr(row, f"{prefix}_role")}


def meeting_queryset():
    """Meetings with every child row fetched in a fixed number of queries."""
    by = Prefetch("by", to_attr="_by")
    return m.Meeting.objects.select_related("body__municipality", "adjustment", "notice").prefetch_related(
        "adjournments",
        "adjusters",
        "attendance",
        "warnings",
        "adjustment__signed_by",
        Prefetch("items", queryset=m.Item.objects.select_related("case")),
        Prefetch("items__motions", queryset=m.Motion.objects.prefetch_related(by)),
        Prefetch("items__reservations", queryset=m.Reservation.objects.prefetch_related(by)),
        Prefetch("items__statements", queryset=m.Statement.objects.prefetch_related(by)),
        "items__votes__ballots",
        "items__conflicts",
        "items__assignments",
        "items__sent_to",
        "items__attachments",
    )


def export_meeting(meeting: m.Meeting | int) -> Document:
    """The document for one stored meeting (a Meeting or its id)."""
    pk = meeting if isinstance(meeting, int) else meeting.pk
    row = meeting_queryset().get(pk=pk)
    return Document.model_validate(meeting_dict(row))


def meeting_dict(row: m.Meeting) -> dict:
    adjustment = getattr(row, "adjustment", None) if _has(row, "adjustment") else None
    notice = getattr(row, "notice", None) if _has(row, "notice") else None
    return {
        "schema": "protokoll/1",
        "kind": row.kind,
        "municipality": row.body.municipality.name,
        "body": row.body.name,
        "meeting": {
            "date": _date(row.date),
            "start": _clock(row.start),
            "end": _clock(row.end),
            "place": row.place,
            "adjournments": [
                {"start": _clock(a.start), "end": _clock(a.end)} for a in row.adjournments.all()
            ],
        },
        "chair": _prefixed_person(row, "chair"),
        "secretary": _prefixed_person(row, "secretary"),
        "adjusters": [_person(a) for a in row.adjusters.all()],
        "attendance": [_attendance(a) for a in row.attendance.all()],
        "adjustment": _adjustment(adjustment) if adjustment else None,
        "notice": _notice(notice) if notice else None,
        "items": [_item(i) for i in row.items.all()],
        "summary": row.summary,
        "warnings": [
            {"code": w.code, "message": w.message, "paragraph": w.paragraph, "page": w.page, "line": w.line}
            for w in row.warnings.all()
        ],
        "source": {
            "file": row.source_file,
            "format": row.source_format,
            "pages": row.source_pages,
            "sha256": row.source_sha256,
        }
        if row.has_source
        else None,
    }


def _has(row: m.Meeting, relation: str) -> bool:
    try:
        getattr(row, relation)
    except m.Meeting._meta.get_field(relation).related_model.DoesNotExist:
        return False
    return True


def _attendance(a: m.AttendanceEntry) -> dict:
    return {
        **_person(a),
        "group": a.group,
        "status": a.status,
        "serving": a.serving,
        "replaces": _prefixed_person(a, "replaces"),
        "paragraphs": [list(r) for r in a.paragraphs] if a.paragraphs is not None else None,
        "remote": a.remote,
        "note": a.note,
    }


def _adjustment(adj: m.Adjustment) -> dict:
    return {
        "date": _date(adj.date),
        "time": _clock(adj.time),
        "place": adj.place,
        "method": adj.method,
        "signed_by": [_person(p) for p in adj.signed_by.all()],
    }


def _notice(n: m.Notice) -> dict:
    return {
        "posted": _date(n.posted),
        "removed": _date(n.removed),
        "storage": n.storage,
        "appeal_deadline": _date(n.appeal_deadline),
    }


def _item(i: m.Item) -> dict:
    case = None
    if i.case_id is not None:
        case = {
            "raw": i.case_raw,
            "prefix": i.case_prefix,
            "year": i.case_year,
            "serial": i.case_serial,
            "classification": i.case_classification,
            "document": i.case_document,
            "normalized": i.case.key,
        }
    return {
        "paragraph": i.paragraph,
        "case_number": i.case_number,
        "case": case,
        "title": i.title,
        "confidential": i.confidential,
        "outcome": i.outcome,
        "decision": i.decision,
        "proposed_decision": i.proposed_decision,
        "background": i.background,
        "motions": [
            {"by": [_person(p) for p in x._by], "kind": x.kind, "text": x.text, "withdrawn": x.withdrawn}
            for x in i.motions.all()
        ],
        "proposition_order": i.proposition_order,
        "votes": [
            {
                "question": v.question,
                "yes": v.yes,
                "no": v.no,
                "abstain": v.abstain,
                "absent": v.absent,
                "ballots": [{"person": _person(b), "vote": b.choice} for b in v.ballots.all()],
                "casting_vote": v.casting_vote,
                "lottery": v.lottery,
            }
            for v in i.votes.all()
        ],
        "reservations": [
            {"by": [_person(p) for p in r._by], "text": r.text, "written": r.written}
            for r in i.reservations.all()
        ],
        "statements": [
            {"kind": s.kind, "by": [_person(p) for p in s._by], "text": s.text} for s in i.statements.all()
        ],
        "conflicts": [_person(p) for p in i.conflicts.all()],
        "assignments": [
            {"assignee": a.assignee, "task": a.task, "due": _date(a.due), "report_to": a.report_to}
            for a in i.assignments.all()
        ],
        "sent_to": [{"recipient": d.recipient, "purpose": d.purpose} for d in i.sent_to.all()],
        "attachments": [a.title for a in i.attachments.all()],
        "immediately_adjusted": i.immediately_adjusted,
        "provenance": {
            "page": i.provenance_page,
            "line_start": i.provenance_line_start,
            "line_end": i.provenance_line_end,
        }
        if i.has_provenance
        else None,
    }
