"""The register of delegationsbeslut (KL 6:37–40, 7:5–8, 8:10 p. 3; DOMAIN 1.11, checklist
28–30). Rules from ``protokoll.domain.delegation``: which decisions are reported on the next
agenda (``due_for_report``, urgent chair decisions always), which are särskilt protokollförda
with their own anslag (``needs_separate_record``), and the KL 6:38 warning
(``check_delegable``)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from protokoll.accounts.permissions import Perm, require
from protokoll.archive import models as m
from protokoll.audit import record as audit
from protokoll.audit.actions import Action
from protokoll.domain import delegation as rules
from protokoll.domain.problems import Problem
from protokoll.domain.vocab import Outcome
from protokoll.recording.models import DelegatedDecision

REPORT_TITLE = "Anmälan av delegationsbeslut"


def _as_rule(d: DelegatedDecision) -> rules.DelegatedDecision:
    return rules.DelegatedDecision(
        key=d.pk,
        decided=d.decided,
        delegate=d.delegate,
        point=d.point or None,
        urgent=d.urgent,
        to_be_reported=d.to_be_reported,
        appealable=d.appealable,
        reported_on=d.reported_in.meeting.date if d.reported_in_id else None,
    )


def register(
    user,
    body: m.Body,
    *,
    delegate: str,
    point: str,
    decided: dt.date,
    decision: str,
    urgent: bool = False,
    to_be_reported: bool = True,
    appealable: bool = True,
    categories: list[str] = (),
    case_number: str = "",
) -> tuple[DelegatedDecision, list[Problem]]:
    """Enter a decision; returns the KL 6:38 warnings. A decision that is not reported and may
    be appealed is särskilt protokollförd at once and posted on the anslagstavla (KL 6:40,
    8:10 p. 3)."""
    require(user, Perm.RECORD, body)
    warnings = rules.check_delegable(categories)
    with transaction.atomic():
        d = DelegatedDecision.objects.create(
            body=body,
            delegate=delegate,
            point=point,
            decided=decided,
            decision=decision,
            urgent=urgent,
            to_be_reported=to_be_reported or urgent,
            appealable=appealable,
            categories=list(categories),
            case_number=case_number,
        )
        if rules.needs_separate_record([_as_rule(d)]):
            from protokoll.recording.anslag import post_delegated

            d.separately_recorded_at = timezone.now()
            d.save(update_fields=["separately_recorded_at"])
            post_delegated(d, max(decided, timezone.localdate()))
        audit(
            Action.CHANGE_BEFORE_JUSTERING,
            actor=user,
            body=body,
            obj=d,
            summary=f"Delegationsbeslut registrerat ({delegate}, {decided})",
        )
    return d, warnings


def due(meeting: m.Meeting) -> list[DelegatedDecision]:
    rows = {d.pk: d for d in DelegatedDecision.objects.filter(body=meeting.body, reported_in__isnull=True)}
    return [rows[x.key] for x in rules.due_for_report([_as_rule(d) for d in rows.values()], meeting.date)]


def put_on_agenda(user, meeting: m.Meeting) -> m.Item | None:
    """The "Anmälan av delegationsbeslut" § listing every decision due (urgent chair decisions
    always, KL 6:39–40). None when nothing is due."""
    from protokoll.recording.prepare import add_item
    from protokoll.recording.record import record_decision

    decisions = due(meeting)
    if not decisions:
        return None
    lines = [
        f"{d.decided}: {d.delegate}{f' (p. {d.point})' if d.point else ''}{' – brådskande beslut' if d.urgent else ''}: {d.decision}"
        for d in decisions
    ]
    meeting.refresh_from_db()
    item = add_item(user, meeting.pk, meeting.version, title=REPORT_TITLE, background="\n".join(lines))
    record_decision(
        user, item.pk, item.version, Outcome.REPORT, "Anmälan av delegationsbesluten läggs till handlingarna."
    )
    DelegatedDecision.objects.filter(pk__in=[d.pk for d in decisions]).update(reported_in=item)
    return item
