"""Omröstning: tally, consistency checks, the result, and the order of propositions.

DOMAIN 1.5 and checklist 3, 4, 11, 12. Persons are identified by any hashable key the caller
uses consistently (a name, a database id); ballots are ``(person, VoteChoice)`` pairs so that a
voter entered twice can be seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from protokoll.domain.problems import Problem, error, warning
from protokoll.domain.vocab import BodyKind, MotionKind, VoteChoice

Ballot = tuple[Hashable, VoteChoice | str]
Side = Literal["yes", "no"]


@dataclass(frozen=True)
class Tally:
    """Totals of an omröstning: "x ja, y nej, z avstår" (KL 5:67 p. 3; DOMAIN 1.5)."""

    yes: int = 0
    no: int = 0
    abstain: int = 0
    absent: int = 0

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain


def tally(ballots: Iterable[Ballot]) -> Tally:
    """Count ballots per choice. KL 5:55 via 6:33 (majority of the votes cast); DOMAIN 1.5."""
    counts = Counter(VoteChoice(choice) for _, choice in ballots)
    return Tally(
        yes=counts[VoteChoice.YES],
        no=counts[VoteChoice.NO],
        abstain=counts[VoteChoice.ABSTAIN],
        absent=counts[VoteChoice.ABSENT],
    )


def _choices(t: Tally) -> tuple[int, int, int]:
    return (t.yes, t.no, t.abstain)


def check_secrecy(secret: bool, is_election_or_employment: bool) -> list[Problem]:
    """Votes are open; a closed (secret) vote only in val or anställning av personal.

    KL 5:54 via 6:33; DOMAIN 1.5, checklist 12.
    """
    if secret and not is_election_or_employment:
        return [
            error(
                "secret_vote_not_allowed",
                "a closed vote is allowed only in val or anställning av personal",
                "KL 5:54",
            )
        ]
    return []


def check_vote(
    ballots: Sequence[Ballot],
    stated: Tally | None,
    serving: Collection[Hashable],
) -> list[Problem]:
    """Check one omröstning against those serving on the §.

    Refused (error): a ballot by someone not serving on that § (checklist 4, KL 5:67 p. 5 and
    4:24 via the serving list), the same voter twice, more votes than serving members.
    Warned: stated totals that differ from the ballots, a serving member with no ballot.
    DOMAIN 1.5, checklist 4 and 46.
    """
    problems: list[Problem] = []
    serving_set = set(serving)
    seen: set[Hashable] = set()
    for person, _ in ballots:
        if person in seen:
            problems.append(error("duplicate_voter", f"{person} has more than one ballot", "KL 5:67 p. 3"))
            continue
        seen.add(person)
        if person not in serving_set:
            problems.append(
                error(
                    "voter_not_serving",
                    f"{person} does not serve on this § and cannot vote",
                    "KL 5:67 p. 5; 4:22",
                )
            )
    counted = tally(ballots)
    reference = stated if stated is not None else counted
    if reference.cast > len(serving_set):
        problems.append(
            error(
                "more_votes_than_serving",
                f"{reference.cast} votes cast but only {len(serving_set)} serve on this §",
                "KL 5:67 p. 5",
            )
        )
    if ballots and stated is not None and _choices(stated) != _choices(counted):
        problems.append(
            warning(
                "tally_mismatch",
                f"stated {stated.yes} ja, {stated.no} nej, {stated.abstain} avstår; the ballots "
                f"give {counted.yes} ja, {counted.no} nej, {counted.abstain} avstår",
                "KL 5:67 p. 3",
            )
        )
    if ballots:
        for person in sorted(serving_set - seen, key=str):
            problems.append(
                warning("missing_ballot", f"{person} serves on this § but has no ballot", "KL 5:67 p. 5")
            )
    return problems


@dataclass(frozen=True)
class Decision:
    """The outcome of a ja/nej proposition. ``result`` is None when it cannot yet be decided."""

    result: Side | None
    casting_vote: bool = False
    lottery: bool = False
    problems: tuple[Problem, ...] = field(default=())


def decide(
    yes: int,
    no: int,
    *,
    chair_vote: VoteChoice | str | None = None,
    is_election_or_employment: bool = False,
    lottery_result: Side | None = None,
) -> Decision:
    """The result of a vote: simple majority; at a tie the chair's utslagsröst, or lottning.

    KL 5:55–56 via 6:33 ("Vid lika röstetal har ordföranden utslagsröst. I ärenden som avser val
    eller anställning av personal fattas beslutet dock genom lottning"). KL 4:25: the chair must
    vote when that is needed to decide, so a tie with the chair abstaining cannot be settled until
    the chair votes. ``lottery_result`` is the side the drawn lot fell on (the draw itself happens
    at the meeting, not in this pure function). DOMAIN 1.5, checklist 11.
    """
    if yes > no:
        return Decision("yes")
    if no > yes:
        return Decision("no")
    if is_election_or_employment:
        if lottery_result is None:
            return Decision(
                None,
                lottery=True,
                problems=(
                    error("lottery_needed", "a tie in val or anställning is decided by lot", "KL 5:56"),
                ),
            )
        return Decision(lottery_result, lottery=True)
    choice = VoteChoice(chair_vote) if chair_vote is not None else None
    if choice not in (VoteChoice.YES, VoteChoice.NO):
        return Decision(
            None,
            problems=(
                error(
                    "chair_must_vote",
                    "the vote is tied: the chair must vote so that the matter can be decided",
                    "KL 4:25; 5:56",
                ),
            ),
        )
    return Decision("yes" if choice is VoteChoice.YES else "no", casting_vote=True)


# --- propositionsordning -------------------------------------------------------------------

_FORMAL = (MotionKind.REFERRAL, MotionKind.TABLING)


@dataclass(frozen=True)
class Proposal:
    """A förslag or yrkande that can be put to the meeting. ``key`` identifies it."""

    key: Hashable
    kind: MotionKind = MotionKind.OTHER


def proposition_order(proposals: Sequence[Proposal]) -> list[Proposal]:
    """The order of trial: formal yrkanden (återremiss, bordläggning) first, each on its own;
    then the materiella yrkanden; tilläggsyrkanden last. Order within a group is kept.

    Practice, not KL (DOMAIN 1.5 "Propositionsordning", Alingsås beslutsgång); checklist 3.
    """

    def rank(p: Proposal) -> int:
        if p.kind in _FORMAL:
            return 0
        if p.kind is MotionKind.ADDITION:
            return 2
        return 1

    return sorted(proposals, key=rank)  # sorted() is stable


@dataclass(frozen=True)
class WinnerOf:
    """The proposal that won an earlier step of the plan (index into the plan)."""

    step: int


@dataclass(frozen=True)
class PlannedVote:
    """One step: ``kind`` is "counter" (kontrapropositionsvotering, choosing the motförslag) or
    "main" (huvudvotering: "ja för huvudförslaget, nej för motförslaget")."""

    kind: Literal["counter", "main"]
    yes: Hashable | WinnerOf
    no: Hashable | WinnerOf


def counter_proposition_plan(main: Hashable, others: Sequence[Hashable]) -> list[PlannedVote]:
    """The voting plan for one huvudförslag against one or more other proposals.

    With three or more proposals the chair's huvudförslag stands aside while the others are tried
    against each other, the winner of each step meeting the next proposal, until one motförslag
    remains; then the huvudvotering puts the huvudförslag against it. With two proposals there is
    only the huvudvotering. Practice (DOMAIN 1.5, sv.wikipedia "Kontrapropositionsvotering");
    checklist 3.
    """
    if not others:
        raise ValueError("a vote needs at least one proposal against the huvudförslag")
    if main in others or len(set(others)) != len(others):
        raise ValueError("each proposal may appear only once")
    plan: list[PlannedVote] = []
    current: Hashable | WinnerOf = others[0]
    for step, challenger in enumerate(others[1:]):
        plan.append(PlannedVote("counter", current, challenger))
        current = WinnerOf(step)
    plan.append(PlannedVote("main", main, current))
    return plan


def resolve_plan(plan: Sequence[PlannedVote], results: Sequence[Side]) -> list[tuple[Hashable, Hashable]]:
    """The concrete pairs (yes-side, no-side) of the steps decided so far plus the next one.

    ``results[i]`` is the winning side of step i. Returns one pair per result given, and the next
    step's pair when the plan is not finished. DOMAIN 1.5.
    """
    if len(results) > len(plan):
        raise ValueError("more results than steps in the plan")
    winners: list[Hashable] = []
    pairs: list[tuple[Hashable, Hashable]] = []

    def concrete(side: Hashable | WinnerOf) -> Hashable:
        return winners[side.step] if isinstance(side, WinnerOf) else side

    for index, step in enumerate(plan):
        pair = (concrete(step.yes), concrete(step.no))
        pairs.append(pair)
        if index >= len(results):
            break
        winners.append(pair[0] if results[index] == "yes" else pair[1])
    return pairs


def plan_winner(plan: Sequence[PlannedVote], results: Sequence[Side]) -> Hashable | None:
    """The adopted proposal once every step has a result, else None. DOMAIN 1.5."""
    if len(results) != len(plan):
        return None
    yes, no = resolve_plan(plan, results)[-1]
    return yes if results[-1] == "yes" else no


def formal_motion_carried(
    body_kind: BodyKind,
    supporters: int,
    against: int,
    present_members: int,
    *,
    chair_vote: VoteChoice | str | None = None,
    minority_rule_used: bool = False,
) -> Decision:
    """Whether a yrkande on bordläggning or återremiss is carried.

    In a nämnd, styrelse or utskott: simple majority like any question, with the chair's casting
    vote at a tie (KL 6:33 2 st., 5:55–56). Only in fullmäktige: carried when at least one third
    of the ledamöter present ask for it (KL 5:50), unless the minority rule has already been used
    on this ärende; otherwise by majority. Whether 5:50 applies to the ärende at all is for the
    caller to say. DOMAIN 1.6, checklist 13.
    """
    if body_kind is BodyKind.COUNCIL and not minority_rule_used and supporters * 3 >= present_members > 0:
        return Decision("yes")
    return decide(supporters, against, chair_vote=chair_vote)
