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
from protokoll.domain.problems import Problem, warning
from protokoll.domain.vocab import DispatchPurpose, MotionKind, Outcome, StatementKind, VoteChoice
from protokoll.recording import propositions as props
from protokoll.recording.errors import Immutable, Refused, refuse_on
from protokoll.recording.immutability import adjusted_paragraphs
from protokoll.recording.models import MeetingState, Presence, PropositionStep
from protokoll.recording.roster import paragraphs as item_paragraphs
from protokoll.recording.roster import plan, roster, served_by_entries, serving_on, sync_attendance
from protokoll.recording.writes import item_write, meeting_write


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
    """Who served on the justerade §§, as the stored attendance lines (and so the signatures)
    have it."""
    done = adjusted_paragraphs(meeting.pk)
    return served_by_entries(meeting, sorted(p for p in item_paragraphs(meeting) if p in done))


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
    authors = list(motion.by.all())
    who = f"{authors[0].name}s" if authors else "ett"
    if authors and authors[0].name.endswith(("s", "x", "z")):
        who = authors[0].name
    if authors and authors[0].party:
        who += f" ({authors[0].party})"
    words = {
        MotionKind.REFERRAL: "återremiss",
        MotionKind.TABLING: "bordläggning",
        MotionKind.REJECTION: "avslag",
        MotionKind.ADDITION: "tillägg",
        MotionKind.APPROVAL: "bifall",
    }
    return f"{who} yrkande om {words.get(MotionKind(motion.kind), 'ändring')}"


def _steps(item: m.Item) -> list[tuple[PropositionStep, props.Step]]:
    chair = item.meeting.chair_name
    rows = list(PropositionStep.objects.filter(item=item).select_related("vote"))
    out = []
    for row in rows:
        vote = None
        if row.vote is not None:
            v = row.vote
            chair_ballot = (
                v.ballots.filter(name=chair).values_list("choice", flat=True).first() if chair else None
            )
            vote = (v.yes, v.no, v.abstain, v.casting_vote, v.lottery, chair_ballot)
        step = props.Step(
            row.kind, row.first, row.second, row.winner, row.found, vote, row.vote and row.vote.item_id
        )
        out.append((row, step))
    return out


def _motions(item: m.Item) -> dict[str, MotionKind]:
    return {
        props.motion_key(pk): MotionKind(kind)
        for pk, kind in item.motions.filter(withdrawn=False).values_list("pk", "kind")
    }


def _labeller(item: m.Item):
    motions = {props.motion_key(x.pk): x for x in item.motions.prefetch_related("by")}
    fixed = {
        props.PROPOSAL: "förslaget till beslut",
        props.REJECT: "avslag",
        props.TODAY: "att avgöra ärendet i dag",
    }

    def label(key: str) -> str:
        return fixed.get(key) or (_label(motions[key]) if key in motions else key)

    return label


def _body_word(item: m.Item) -> str:
    name = item.meeting.body.name
    return name[0].lower() + name[1:] if name else "nämnden"


def _rewrite_order(item: m.Item) -> str:
    """Check the stored steps and write their wording into ``proposition_order``, the text the
    protokoll/1 document carries (refuses, inside the caller's transaction, on an error)."""
    steps = [s for _, s in _steps(item)]
    refuse_on(props.check(steps, _motions(item), bool(item.proposed_decision), item.pk))
    text = " ".join(props.wording(steps, _labeller(item), _body_word(item))) or None
    m.Item.objects.filter(pk=item.pk).update(proposition_order=text)
    return text or ""


def proposition_plan(item: m.Item, main: str | int | None = None) -> list[props.Step]:
    """The planned steps for the §'s förslag and yrkanden (``propositions.plan``); ``main`` is
    the chair's huvudförslag: "förslaget" or a yrkande's id."""
    chosen = props.motion_key(int(main)) if str(main or "").isdigit() else (main or None)
    motions = [
        (pk, MotionKind(kind)) for pk, kind in item.motions.filter(withdrawn=False).values_list("pk", "kind")
    ]
    return props.plan(bool(item.proposed_decision), motions, chosen)


def set_proposition_order(user, item_id: int, version: int | None, main: str | int | None = None) -> str:
    """The chair's propositionsordning for the §, as steps to be decided (DOMAIN 1.5,
    checklist 3). Replaces earlier steps; the omröstningar themselves stay."""
    with item_write(user, item_id, version, "propositionsordning") as item:
        PropositionStep.objects.filter(item=item).delete()
        for n, step in enumerate(proposition_plan(item, main)):
            PropositionStep.objects.create(
                item=item, position=n, kind=step.kind, first=step.first, second=step.second
            )
        return _rewrite_order(item)


def describe_steps(item: m.Item) -> list[dict]:
    """The steps for the recording page: number, kind, the two sides named, the winner."""
    pairs = _steps(item)
    label = _labeller(item)
    sides = props.resolve([s for _, s in pairs])
    out = []
    for n, ((row, step), (first, second)) in enumerate(zip(pairs, sides, strict=True)):
        out.append(
            {
                "pk": row.pk,
                "number": n + 1,
                "kind": row.get_kind_display(),
                "first": label(first) if first else f"vinnaren i steg {int(step.first[1:]) + 1}",
                "second": (label(second) if second else f"vinnaren i steg {int(step.second[1:]) + 1}"),
                "winner": row.winner,
                "vote": row.vote,
            }
        )
    return out


def _open_step(item: m.Item, step_id: int) -> tuple[PropositionStep, list[props.Step], int]:
    pairs = _steps(item)
    for n, (row, _) in enumerate(pairs):
        if row.pk == step_id:
            if row.winner is not None:
                raise Refused(f"Steg {n + 1} i propositionsordningen är redan avgjort")
            earlier = [s for _, s in pairs[:n]]
            if any(s.winner is None for s in earlier):
                raise Refused(f"Steg {n + 1} kan avgöras först när stegen före det är avgjorda")
            if any(s.kind == props.FORMAL and s.winner == props.SECOND for s in earlier):
                raise Refused("Ärendet har redan återremitterats eller bordlagts; stegen efter faller")
            return row, [s for _, s in pairs], n
    raise Refused("Steget finns inte i paragrafens propositionsordning")


def decide_step(
    user,
    item_id: int,
    version: int | None,
    step_id: int,
    winner: str | None = None,
    vote_id: int | None = None,
) -> str:
    """Decide one step: by acklamation (``winner`` "first" or "second": the chair's finding that
    nobody contested), or by an earlier omröstning of this § (``vote_id``; ja = the first side),
    whose result decides it (DOMAIN 1.5; KL 5:55–56)."""
    with item_write(user, item_id, version, "propositionsordning: steg avgjort") as item:
        row, _, n = _open_step(item, step_id)
        if vote_id is not None:
            vote = m.Vote.objects.filter(pk=vote_id, item=item).first()
            if vote is None:
                raise Refused("Omröstningen hör inte till paragrafen")
            if PropositionStep.objects.filter(vote=vote).exclude(pk=row.pk).exists():
                raise Refused("Omröstningen avgör redan ett annat steg")
            row.vote = vote
            row.found = winner if winner in (props.FIRST, props.SECOND) else None
            row.winner = _winner_of_vote(item, vote, winner)
        elif winner in (props.FIRST, props.SECOND):
            row.winner = winner
        else:
            raise Refused("Ange vilket förslag som vann, eller omröstningen som avgjorde steget")
        row.save()
        return _rewrite_order(item)


def _winner_of_vote(item: m.Item, vote: m.Vote, lot: str | None) -> str:
    chair = item.meeting.chair_name
    chair_ballot = vote.ballots.filter(name=chair).values_list("choice", flat=True).first() if chair else None
    won = props.vote_winner((vote.yes, vote.no, vote.abstain, vote.casting_vote, vote.lottery, chair_ballot))
    if won is None and lot in (props.FIRST, props.SECOND):
        return lot
    if won is None:
        raise Refused("Omröstningen slutade lika utan utslagsröst: ange var lotten föll")
    return won


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
    step: int | None = None,
) -> voting.Decision:
    """An omröstning: every serving member votes ``default`` except those in ``exceptions``
    ("alla ja, markera undantagen"). A ballot by someone not serving is refused (KL 5:67 p. 5);
    a tie is decided by the chair's utslagsröst, or by lot in val/anställning (KL 5:56); the
    chair must vote when that is needed (KL 4:25). DOMAIN 1.5, checklist 4 and 11. With
    ``step`` the omröstning decides that step of the propositionsordning (ja for its first side;
    the question defaults to its wording)."""
    exceptions = {k.strip(): v for k, v in (exceptions or {}).items() if k.strip() and v}
    with item_write(user, item_id, version, f"omröstning: {question}") as item:
        row = None
        if step is not None:
            row, steps, n = _open_step(item, step)
            first, second = props.resolve(steps)[n]
            if not question:
                label = _labeller(item)
                question = f"Ja för {label(first)}, nej för {label(second)}"
        vote = m.Vote(item=item, position=item.votes.count())
        decision = store_vote(item, vote, question, default, exceptions, election, lottery_result)
        if row is not None:
            row.vote = vote
            row.winner = props.FIRST if decision.result == "yes" else props.SECOND
            row.save()
            _rewrite_order(item)
    return decision


def store_vote(
    item: m.Item,
    vote: m.Vote,
    question: str,
    default: str | None,
    exceptions: dict[str, str],
    election: bool,
    lottery_result: str | None,
) -> voting.Decision:
    """Count the ballots (every serving member ``default`` but the ``exceptions``), apply the
    rules of ``record_vote`` and save ``vote`` (new, or edited: its ballots are replaced)."""
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
    vote.question = question or None
    vote.yes, vote.no, vote.abstain = counted.yes, counted.no, counted.abstain
    vote.absent = len(roster(meeting).members) - counted.cast
    vote.casting_vote, vote.lottery = decision.casting_vote, decision.lottery
    vote.save()
    vote.ballots.all().delete()
    order = {name: n for n, name in enumerate(a.name for a in meeting.attendance.all())}
    for n, (name, choice) in enumerate(sorted(ballots, key=lambda b: order.get(b[0], 999))):
        m.Ballot.objects.create(vote=vote, position=n, choice=choice, **_person_fields(meeting, name))
    return decision


# --- beslut and what follows ----------------------------------------------------------------


def record_decision(user, item_id: int, version: int | None, outcome: str, text: str) -> list[Problem]:
    """The beslut (KL 5:67 p. 4) with its outcome type (checklist 8). When the § has a
    propositionsordning the beslut must follow from it (DOMAIN 1.5): återremiss or bordläggning
    exactly when a formal yrkande won, otherwise a beslut once every step is decided — a
    contradiction is refused; steps still open give a warning (the secretary may write the
    beslut before the last proposition is settled)."""
    warnings: list[Problem] = []
    with item_write(user, item_id, version, "beslut") as item:
        steps = [s for _, s in _steps(item)]
        expected = props.outcome(steps, _motions(item)) if steps else None
        if steps and expected is None:
            warnings.append(
                warning(
                    "proposition_open",
                    "Propositionsordningen har steg som inte är avgjorda; beslutet följer ännu inte av den",
                    props.RULE,
                )
            )
        if expected is not None and Outcome(outcome) != expected:
            word = dict(
                zip(
                    Outcome,
                    ["beslut", "återremiss", "bordläggning", "utgår", "information", "anmälan"],
                    strict=False,
                )
            )
            raise Refused(
                f"Beslutet följer inte av propositionsordningen: den leder till {word[expected]}, inte {word[Outcome(outcome)]}"
            )
        m.Item.objects.filter(pk=item.pk).update(outcome=Outcome(outcome), decision=text.strip() or None)
    return warnings


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
