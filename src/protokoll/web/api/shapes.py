"""Rows → API objects: OParl 1.1 shapes (Body, Organization, Meeting, AgendaItem, Person,
Membership) and the extensions OParl lacks, shaped like Popolo (VoteEvent/Vote) or after the
Swedish protocol (reservation, jäv, uppdrag, justering, anslag); docs/api.md maps each field.

Every serializer takes rows that came from ``queries`` (public rows only). A withheld § is
serialised by ``agenda_item`` as its number and marker only (DOMAIN 1.10).
"""

from __future__ import annotations

from protokoll.archive import models as m
from protokoll.domain.vocab import AttendanceGroup, AttendanceStatus, BodyKind, Outcome
from protokoll.insights.seats import SeatSpan
from protokoll.web.api.links import EXTENSION, OPARL, Links, iso, local_datetime
from protokoll.web.public import SECRET_MARKER, is_withheld

OUTCOME_SV = {
    Outcome.DECISION: "beslut",
    Outcome.REFERRAL: "återremiss",
    Outcome.TABLED: "bordläggning",
    Outcome.WITHDRAWN: "utgår",
    Outcome.INFORMATION: "information",
    Outcome.REPORT: "anmälan",
}
BODY_KIND_SV = {
    BodyKind.COUNCIL: "fullmäktige",
    BodyKind.BOARD: "styrelse",
    BodyKind.COMMITTEE: "nämnd",
    BodyKind.SUBCOMMITTEE: "utskott",
}


def person_ref(row, links: Links, prefix: str = "") -> dict | None:
    """A person as written in a row (name, party, role) plus the link to the Person."""
    name = getattr(row, f"{prefix}name")
    if name is None:
        return None
    pk = getattr(row, f"{prefix}id" if prefix else "person_id")
    return {
        "name": name,
        "party": getattr(row, f"{prefix}party"),
        "role": getattr(row, f"{prefix}role"),
        "person": links.url("person-detail", pk) if pk is not None else None,
    }


def municipality(row: m.Municipality, links: Links) -> dict:
    return {
        "id": links.url("municipality-detail", row.pk),
        "type": OPARL + "Body",
        "system": links.url("index"),
        "name": row.name,
        "shortName": row.slug,
        "organization": links.url("body-list", municipality=row.pk),
        "person": links.url("person-list", municipality=row.pk),
        "meeting": links.url("meeting-list", municipality=row.pk),
        "agendaItem": links.url("agenda-item-list", municipality=row.pk),
        "membership": links.url("membership-list", municipality=row.pk),
    }


def body(row: m.Body, links: Links) -> dict:
    return {
        "id": links.url("body-detail", row.pk),
        "type": OPARL + "Organization",
        "body": links.url("municipality-detail", row.municipality_id),
        "name": row.name,
        "shortName": row.slug,
        "organizationType": "Gremium",
        "classification": BODY_KIND_SV.get(BodyKind(row.kind), row.kind),
        "kind": row.kind,
        "municipality": row.municipality.name,
        "meeting": links.url("meeting-list", body=row.pk),
        "membership": links.url("membership-list", body=row.pk),
        "calendar": links.url("body-ics", row.pk),
        "meetingFeed": links.url("body-meetings-feed", row.pk),
        "decisionFeed": links.url("body-decisions-feed", row.pk),
    }


def meeting(row: m.Meeting, links: Links) -> dict:
    adjustment = _one(row, "adjustment")
    notice = _one(row, "notice")
    attendance = list(row.attendance.all())
    participants = sorted(
        {a.person_id for a in attendance if a.status == AttendanceStatus.PRESENT and a.person_id}
    )
    return {
        "id": links.url("meeting-detail", row.pk),
        "type": OPARL + "Meeting",
        "name": f"{row.body.name} {row.date.isoformat()}",
        "date": row.date.isoformat(),
        "start": local_datetime(row.date, row.start),
        "end": local_datetime(row.date, row.end),
        "location": {"type": OPARL + "Location", "description": row.place} if row.place else None,
        "organization": [links.url("body-detail", row.body_id)],
        "body": links.url("municipality-detail", row.body.municipality_id),
        "kind": row.kind,
        "participant": [links.url("person-detail", pk) for pk in participants],
        "chair": person_ref(row, links, "chair_") if row.chair_name else None,
        "secretary": person_ref(row, links, "secretary_") if row.secretary_name else None,
        "adjusters": [person_ref(a, links) for a in row.adjusters.all()],
        "attendance": [_attendance(a, links) for a in attendance],
        "justering": _justering(adjustment, links) if adjustment else None,
        "anslag": _anslag(notice) if notice else None,
        "agendaItem": [agenda_item(i, links, row) for i in row.items.all()],
        "protokoll": links.url("meeting-protokoll", row.pk),
        "created": iso(row.created_at),
        "modified": iso(row.updated_at),
    }


def _one(row, relation: str):
    try:
        return getattr(row, relation)
    except m.Meeting._meta.get_field(relation).related_model.DoesNotExist:
        return None


def _attendance(a: m.AttendanceEntry, links: Links) -> dict:
    return {
        **person_ref(a, links),
        "group": a.group,
        "status": a.status,
        "serving": a.serving,
        "replaces": person_ref(a, links, "replaces_") if a.replaces_name else None,
        "paragraphs": [list(r) for r in a.paragraphs] if a.paragraphs is not None else None,
        "remote": a.remote,
        "note": a.note,
    }


def _justering(adj: m.Adjustment, links: Links) -> dict:
    return {
        "type": EXTENSION + "Justering",
        "date": iso(adj.date),
        "time": adj.time.strftime("%H:%M") if adj.time else None,
        "place": adj.place,
        "method": adj.method,
        "signedBy": [person_ref(p, links) for p in adj.signed_by.all()],
    }


def _anslag(n: m.Notice) -> dict:
    return {
        "type": EXTENSION + "Anslag",
        "posted": iso(n.posted),
        "removed": iso(n.removed),
        "storage": n.storage,
        "appealDeadline": iso(n.appeal_deadline),
    }


def agenda_item(row: m.Item, links: Links, meeting_row: m.Meeting | None = None) -> dict:
    mt = meeting_row or row.meeting
    head = {
        "id": links.url("agenda-item-detail", row.pk),
        "type": OPARL + "AgendaItem",
        "meeting": links.url("meeting-detail", row.meeting_id),
        "number": str(row.paragraph) if row.paragraph is not None else None,
        "order": row.position,
        "date": mt.date.isoformat(),
    }
    if is_withheld(row):
        return {**head, "public": False, "confidential": True, "marker": SECRET_MARKER}
    return {
        **head,
        "public": True,
        "confidential": False,
        "name": row.title,
        "caseNumber": row.case_number,
        "case": links.maybe("case-detail", row.case.municipality.slug, row.case.key) if row.case_id else None,
        "result": OUTCOME_SV.get(Outcome(row.outcome)) if row.outcome else None,
        "outcome": row.outcome,
        "resolutionText": row.decision,
        "proposedDecision": row.proposed_decision,
        "background": row.background,
        "motions": [
            {
                "kind": x.kind,
                "text": x.text,
                "withdrawn": x.withdrawn,
                "by": [person_ref(p, links) for p in x._by],
            }
            for x in row.motions.all()
        ],
        "propositionOrder": row.proposition_order,
        "votes": [vote_event(v, links, row, mt) for v in row.votes.all()],
        "reservations": [reservation(r, links, row) for r in row.reservations.all()],
        "statements": [
            {"kind": s.kind, "text": s.text, "by": [person_ref(p, links) for p in s._by]}
            for s in row.statements.all()
        ],
        "conflicts": [conflict(c, links, row) for c in row.conflicts.all()],
        "assignments": [assignment(a, links, row, mt) for a in row.assignments.all()],
        "sentTo": [{"recipient": d.recipient, "purpose": d.purpose} for d in row.sent_to.all()],
        "attachments": [a.title for a in row.attachments.all()],
        "immediatelyAdjusted": row.immediately_adjusted,
    }


def _item_links(item: m.Item, links: Links) -> dict:
    return {
        "agendaItem": links.url("agenda-item-detail", item.pk),
        "meeting": links.url("meeting-detail", item.meeting_id),
    }


def vote_event(row: m.Vote, links: Links, item: m.Item | None = None, mt: m.Meeting | None = None) -> dict:
    item = item or row.item
    mt = mt or item.meeting
    return {
        "id": links.url("vote-detail", row.pk),
        "type": EXTENSION + "VoteEvent",
        **_item_links(item, links),
        "organization": links.url("body-detail", mt.body_id),
        "startDate": mt.date.isoformat(),
        "number": str(item.paragraph) if item.paragraph is not None else None,
        "order": row.position + 1,
        "question": row.question,
        "counts": [
            {"option": "yes", "value": row.yes},
            {"option": "no", "value": row.no},
            {"option": "abstain", "value": row.abstain},
            {"option": "absent", "value": row.absent},
        ],
        "votes": [
            {"voter": person_ref(b, links), "option": b.choice, "group": b.party} for b in row.ballots.all()
        ],
        "castingVote": row.casting_vote,
        "lottery": row.lottery,
    }


def reservation(row: m.Reservation, links: Links, item: m.Item | None = None) -> dict:
    return {
        "id": links.url("reservation-detail", row.pk),
        "type": EXTENSION + "Reservation",
        **_item_links(item or row.item, links),
        "by": [person_ref(p, links) for p in row._by],
        "text": row.text,
        "written": row.written,
    }


def conflict(row: m.Conflict, links: Links, item: m.Item | None = None) -> dict:
    return {
        "id": links.url("conflict-detail", row.pk),
        "type": EXTENSION + "Jav",
        **_item_links(item or row.item, links),
        "person": person_ref(row, links),
    }


def assignment(row: m.Assignment, links: Links, item: m.Item | None = None, mt=None) -> dict:
    item = item or row.item
    mt = mt or item.meeting
    return {
        "id": links.url("assignment-detail", row.pk),
        "type": EXTENSION + "Uppdrag",
        **_item_links(item, links),
        "organization": links.url("body-detail", mt.body_id),
        "givenOn": mt.date.isoformat(),
        "assignee": row.assignee,
        "task": row.task,
        "due": iso(row.due),
        "reportTo": row.report_to,
    }


def person(row: m.Person, links: Links, memberships: list[dict], party: str | None) -> dict:
    return {
        "id": links.url("person-detail", row.pk),
        "type": OPARL + "Person",
        "body": links.url("municipality-detail", row.municipality_id),
        "name": row.name,
        "party": party,
        "membership": memberships,
        "votes": links.url("vote-list", person=row.pk),
        "reservations": links.url("reservation-list", person=row.pk),
    }


def party(abbreviation: str, links: Links) -> dict:
    return {
        "id": links.url("party-detail", abbreviation),
        "type": OPARL + "Organization",
        "name": abbreviation,
        "shortName": abbreviation,
        "organizationType": "Partei",
        "membership": links.url("membership-list", party=abbreviation),
    }


def membership_key(seat: SeatSpan) -> str:
    """``r<id>`` for a roster row; ``a<body>-<person>-<group>`` for a seat read from the lists."""
    if seat.roster_id is not None:
        return f"r{seat.roster_id}"
    return f"a{seat.body_id}-{seat.person_id}-{seat.group}"


def membership(seat: SeatSpan, links: Links) -> dict:
    return {
        "id": links.url("membership-detail", membership_key(seat)),
        "type": OPARL + "Membership",
        "person": links.url("person-detail", seat.person_id),
        "organization": links.url("body-detail", seat.body_id),
        "role": seat.role or ("ledamot" if seat.group == AttendanceGroup.MEMBER else "ersättare"),
        "group": seat.group,
        # An ersättare votes only while serving for a member (KL 6:16; DOMAIN 1.8).
        "votingRight": seat.group == AttendanceGroup.MEMBER,
        "party": seat.party,
        "onBehalfOf": links.url("party-detail", seat.party) if seat.party else None,
        "startDate": iso(seat.start),
        "endDate": iso(seat.end),
        "source": seat.source,
    }


def case(row: m.Case, links: Links, items: list[m.Item]) -> dict:
    """A case with its open §§ in time order (withheld §§ are not part of a public case)."""
    return {
        "id": links.maybe("case-detail", row.municipality.slug, row.key),
        "type": EXTENSION + "Case",
        "body": links.url("municipality-detail", row.municipality_id),
        "reference": row.key,
        "name": items[0].title if items else None,
        "rawForms": sorted({i.case_raw for i in items if i.case_raw}),
        "classification": row.classification,
        "feed": links.maybe("case-feed", row.municipality.slug, row.key),
        "agendaItem": [
            {
                "id": links.url("agenda-item-detail", i.pk),
                "meeting": links.url("meeting-detail", i.meeting_id),
                "organization": links.url("body-detail", i.meeting.body_id),
                "bodyName": i.meeting.body.name,
                "date": i.meeting.date.isoformat(),
                "number": str(i.paragraph) if i.paragraph is not None else None,
                "name": i.title,
                "result": OUTCOME_SV.get(Outcome(i.outcome)) if i.outcome else None,
                "resolutionText": i.decision,
            }
            for i in items
        ],
    }
