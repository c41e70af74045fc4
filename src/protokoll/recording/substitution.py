"""The cross-party inkallelseordning of a body (KL 6:16; DOMAIN 1.8, checklist 33).

The order is configuration, not code (DOMAIN 1.8): each body keeps ``SubstitutePolicy`` rows
decided by fullmäktige. ``cross_party_order`` turns one into the ``CrossPartyOrder`` that
``domain.attendance.next_substitute`` applies after the absent ledamot's own party;
``set_policy`` is the one write (the ``record`` permission, audited).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from django.db import transaction

from protokoll.accounts.permissions import Perm, require
from protokoll.archive import models as m
from protokoll.audit import record as audit
from protokoll.audit.actions import Action
from protokoll.domain.attendance import CrossPartyOrder
from protokoll.recording.errors import Refused
from protokoll.recording.models import Justering, SubstitutePolicy


def cross_party_order(
    parties: Iterable[str | None],
    party_order: Mapping[str, Sequence[str]],
    groups: Sequence[Sequence[str]] = (),
    then_others: bool = False,
) -> CrossPartyOrder:
    """For each party of ``parties`` (the body's), the other parties whose ersättare are called
    when its own have run out, in this order: the party's decided list (``party_order``), then
    the other parties of its party group or coalition (``groups``, in the order listed), then —
    with ``then_others`` — every remaining party alphabetically. The own party is never listed
    (``next_substitute`` always tries it first, KL 5:17 pattern)."""
    known = sorted({p for p in parties if p}, key=str.casefold)
    order: dict[str | None, list[str | None]] = {}
    for party in [*known, None]:
        seq: list[str | None] = []
        for other in party_order.get(party or "", ()):
            if other not in seq and other != party:
                seq.append(other)
        for group in groups:
            if party in group:
                seq += [p for p in group if p != party and p not in seq]
        if then_others:
            seq += [p for p in known if p != party and p not in seq]
        if seq:
            order[party] = seq
    return order


def policy_for(body: m.Body | int, day: dt.date) -> SubstitutePolicy | None:
    """The policy in force on ``day`` (the latest decided from that day or earlier)."""
    body_id = body if isinstance(body, int) else body.pk
    return SubstitutePolicy.objects.filter(body_id=body_id, valid_from__lte=day).first()


def order_for(body: m.Body | int, day: dt.date, parties: Iterable[str | None]) -> CrossPartyOrder:
    policy = policy_for(body, day)
    if policy is None:
        return {}
    return cross_party_order(parties, policy.party_order, policy.groups, policy.then_others)


def _clean_party(value: object) -> str:
    text = str(value or "").strip()
    if not text:
        raise Refused("Ett parti saknar namn i ersättarordningen")
    return text


def set_policy(
    user,
    body: m.Body,
    *,
    valid_from: dt.date,
    party_order: Mapping[str, Sequence[str]] | None = None,
    groups: Sequence[Sequence[str]] = (),
    then_others: bool = False,
    decided_by: str = "",
    request=None,
) -> SubstitutePolicy:
    """Store the body's cross-party order from ``valid_from`` (replacing one decided for that
    same day). Refused when a meeting on or after that day already has a justering: who served
    on a justerad § is signed (KL 5:69) and must not change afterwards."""
    require(user, Perm.RECORD, body)
    order = {_clean_party(k): [_clean_party(v) for v in vs] for k, vs in (party_order or {}).items()}
    cleaned_groups = [[_clean_party(p) for p in g] for g in groups if g]
    with transaction.atomic():
        locked = Justering.objects.filter(
            meeting__body=body, meeting__date__gte=valid_from, completed_on__isnull=False
        ).select_related("meeting")
        first = locked.order_by("meeting__date").first()
        if first is not None:
            raise Refused(
                f"Sammanträdet {first.meeting.date} är redan justerat; en ny ersättarordning kan "
                f"gälla tidigast dagen efter"
            )
        policy, _ = SubstitutePolicy.objects.update_or_create(
            body=body,
            valid_from=valid_from,
            defaults={
                "party_order": order,
                "groups": cleaned_groups,
                "then_others": then_others,
                "decided_by": decided_by.strip(),
            },
        )
        from protokoll.recording.roster import sync_attendance

        # The stored attendance rows ("ersätter X") of the meetings it now governs follow at once.
        # Only meetings recorded here (with Presence rows): an imported protocol's attendance is
        # what its text says, and rebuilding it from memberships would overwrite the record.
        recorded = m.Meeting.objects.filter(body=body, date__gte=valid_from, presences__isnull=False)
        for meeting in recorded.distinct().select_related("body"):
            sync_attendance(meeting)
        audit(
            Action.CHANGE_BEFORE_JUSTERING,
            actor=user,
            body=body,
            obj=policy,
            summary=f"Ersättarordning mellan partier från {valid_from.isoformat()}",
            details={"party_order": order, "groups": cleaned_groups, "then_others": then_others},
            request=request,
        )
    return policy


def parse_lines(text: str) -> dict[str, list[str]]:
    """The form's list, one party a line: ``C: M, S`` (C's ersättare run out → M, then S)."""
    out: dict[str, list[str]] = {}
    for n, line in enumerate(x.strip() for x in (text or "").splitlines()):
        if not line:
            continue
        if ":" not in line:
            raise Refused(f"Rad {n + 1} i ersättarordningen ska se ut som 'C: M, S'")
        party, rest = line.split(":", 1)
        out[_clean_party(party)] = [_clean_party(p) for p in rest.split(",") if p.strip()]
    return out


def parse_groups(text: str) -> list[list[str]]:
    """The form's party groups, one a line: ``S, V, MP``."""
    return [
        [_clean_party(p) for p in line.split(",") if p.strip()]
        for line in (text or "").splitlines()
        if line.strip()
    ]
