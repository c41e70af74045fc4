"""Preparing a meeting: seats, the meeting, the föredragningslista (issue 6 "Prepare").

Paragraph numbers run per body per calendar year (practice, DOMAIN 1.1 "Paragrafer n–m"):
``next_paragraph`` gives the next free number.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from protokoll.accounts.permissions import Perm, require
from protokoll.archive import models as m
from protokoll.archive.loading import get_body, get_municipality
from protokoll.domain.dnr import parse_dnr
from protokoll.domain.vocab import AttendanceGroup, BodyKind, Visibility
from protokoll.recording.errors import Refused
from protokoll.recording.models import ItemPrivacy, MeetingState
from protokoll.recording.writes import meeting_write


def person(municipality: m.Municipality, name: str) -> m.Person:
    return m.Person.objects.get_or_create(municipality=municipality, name=name.strip())[0]


def add_membership(
    body: m.Body,
    name: str,
    *,
    party: str | None,
    substitute: bool = False,
    order: int | None = None,
    role: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> m.Membership:
    """A ledamot or ersättare with party and inkallelseordning (KL 6:16; DOMAIN 1.8)."""
    return m.Membership.objects.create(
        person=person(body.municipality, name),
        body=body,
        party=party,
        group=AttendanceGroup.SUBSTITUTE if substitute else AttendanceGroup.MEMBER,
        substitute_order=order,
        role=role,
        start=start,
        end=end,
    )


def body(municipality: str, name: str, kind: BodyKind | None = None) -> m.Body:
    return get_body(get_municipality(municipality), name, kind)


def next_paragraph(body: m.Body, year: int) -> int:
    top = m.Item.objects.filter(meeting__body=body, meeting__date__year=year).aggregate(n=Max("paragraph"))[
        "n"
    ]
    return (top or 0) + 1


def create_meeting(
    user,
    body: m.Body,
    date: dt.date,
    *,
    start: dt.time | None = None,
    place: str | None = None,
    secretary: str | None = None,
    adjusters: list[str] = (),
) -> m.Meeting:
    """A new, unpublished meeting (published only by ``publication.publish``)."""
    require(user, Perm.RECORD, body)
    if m.Meeting.objects.filter(body=body, date=date).exists():
        raise Refused(f"{body.name} har redan ett sammanträde {date}")
    from protokoll.recording.roster import roster

    with transaction.atomic():
        meeting = m.Meeting.objects.create(
            body=body,
            date=date,
            start=start,
            place=place,
            secretary_name=secretary,
            secretary_role="sekreterare" if secretary else None,
            published=False,
            content_hash="",
            has_source=True,
            source_format="recorded",
        )
        chair = roster(meeting).chair
        if chair:
            meeting.chair_name = chair
            meeting.chair_role = "ordförande"
            meeting.chair = person(body.municipality, chair)
            meeting.chair_party = roster(meeting).parties.get(chair)
            meeting.save(update_fields=["chair_name", "chair_role", "chair", "chair_party"])
        for n, name in enumerate(adjusters):
            m.Adjuster.objects.create(
                meeting=meeting, position=n, name=name, person=person(body.municipality, name)
            )
        MeetingState.objects.create(meeting=meeting)
        from protokoll.recording.delegation import put_on_agenda

        put_on_agenda(user, meeting)  # KL 6:39–40: urgent chair decisions always, reported ones
        from protokoll.audit import record as audit
        from protokoll.audit.actions import Action

        audit(
            Action.CHANGE_BEFORE_JUSTERING,
            actor=user,
            body=body,
            obj=meeting,
            summary=f"Sammanträdet {date.isoformat()} skapades",
        )
    return meeting


def _case(municipality: m.Municipality, dnr: str, title: str) -> tuple[m.Case, object]:
    ref = parse_dnr(dnr)
    if ref is None:
        raise Refused(f"{dnr!r} är inget diarienummer")
    key = ref.normalized
    case, _ = m.Case.objects.get_or_create(
        municipality=municipality,
        key=key,
        defaults={
            "prefix": ref.prefix,
            "year": ref.year,
            "serial": ref.serial,
            "classification": ref.classification,
            "title": title,
        },
    )
    return case, ref


def add_item(
    user,
    meeting_id: int,
    version: int | None,
    *,
    title: str,
    dnr: str | None = None,
    proposed_decision: str = "",
    background: str = "",
    attachments: list[str] = (),
    secret: bool = False,
    osl_reference: str = "",
    protected_names: list[str] = (),
) -> m.Item:
    """Put an ärende on the föredragningslista with the next free § number of the body's year.
    A sekretess § needs its OSL reference (KL 6:25; DOMAIN 1.10, checklist 36)."""
    if secret and not osl_reference.strip():
        raise Refused("Ange sekretessgrund (OSL-hänvisning) för en sekretessbelagd paragraf")
    with meeting_write(
        user, meeting_id, version, f"ärende lades till: {'(sekretess)' if secret else title}"
    ) as meeting:
        number = next_paragraph(meeting.body, meeting.date.year)
        position = meeting.items.count()
        fields = {}
        if dnr:
            case, ref = _case(meeting.body.municipality, dnr, title)
            fields = {
                "case": case,
                "case_number": dnr,
                "case_raw": ref.raw,
                "case_prefix": ref.prefix,
                "case_year": ref.year,
                "case_serial": ref.serial,
                "case_classification": ref.classification,
                "case_document": ref.document,
            }
        item = m.Item.objects.create(
            meeting=meeting,
            position=position,
            paragraph=number,
            title=title,
            proposed_decision=proposed_decision or None,
            background=background or None,
            confidential=secret,
            visibility=Visibility.SECRET if secret else Visibility.PUBLIC,
            **fields,
        )
        for n, name in enumerate(a for a in attachments if a.strip()):
            m.Attachment.objects.create(item=item, position=n, title=name.strip())
        ItemPrivacy.objects.create(
            item=item,
            osl_reference=osl_reference.strip(),
            protected_names=[p for p in protected_names if p.strip()],
        )
        from protokoll.recording.roster import sync_attendance

        sync_attendance(meeting)
    return item
