"""The digital anslagstavla (KL 8:9–12, 13:5; DOMAIN 1.3–1.4, checklist 21–27).

A justering is announced at the latest the second day after it (``latest_anslag_date``); the
appeal deadline is three weeks from posting moved past weekends and Swedish holidays
(``appeal_deadline``); the notice cannot be removed before that (``check_removal``); each
decision's laga kraft date follows (``laga_kraft_date``). All dates come from
``protokoll.domain.deadlines``.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from protokoll.accounts.permissions import Perm, require
from protokoll.archive import models as m
from protokoll.audit import record as audit
from protokoll.audit.actions import Action
from protokoll.domain import deadlines
from protokoll.recording.errors import refuse_on
from protokoll.recording.models import DelegatedDecision, Justering, Posting

STORAGE = "Kommunkansliet"


def post_justering(j: Justering, posted: dt.date, storage: str = STORAGE) -> Posting:
    """Announce a completed justering. Posted on the justering day (well within KL 8:12)."""
    refuse_on(deadlines.check_notice(j.completed_on, posted))
    p = Posting.objects.create(
        body=j.meeting.body,
        justering=j,
        posted=posted,
        appeal_deadline=deadlines.appeal_deadline(posted),
        storage=storage,
    )
    if not Justering.objects.filter(meeting=j.meeting, completed_on__isnull=True).exists():
        m.Notice.objects.update_or_create(
            meeting=j.meeting,
            defaults={"posted": posted, "appeal_deadline": p.appeal_deadline, "storage": storage},
        )
    return p


def post_delegated(decision: DelegatedDecision, posted: dt.date, storage: str = STORAGE) -> Posting:
    """A delegation decision not reported to the nämnd gets its own anslag (KL 8:10 p. 3)."""
    return Posting.objects.create(
        body=decision.body,
        delegated=decision,
        posted=posted,
        appeal_deadline=deadlines.appeal_deadline(posted),
        storage=storage,
    )


def remove(user, posting_id: int, day: dt.date) -> Posting:
    """Take the notice down; refused before the appeal period ran out (KL 8:12, 13:5)."""
    with transaction.atomic():
        p = Posting.objects.select_for_update().select_related("body").get(pk=posting_id)
        require(user, Perm.PUBLISH, p.body)
        refuse_on(deadlines.check_removal(p.posted, day))
        p.removed = day
        p.save(update_fields=["removed"])
        if p.justering_id:
            m.Notice.objects.filter(meeting_id=p.justering.meeting_id).update(removed=day)
        audit(
            Action.PUBLISH, actor=user, body=p.body, obj=p, summary=f"Anslaget från {p.posted} togs ned {day}"
        )
    return p


def laga_kraft(p: Posting) -> dt.date | None:
    return deadlines.laga_kraft_date(p.posted, p.removed)


def current(day: dt.date) -> list[Posting]:
    """Notices on the board on ``day``: posted, and not yet taken down."""
    return list(
        Posting.objects.filter(posted__lte=day)
        .exclude(removed__lte=day)
        .select_related("body", "justering__meeting", "delegated")
        .order_by("-posted", "pk")
    )
