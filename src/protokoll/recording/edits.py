"""Editing and deleting rows entered during the meeting (issue 6 "Record", issue 5
"Integrity"): yrkanden, omröstningar with their ballots, reservationer, särskilda yttranden and
protokollsanteckningar, uppdrag, expediering, jäv and presence in the room.

Each change is one ``writes.item_write`` / ``meeting_write``: the ``record`` permission, the
version the secretary read (a stale one is a conflict with a clear message, nothing is lost),
an audit event ``change_before_justering`` naming the row, and the refusal of a justerad §
(KL 5:69; JO 581-2013: after justering only a visible rättelse). The same rules as when the
row was entered apply to its new content (``record``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet

from protokoll.archive import models as m
from protokoll.domain import attendance as rules
from protokoll.domain.vocab import DispatchPurpose, MotionKind, StatementKind, VoteChoice
from protokoll.recording import propositions as props
from protokoll.recording import record
from protokoll.recording.errors import Refused, Stale
from protokoll.recording.models import Presence, PropositionStep
from protokoll.recording.roster import serving_on
from protokoll.recording.writes import item_write, meeting_write


@dataclass(frozen=True)
class RowKind:
    label: str  # Swedish, for messages and the audit summary
    rows: Callable[[m.Item], QuerySet]
    edit: Callable[[m.Item, Model, dict], None]
    before_delete: Callable[[m.Item, Model], None] = lambda item, row: None
    after_change: Callable[[m.Item], None] = lambda item: None


def _names(data: dict, key: str = "by") -> list[str]:
    value = data.get(key)
    items = value if isinstance(value, list) else str(value or "").replace("\n", ",").split(",")
    return [str(v).strip() for v in items if str(v).strip()]


def _renumber(rows: QuerySet) -> None:
    for n, row in enumerate(rows.order_by("position", "pk")):
        if row.position != n:
            type(row).objects.filter(pk=row.pk).update(position=n)


def _authors(item: m.Item, related, model, owner_field: str, owner, names: list[str]) -> None:
    related.all().delete()
    for n, name in enumerate(names):
        model.objects.create(**{owner_field: owner}, position=n, **record._person_fields(item.meeting, name))


# --- yrkanden -------------------------------------------------------------------------------


def _steps_using(item: m.Item, key: str) -> bool:
    return PropositionStep.objects.filter(item=item).filter(first=key).exists() or (
        PropositionStep.objects.filter(item=item, second=key).exists()
    )


def _edit_motion(item: m.Item, motion: m.Motion, data: dict) -> None:
    names = _names(data) or [a.name for a in motion.by.all()]
    serving = serving_on(item.meeting, item.paragraph)
    for name in names:
        if name not in serving:
            raise Refused(f"{name} tjänstgör inte på § {item.paragraph} och kan inte yrka")
    motion.kind = MotionKind(data.get("kind") or motion.kind)
    motion.text = str(data.get("text", motion.text) or "").strip()
    motion.save()
    _authors(item, motion.by, m.MotionAuthor, "motion", motion, names)


def _before_motion_delete(item: m.Item, motion: m.Motion) -> None:
    if _steps_using(item, props.motion_key(motion.pk)):
        raise Refused("Yrkandet ingår i propositionsordningen: gör om propositionsordningen utan det först")


def _rewrite_if_ordered(item: m.Item) -> None:
    if PropositionStep.objects.filter(item=item).exists():
        record._rewrite_order(item)


# --- omröstningar ---------------------------------------------------------------------------


def _step_of(vote: m.Vote) -> PropositionStep | None:
    return PropositionStep.objects.filter(vote=vote).first()


def _later_decided(step: PropositionStep) -> bool:
    return PropositionStep.objects.filter(
        item_id=step.item_id, position__gt=step.position, winner__isnull=False
    ).exists()


def _edit_vote(item: m.Item, vote: m.Vote, data: dict) -> None:
    exceptions = data.get("exceptions")
    if not isinstance(exceptions, dict):
        exceptions = {k.removeprefix("ballot:"): v for k, v in data.items() if k.startswith("ballot:") and v}
    exceptions = {str(k).strip(): str(v) for k, v in exceptions.items() if str(k).strip() and v}
    default = str(data.get("default", VoteChoice.YES) or "") or None
    decision = record.store_vote(
        item,
        vote,
        str(data.get("question", vote.question or "") or ""),
        default,
        exceptions,
        data.get("election") in (True, "1", "on", "true"),
        str(data.get("lottery_result") or "") or None,
    )
    step = _step_of(vote)
    if step is not None:
        won = props.FIRST if decision.result == "yes" else props.SECOND
        if won != step.winner and _later_decided(step):
            raise Refused(
                f"Omröstningen avgör steg {step.position + 1} i propositionsordningen och stegen efter är redan "
                "avgjorda; ett annat utfall ändrar dem"
            )
        step.winner = won
        step.save()


def _before_vote_delete(item: m.Item, vote: m.Vote) -> None:
    step = _step_of(vote)
    if step is None:
        return
    if _later_decided(step):
        raise Refused(
            f"Omröstningen avgör steg {step.position + 1} i propositionsordningen och stegen efter är avgjorda"
        )
    step.winner, step.found, step.vote = None, None, None
    step.save()


# --- reservationer, yttranden, uppdrag, expediering, jäv -------------------------------------


def _edit_reservation(item: m.Item, r: m.Reservation, data: dict) -> None:
    names = _names(data) or [a.name for a in r.by.all()]
    serving = serving_on(item.meeting, item.paragraph)
    last = item.votes.order_by("-position").first()
    abstained = (
        set(last.ballots.filter(choice=VoteChoice.ABSTAIN).values_list("name", flat=True)) if last else set()
    )
    for name in names:
        if rules.may_reserve(name, serving, abstained):
            raise Refused(
                f"{name} deltog inte i beslutet i § {item.paragraph} och kan inte reservera sig (KL 4:27)"
            )
    r.text = str(data.get("text", r.text) or "").strip()
    if "written" in data:
        r.written = data.get("written") in (True, "1", "on", "true")
    r.save()
    _authors(item, r.by, m.ReservationAuthor, "reservation", r, names)


def _edit_statement(item: m.Item, s: m.Statement, data: dict) -> None:
    names = _names(data) or [a.name for a in s.by.all()]
    s.kind = StatementKind(data.get("kind") or s.kind)
    s.text = str(data.get("text", s.text) or "").strip()
    s.save()
    _authors(item, s.by, m.StatementAuthor, "statement", s, [record._known(item.meeting, n) for n in names])


def _edit_assignment(item: m.Item, a: m.Assignment, data: dict) -> None:
    a.assignee = str(data.get("assignee", a.assignee) or "").strip()
    a.task = str(data.get("task", a.task) or "").strip()
    if not a.assignee or not a.task:
        raise Refused("Ett uppdrag behöver mottagare och uppgift")
    if "due" in data:
        try:
            a.due = dt.date.fromisoformat(str(data["due"])) if data["due"] else None
        except ValueError as exc:
            raise Refused(f"{data['due']!r} är inget datum (ÅÅÅÅ-MM-DD)") from exc
    if "report_to" in data:
        a.report_to = str(data["report_to"] or "").strip() or None
    a.save()


def _edit_dispatch(item: m.Item, d: m.Dispatch, data: dict) -> None:
    d.recipient = str(data.get("recipient", d.recipient) or "").strip()
    if not d.recipient:
        raise Refused("Ange mottagare")
    d.purpose = DispatchPurpose(data.get("purpose") or d.purpose)
    d.save()


def _edit_jav(item: m.Item, c: m.Conflict, data: dict) -> None:
    name = record._known(item.meeting, str(data.get("name") or ""))
    if item.conflicts.filter(name=name).exclude(pk=c.pk).exists():
        raise Refused(f"{name} har redan anmält jäv i § {item.paragraph}")
    for field, value in record._person_fields(item.meeting, name).items():
        setattr(c, field, value)
    c.save()


def _resync(item: m.Item) -> None:
    record.sync_attendance(item.meeting)


KINDS: dict[str, RowKind] = {
    "motion": RowKind(
        "yrkande", lambda i: i.motions, _edit_motion, _before_motion_delete, _rewrite_if_ordered
    ),
    "vote": RowKind("omröstning", lambda i: i.votes, _edit_vote, _before_vote_delete, _rewrite_if_ordered),
    "reservation": RowKind("reservation", lambda i: i.reservations, _edit_reservation),
    "statement": RowKind("yttrande", lambda i: i.statements, _edit_statement),
    "assignment": RowKind("uppdrag", lambda i: i.assignments, _edit_assignment),
    "dispatch": RowKind("expediering", lambda i: i.sent_to, _edit_dispatch),
    "jav": RowKind("jäv", lambda i: i.conflicts, _edit_jav, after_change=_resync),
}


def _kind(what: str) -> RowKind:
    if what not in KINDS:
        raise Refused(f"Okänd radtyp {what!r}")
    return KINDS[what]


def _row(item: m.Item, kind: RowKind, row_id: int) -> Model:
    row = kind.rows(item).filter(pk=row_id).first()
    if row is None:
        raise Stale(
            f"{kind.label.capitalize()}en finns inte längre i § {item.paragraph} (någon annan kan ha tagit bort den). "
            "Ladda om sidan."
        )
    return row


def edit_row(user, item_id: int, version: int | None, what: str, row_id: int, data: dict) -> None:
    """Change one row of the § (``what``: a key of ``KINDS``)."""
    kind = _kind(what)
    with item_write(user, item_id, version, f"{kind.label} ändrad (rad {row_id})") as item:
        before = record._served_on_adjusted(item.meeting)
        kind.edit(item, _row(item, kind, row_id), data)
        kind.after_change(item)
        if what == "jav":
            record._resync(item.meeting, before)


def delete_row(user, item_id: int, version: int | None, what: str, row_id: int) -> None:
    """Delete one row of the § (the positions after it close up)."""
    kind = _kind(what)
    with item_write(user, item_id, version, f"{kind.label} borttagen (rad {row_id})") as item:
        before = record._served_on_adjusted(item.meeting)
        row = _row(item, kind, row_id)
        kind.before_delete(item, row)
        row.delete()
        _renumber(kind.rows(item).all())
        kind.after_change(item)
        if what == "jav":
            record._resync(item.meeting, before)


# --- presence in the room (meeting scope) ----------------------------------------------------


def _presence(meeting: m.Meeting, row_id: int) -> Presence:
    row = Presence.objects.filter(meeting=meeting, pk=row_id).select_related("person").first()
    if row is None:
        raise Stale("Närvaroraden finns inte längre (någon annan kan ha tagit bort den). Ladda om sidan.")
    return row


def edit_presence(
    user, meeting_id: int, version: int | None, row_id: int, first: int, last: int | None, remote: bool
) -> None:
    """Correct an arrival or departure (KL 5:66); refused when it would change who served on a
    justerad §."""
    if last is not None and last < first:
        raise Refused("Sista paragrafen kommer före den första")
    with meeting_write(user, meeting_id, version, f"närvaro ändrad (rad {row_id})") as meeting:
        before = record._served_on_adjusted(meeting)
        row = _presence(meeting, row_id)
        row.first, row.last, row.remote = first, last, remote
        row.save()
        record._resync(meeting, before)


def delete_presence(user, meeting_id: int, version: int | None, row_id: int) -> None:
    with meeting_write(user, meeting_id, version, f"närvaro borttagen (rad {row_id})") as meeting:
        before = record._served_on_adjusted(meeting)
        _presence(meeting, row_id).delete()
        record._resync(meeting, before)
