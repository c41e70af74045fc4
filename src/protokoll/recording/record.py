"""Live recording of a meeting (issue 6 "Record"; DOMAIN 1.1, 1.5, 1.7–1.9, 1.12–1.13).

Each function is one state change through ``writes.item_write``/``meeting_write`` (one
transaction, ``can_record``, optimistic locking, audit). The rules are the pure functions of
``protokoll.domain``; a rule's error refuses the change, its warnings are returned.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from protokoll.archive import models as m
from protokoll.domain import attendance as rules
from protokoll.domain import voting
from protokoll.domain.problems import Problem
from protokoll.domain.vocab import DispatchPurpose, MotionKind, Outcome, StatementKind, VoteChoice
from protokoll.recording.errors import Immutable, Refused, refuse_on
from protokoll.recording.immutability import adjusted_paragraphs
from protokoll.recording.models import MeetingState, Presence
from protokoll.recording.roster import plan, roster, serving_on, sync_attendance
from protokoll.recording.writes import item_write, meeting_write

PROPOSAL = "förslaget"  # key of the förslag till beslut in the propositionsordning


def _person_fields(meeting: m.Meeting, name: str) -> dict:
    r = roster(meeting)
    person = m.Person.objects.filter(municipality=meeting.body.municipality, name=name).first()
    return {"name": name, "party": r.parties.get(name), "person": person}


def _known(meeting: m.Meeting, name: str) -> str:
    name = (name or "").strip()
    if name not in roster(meeting).parties:
        raise Refused(f"{name or '(inget namn)'} är varken ledamot eller ersättare i {meeting.body.name}")
    return name


def _served_on_adjusted(meeting: m.Meeting) -> dict[int, set[str]]:
    done = adjusted_paragraphs(meeting.pk)
    seats = plan(meeting)
    return {p: rules.serving(seats, p) for p in seats if p in done}


def _resync(meeting: m.Meeting, before: dict[int, set[str]]) -> None:
    """Recompute attendance; refuse when that would change who served on a justerad §
    (``before`` is ``_served_on_adjusted`` taken before the change)."""
    sync_attendance(meeting)
    if before != _served_on_adjusted(meeting):
        raise Immutable("Ändringen skulle ändra tjänstgöringen på en justerad paragraf")


# --- attendance -----------------------------------------------------------------------------


def add_presence(
    user,
    meeting_id: int,
    version: int | None,
    name: str,
    first: int,
    last: int | None = None,
    remote: bool = False,
) -> m.Meeting:
    """Record that ``name`` was present (arrived before § ``first``, left after § ``last``).
    KL 5:66, 6:24; DOMAIN 1.8 (attendance is an interval over §§)."""
    with meeting_write(user, meeting_id, version, f"närvaro: {name} §§ {first}–{last or 'slut'}") as meeting:
        before = _served_on_adjusted(meeting)
        name = _known(meeting, name)
        if last is not None and last < first:
            raise Refused("Sista paragrafen kommer före den första")
        p = m.Person.objects.get(municipality=meeting.body.municipality, name=name)
        Presence.objects.create(meeting=meeting, person=p, first=first, last=last, remote=remote)
        _resync(meeting, before)
    return meeting


def all_present(user, meeting_id: int, version: int | None, names: list[str]) -> m.Meeting:
    """ "Alla närvarande": everyone named is present for the whole meeting."""
    with meeting_write(user, meeting_id, version, f"närvaro: {len(names)} personer hela mötet") as meeting:
        before = _served_on_adjusted(meeting)
        first = min((p for p in meeting.items.values_list("paragraph", flat=True) if p), default=1)
        for name in names:
            p = m.Person.objects.get(municipality=meeting.body.municipality, name=_known(meeting, name))
            Presence.objects.filter(meeting=meeting, person=p).delete()
            Presence.objects.create(meeting=meeting, person=p, first=first, last=None)
        _resync(meeting, before)
    return meeting


def depart(user, meeting_id: int, version: int | None, name: str, after: int) -> m.Meeting:
    """``name`` leaves after § ``after`` (their open presence ends there)."""
    with meeting_write(user, meeting_id, version, f"närvaro: {name} lämnar efter § {after}") as meeting:
        before = _served_on_adjusted(meeting)
        rows = Presence.objects.filter(meeting=meeting, person__name=name, last__isnull=True)
        if not rows.exists():
            raise Refused(f"{name} är inte närvarande")
        rows.update(last=after)
        _resync(meeting, before)
    return meeting


def declare_jav(user, item_id: int, version: int | None, name: str) -> list[Problem]:
    """Jäv on one §: the person leaves it and a substitute may step in (KL 6:28–30; DOMAIN 1.7,
    checklist 9). Returns the quorum warning, if any, for that §."""
    with item_write(user, item_id, version, f"jäv anmält av {name}") as item:
        meeting = item.meeting
        before = _served_on_adjusted(meeting)
        name = _known(meeting, name)
        if item.conflicts.filter(name=name).exists():
            raise Refused(f"{name} har redan anmält jäv i § {item.paragraph}")
        m.Conflict.objects.create(item=item, position=item.conflicts.count(), **_person_fields(meeting, name))
        _resync(meeting, before)
        serving = serving_on(meeting, item.paragraph)
        return rules.check_quorum(item.paragraph, len(roster(meeting).members), len(serving))


# --- yrkanden and propositionsordning ---------------------------------------------------------


def add_motion(user, item_id: int, version: int | None, by: list[str], kind: str, text: str) -> m.Motion:
    """A yrkande by a serving member, with instämmanden (KL 5:67 p. 1; 4:22; DOMAIN 1.5)."""
    names = [n.strip() for n in by if n and n.strip()]
    if not names:
        raise Refused("Ange vem som yrkar")
    with item_write(user, item_id, version, f"yrkande av {names[0]}") as item:
        serving = serving_on(item.meeting, item.paragraph)
        for name in names:
            if name not in serving:
                raise Refused(f"{name} tjänstgör inte på § {item.paragraph} och kan inte yrka")
        motion = m.Motion.objects.create(
            item=item, position=item.motions.count(), kind=MotionKind(kind), text=text.strip()
        )
        for n, name in enumerate(names):
            m.MotionAuthor.objects.create(motion=motion, position=n, **_person_fields(item.meeting, name))
    return motion


def withdraw_motion(user, item_id: int, version: int | None, motion_id: int) -> None:
    with item_write(user, item_id, version, "yrkande återtaget") as item:
        if not item.motions.filter(pk=motion_id).update(withdrawn=True):
            raise Refused("Yrkandet finns inte på paragrafen")


def _label(motion: m.Motion) -> str:
    names = [a.name for a in motion.by.all()]
    who = names[0] if names else "okänd"
    words = {
        MotionKind.REFERRAL: "återremiss",
        MotionKind.TABLING: "bordläggning",
        MotionKind.REJECTION: "avslag",
        MotionKind.ADDITION: "tilläggsyrkande",
        MotionKind.APPROVAL: "bifall",
    }
    return f"{who}s yrkande om {words.get(MotionKind(motion.kind), 'ändring')}"


def proposition_plan(item: m.Item, main: str | int | None = None) -> list[str]:
    """The propositionsordning as sentences: formal yrkanden first, each on its own; then with
    three or more materiella proposals a kontrapropositionsvotering before the huvudvotering
    (DOMAIN 1.5; ``domain.voting.proposition_order`` and ``counter_proposition_plan``)."""
    motions = [x for x in item.motions.all() if not x.withdrawn]
    labels: dict[object, str] = {PROPOSAL: "förslaget till beslut"} if item.proposed_decision else {}
    proposals = [voting.Proposal(PROPOSAL, MotionKind.APPROVAL)] if item.proposed_decision else []
    for x in motions:
        labels[x.pk] = _label(x)
        proposals.append(voting.Proposal(x.pk, MotionKind(x.kind)))
    ordered = voting.proposition_order(proposals)
    lines: list[str] = []
    formal = [p for p in ordered if p.kind in (MotionKind.REFERRAL, MotionKind.TABLING)]
    material = [p for p in ordered if p not in formal and p.kind is not MotionKind.ADDITION]
    additions = [p for p in ordered if p.kind is MotionKind.ADDITION]
    for p in formal:
        lines.append(f"Ordföranden ställer först proposition på {labels[p.key]} och finner att det avslås.")
    if material:
        keys = [p.key for p in material]
        chosen = int(main) if isinstance(main, str) and main.isdigit() else main
        head = chosen if chosen in keys else keys[0]
        others = [k for k in keys if k != head]
        if not others:
            lines.append(f"Ordföranden ställer proposition på {labels[head]} och finner det bifallet.")
        else:
            steps = voting.counter_proposition_plan(head, others)
            if len(steps) > 1:
                lines.append(
                    f"Ordföranden föreslår {labels[head]} som huvudförslag. Motförslag utses genom "
                    "kontrapropositionsvotering mellan " + " och ".join(labels[k] for k in others) + "."
                )
            lines.append(f"Huvudvotering: ja för {labels[head]}, nej för motförslaget.")
    for p in additions:
        lines.append(f"Därefter ställer ordföranden proposition på {labels[p.key]}.")
    return lines


def set_proposition_order(user, item_id: int, version: int | None, main: str | int | None = None) -> str:
    with item_write(user, item_id, version, "propositionsordning") as item:
        text = " ".join(proposition_plan(item, main))
        m.Item.objects.filter(pk=item.pk).update(proposition_order=text or None)
    return text


# --- omröstning -----------------------------------------------------------------------------


def record_vote(
    user,
    item_id: int,
    version: int | None,
    *,
    question: str,
    default: str | None = VoteChoice.YES,
    exceptions: dict[str, str] | None = None,
    election: bool = False,
    lottery_result: str | None = None,
) -> voting.Decision:
    """An omröstning: every serving member votes ``default`` except those in ``exceptions``
    ("alla ja, markera undantagen"). A ballot by someone not serving is refused (KL 5:67 p. 5);
    a tie is decided by the chair's utslagsröst, or by lot in val/anställning (KL 5:56); the
    chair must vote when that is needed (KL 4:25). DOMAIN 1.5, checklist 4 and 11."""
    exceptions = {k.strip(): v for k, v in (exceptions or {}).items() if k.strip() and v}
    with item_write(user, item_id, version, f"omröstning: {question}") as item:
        meeting = item.meeting
        serving = serving_on(meeting, item.paragraph)
        ballots: list[voting.Ballot] = []
        if default:
            ballots += [(name, VoteChoice(default)) for name in sorted(serving) if name not in exceptions]
        ballots += [(name, VoteChoice(choice)) for name, choice in exceptions.items()]
        refuse_on(voting.check_vote(ballots, None, serving))
        counted = voting.tally(ballots)
        chair_vote = dict(ballots).get(meeting.chair_name) if meeting.chair_name else None
        decision = voting.decide(
            counted.yes,
            counted.no,
            chair_vote=chair_vote,
            is_election_or_employment=election,
            lottery_result=lottery_result,
        )
        refuse_on(list(decision.problems))
        vote = m.Vote.objects.create(
            item=item,
            position=item.votes.count(),
            question=question or None,
            yes=counted.yes,
            no=counted.no,
            abstain=counted.abstain,
            absent=len(roster(meeting).members) - counted.cast,
            casting_vote=decision.casting_vote,
            lottery=decision.lottery,
        )
        order = {name: n for n, name in enumerate(a.name for a in meeting.attendance.all())}
        for n, (name, choice) in enumerate(sorted(ballots, key=lambda b: order.get(b[0], 999))):
            m.Ballot.objects.create(vote=vote, position=n, choice=choice, **_person_fields(meeting, name))
    return decision


# --- beslut and what follows ----------------------------------------------------------------


def record_decision(user, item_id: int, version: int | None, outcome: str, text: str) -> None:
    """The beslut (KL 5:67 p. 4) with its outcome type (checklist 8)."""
    with item_write(user, item_id, version, "beslut") as item:
        m.Item.objects.filter(pk=item.pk).update(outcome=Outcome(outcome), decision=text.strip() or None)


def _closed_at(meeting: m.Meeting) -> dt.datetime | None:
    state = MeetingState.objects.filter(meeting=meeting).first()
    return state.closed_at if state else None


def add_reservation(
    user, item_id: int, version: int | None, names: list[str], text: str = "", written: bool = False
):
    """A reservation, only from those who took part in the decision (KL 4:27; checklist 6):
    serving on the §, not abstaining in its last vote, announced before the meeting closed."""
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        raise Refused("Ange vem som reserverar sig")
    with item_write(user, item_id, version, f"reservation av {', '.join(names)}") as item:
        serving = serving_on(item.meeting, item.paragraph)
        last = item.votes.order_by("-position").first()
        abstained = (
            set(last.ballots.filter(choice=VoteChoice.ABSTAIN).values_list("name", flat=True))
            if last
            else set()
        )
        for name in names:
            problems = rules.may_reserve(name, serving, abstained)
            if problems:
                raise Refused(
                    f"{name} deltog inte i beslutet i § {item.paragraph} och kan inte reservera sig (KL 4:27)",
                    problems,
                )
        refuse_on(rules.check_reservation_time(timezone.now(), _closed_at(item.meeting)))
        r = m.Reservation.objects.create(
            item=item, position=item.reservations.count(), text=text.strip(), written=written
        )
        for n, name in enumerate(names):
            m.ReservationAuthor.objects.create(
                reservation=r, position=n, **_person_fields(item.meeting, name)
            )
    return r


def add_statement(user, item_id: int, version: int | None, kind: str, names: list[str], text: str):
    """Särskilt yttrande or protokollsanteckning, also from non-serving ersättare where the
    reglemente allows it (KL 6:17; DOMAIN 1.9, checklist 7)."""
    with item_write(user, item_id, version, f"{StatementKind(kind).value}") as item:
        s = m.Statement.objects.create(
            item=item, position=item.statements.count(), kind=StatementKind(kind), text=text.strip()
        )
        for n, name in enumerate(x.strip() for x in names if x.strip()):
            m.StatementAuthor.objects.create(
                statement=s, position=n, **_person_fields(item.meeting, _known(item.meeting, name))
            )
    return s


def add_assignment(
    user,
    item_id: int,
    version: int | None,
    assignee: str,
    task: str,
    due: dt.date | None = None,
    report_to: str = "",
):
    """An uppdrag with assignee and due date (KL 6:4–5; DOMAIN 1.12, checklist 31)."""
    if not assignee.strip() or not task.strip():
        raise Refused("Ett uppdrag behöver mottagare och uppgift")
    with item_write(user, item_id, version, f"uppdrag till {assignee}") as item:
        return m.Assignment.objects.create(
            item=item,
            position=item.assignments.count(),
            assignee=assignee.strip(),
            task=task.strip(),
            due=due,
            report_to=report_to.strip() or None,
        )


def add_dispatch(
    user, item_id: int, version: int | None, recipient: str, purpose: str = DispatchPurpose.INFORMATION
):
    """Expediering, "Kopia till" (DOMAIN 1.13, checklist 14)."""
    with item_write(user, item_id, version, f"expediering till {recipient}") as item:
        return m.Dispatch.objects.create(
            item=item,
            position=item.sent_to.count(),
            recipient=recipient.strip(),
            purpose=DispatchPurpose(purpose),
        )


def set_immediate(user, item_id: int, version: int | None, immediate: bool) -> None:
    """Omedelbar justering of this § (DOMAIN 1.2)."""
    with item_write(
        user, item_id, version, "omedelbar justering" if immediate else "ej omedelbar justering"
    ) as item:
        m.Item.objects.filter(pk=item.pk).update(immediately_adjusted=immediate)


def close_meeting(user, meeting_id: int, version: int | None) -> None:
    """The chair closes the meeting: reservations after this are refused (KL 4:27 2 st.)."""
    with meeting_write(user, meeting_id, version, "sammanträdet avslutat") as meeting:
        state, _ = MeetingState.objects.get_or_create(meeting=meeting)
        state.closed_at = timezone.now()
        state.save()
        now = timezone.localtime()
        m.Meeting.objects.filter(pk=meeting.pk).update(end=now.time().replace(second=0, microsecond=0))


def quorum_problems(meeting: m.Meeting) -> dict[int, list[Problem]]:
    """Per § the KL 6:27 check (shown on the recording page)."""
    size = len(roster(meeting).members)
    seats = plan(meeting)
    return {p: rules.check_quorum(p, size, len(rules.serving(seats, p))) for p in seats}
