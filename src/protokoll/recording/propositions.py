"""The propositionsordning of a § as ordered steps (DOMAIN 1.5 "Propositionsordning /
kontrapropositionsvotering", checklist 3; practice, not KL).

The order: formal yrkanden (återremiss, bordläggning) first, each against deciding the ärende
today; then the materiella proposals — with three or more a kontrapropositionsvotering picks
the motförslag before the huvudvotering; tilläggsyrkanden last
(``domain.voting.proposition_order``, ``counter_proposition_plan``). Each step is decided by
acklamation or by an omröstning (ja for ``first``, nej for ``second``).

The pure functions here plan, resolve, check and word the steps; ``record`` stores them
(``recording.models.PropositionStep``) and writes the wording into the §'s
``proposition_order``, the text the ``protokoll/1`` document carries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from protokoll.domain import voting
from protokoll.domain.problems import Problem, error
from protokoll.domain.vocab import MotionKind, Outcome

PROPOSAL = "förslaget"  # förslaget till beslut
TODAY = "idag"  # that the ärende is decided today (against a formal yrkande)
REJECT = "avslag"
FIRST, SECOND = "first", "second"
FORMAL, COUNTER, MAIN, ADDITION = "formal", "counter", "main", "addition"
_FORMAL_KINDS = (MotionKind.REFERRAL, MotionKind.TABLING)
RULE = "DOMAIN 1.5 propositionsordning"


def motion_key(pk: int) -> str:
    return f"m{pk}"


def winner_ref(position: int) -> str:
    return f"w{position}"


@dataclass
class Step:
    """A step as plain data (the stored row, or one being planned). ``vote`` is
    (ja, nej, avstår, casting vote, lottery, the chair's ballot) when decided by omröstning."""

    kind: str
    first: str
    second: str
    winner: str | None = None
    found: str | None = None
    vote: tuple[int, int, int, bool, bool, str | None] | None = None
    vote_item: int | None = None


def plan(
    has_proposal: bool, motions: Sequence[tuple[int, MotionKind]], main: str | None = None
) -> list[Step]:
    """The steps for the §'s förslag and its yrkanden that are not withdrawn. A bifallsyrkande
    supports förslaget when there is one (it is not a proposal of its own). ``main`` is the
    chair's huvudförslag (a key); by default förslaget, else the first materiellt yrkande."""
    proposals = [voting.Proposal(PROPOSAL, MotionKind.APPROVAL)] if has_proposal else []
    proposals += [
        voting.Proposal(motion_key(pk), MotionKind(kind))
        for pk, kind in motions
        if not (has_proposal and MotionKind(kind) is MotionKind.APPROVAL)
    ]
    ordered = voting.proposition_order(proposals)
    formal = [p.key for p in ordered if p.kind in _FORMAL_KINDS]
    additions = [p.key for p in ordered if p.kind is MotionKind.ADDITION]
    material = [p.key for p in ordered if p.kind not in _FORMAL_KINDS and p.kind is not MotionKind.ADDITION]
    steps = [Step(FORMAL, TODAY, key) for key in formal]
    if material:
        head = main if main in material else material[0]
        others = [k for k in material if k != head]
        if not others:
            steps.append(Step(MAIN, head, REJECT))
        else:
            offset = len(steps)
            for planned in voting.counter_proposition_plan(head, others):
                sides = [
                    winner_ref(offset + s.step) if isinstance(s, voting.WinnerOf) else s
                    for s in (planned.yes, planned.no)
                ]
                steps.append(Step(COUNTER if planned.kind == "counter" else MAIN, *sides))
    steps += [Step(ADDITION, key, REJECT) for key in additions]
    return steps


def resolve(steps: Sequence[Step]) -> list[tuple[str | None, str | None]]:
    """Each step's two sides with earlier winners filled in (None while not yet decided)."""
    out: list[tuple[str | None, str | None]] = []

    def side(key: str) -> str | None:
        if key.startswith("w") and key[1:].isdigit():
            n = int(key[1:])
            if n >= len(out) or steps[n].winner not in (FIRST, SECOND):
                return None
            return out[n][0] if steps[n].winner == FIRST else out[n][1]
        return key

    for step in steps:
        out.append((side(step.first), side(step.second)))
    return out


def vote_winner(vote: tuple[int, int, int, bool, bool, str | None]) -> str | None:
    """The side an omröstning decided: the majority; at a tie the chair's utslagsröst (KL 5:56
    via 6:33); None for a lottery (the lot is recorded as the step's winner)."""
    yes, no, _abstain, casting, lottery, chair = vote
    if yes != no:
        return FIRST if yes > no else SECOND
    if casting and chair in ("yes", "no"):
        return FIRST if chair == "yes" else SECOND
    return None


def check(
    steps: Sequence[Step], motions: Mapping[str, MotionKind], has_proposal: bool, item_id: int
) -> list[Problem]:
    """What is wrong with the steps of one §: every side must be a proposal of that § (förslaget,
    one of its yrkanden not withdrawn, or an earlier step's winner); the order must be formal
    steps, then kontrapropositionsvoteringar, the huvudproposition, tilläggsyrkanden; a step
    decided by omröstning must use an omröstning of the same § and follow its result; nothing
    is decided after the ärende was återremitterat or bordlagt."""
    problems: list[Problem] = []
    rank = {FORMAL: 0, COUNTER: 1, MAIN: 2, ADDITION: 3}
    last_rank = 0
    closed_at: int | None = None
    for n, step in enumerate(steps):
        where = f"Steg {n + 1}"
        if rank.get(step.kind, 9) < last_rank or (step.kind == MAIN and last_rank == 2):
            problems.append(error("proposition_order", f"{where} står i fel ordning", RULE))
        last_rank = rank.get(step.kind, 9)
        for key, is_second in ((step.first, False), (step.second, True)):
            ok = (
                (key == PROPOSAL and has_proposal)
                or (key in motions)
                or (key == TODAY and step.kind == FORMAL and not is_second)
                or (key == REJECT and is_second and step.kind in (MAIN, ADDITION))
                or (
                    key.startswith("w")
                    and key[1:].isdigit()
                    and int(key[1:]) < n
                    and steps[int(key[1:])].kind == COUNTER
                )
            )
            if not ok:
                problems.append(
                    error(
                        "proposition_unknown",
                        f"{where} hänvisar till något som inte är ett förslag i paragrafen",
                        RULE,
                    )
                )
        if step.kind == FORMAL and motions.get(step.second) not in _FORMAL_KINDS:
            problems.append(error("proposition_formal", f"{where} ställer inget formellt yrkande", RULE))
        if step.winner is not None and closed_at is not None:
            problems.append(
                error(
                    "proposition_after_referral",
                    f"{where} avgjordes fast ärendet redan återremitterats eller bordlagts",
                    RULE,
                )
            )
        if step.kind == FORMAL and step.winner == SECOND and closed_at is None:
            closed_at = n
        if step.vote is not None:
            if step.vote_item != item_id:
                problems.append(
                    error(
                        "proposition_vote_item",
                        f"{where} hänvisar till en omröstning i en annan paragraf",
                        RULE,
                    )
                )
            decided = vote_winner(step.vote)
            if decided is not None and step.winner != decided:
                problems.append(
                    error(
                        "proposition_vote_result",
                        f"{where}: utfallet följer inte av omröstningens resultat",
                        RULE,
                    )
                )
    return problems


def outcome(steps: Sequence[Step], motions: Mapping[str, MotionKind]) -> Outcome | None:
    """The outcome the steps lead to: återremiss or bordläggning when a formal yrkande won,
    else a beslut once every step is decided; None while steps remain open (or without steps)."""
    for step in steps:
        if step.kind == FORMAL and step.winner == SECOND:
            return Outcome.REFERRAL if motions.get(step.second) is MotionKind.REFERRAL else Outcome.TABLING
    if not steps or any(s.winner is None for s in steps):
        return None
    return Outcome.DECISION


def adopted(steps: Sequence[Step]) -> str | None:
    """The proposal the huvudproposition adopted (a key), or None."""
    sides = resolve(steps)
    for step, (first, second) in zip(steps, sides, strict=True):
        if step.kind == MAIN and step.winner in (FIRST, SECOND):
            return first if step.winner == FIRST else second
    return None


# --- wording (the usual Swedish protocol phrases) -------------------------------------------


def _pending(key: str) -> str:
    return f"vinnaren i steg {int(key[1:]) + 1}"


def wording(steps: Sequence[Step], label: Callable[[str], str], body: str) -> list[str]:
    """One paragraph per step: "Ordföranden ställer proposition på … och finner att …",
    then, for an omröstning, "Omröstning begärs. … Ja-röst för …, nej-röst för …" and the result.
    ``label`` names a key ("Bo Bergs (M) yrkande om avslag"); ``body`` is the nämnd's name
    as it stands in a sentence ("miljönämnden")."""
    sides = resolve(steps)
    out: list[str] = []
    for n, (step, (first, second)) in enumerate(zip(steps, sides, strict=True)):
        a = label(first) if first else _pending(step.first)
        b = label(second) if second else _pending(step.second)
        lead = "Ordföranden ställer först" if n == 0 and len(steps) > 1 else "Ordföranden ställer"
        found = step.found or step.winner
        if step.kind == FORMAL:
            verb = "återremitteras" if "återremiss" in b else "bordläggas"
            text = f"{lead} proposition på om ärendet ska avgöras i dag eller {verb}"
            finding = {FIRST: "ärendet ska avgöras i dag", SECOND: f"ärendet ska {verb}"}
            yes_no = ("att ärendet ska avgöras i dag", f"att ärendet ska {verb}")
        elif step.second == REJECT:
            text = f"{lead} proposition på bifall och avslag till {a}"
            finding = {FIRST: f"{body} bifaller det", SECOND: f"{body} avslår det"}
            yes_no = (f"bifall till {a}", f"avslag på {a}")
        elif step.kind == COUNTER:
            text = f"{lead} proposition på {a} och {b} för att utse motförslag i huvudvoteringen"
            finding = {FIRST: f"{a} antas som motförslag", SECOND: f"{b} antas som motförslag"}
            yes_no = (a, b)
        else:
            text = f"{lead} proposition på {a} och {b}"
            finding = {FIRST: f"{body} beslutar enligt {a}", SECOND: f"{body} beslutar enligt {b}"}
            yes_no = (a, b)
        if found in finding:
            text += f" och finner att {finding[found]}"
        text += "."
        if step.vote is not None:
            yes, no, abstain, casting, lottery, _chair = step.vote
            text += (
                f" Omröstning begärs. {body[0].upper() + body[1:]} godkänner följande propositionsordning: "
                f"ja-röst för {yes_no[0]}, nej-röst för {yes_no[1]}. Omröstningen utfaller med {yes} ja-röster, "
                f"{no} nej-röster och {abstain} som avstår"
            )
            if casting:
                text += ", och ordförandens utslagsröst avgör"
            if lottery:
                text += ", och lottning avgör"
            if step.winner in (FIRST, SECOND):
                chosen = yes_no[0] if step.winner == FIRST else yes_no[1]
                text += f". {body[0].upper() + body[1:]} har därmed beslutat för {chosen}"
            text += "."
        out.append(text)
    return out
