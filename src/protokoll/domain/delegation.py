"""Delegation: non-delegable matters and what goes on the next meeting's agenda (DOMAIN 1.11).

A delegated decision is tagged by the caller with the categories it falls in; KL 6:38 lists
those a nämnd may not delegate. The register decides which decisions are reported ("Anmälan av
delegationsbeslut") at the next meeting and which must be särskilt protokollförda instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from protokoll.domain.problems import Problem, warning


class NonDelegable(StrEnum):
    """The categories of KL 6:38 first paragraph (DOMAIN 1.11)."""

    GOALS = "goals"  # 1. verksamhetens mål, inriktning, omfattning eller kvalitet
    STATEMENT_TO_COUNCIL = "statement_to_council"  # 2. framställningar/yttranden till fullmäktige
    STATEMENT_ON_APPEAL = "statement_on_appeal"  # 2. yttranden när nämndens beslut överklagats
    PRINCIPLED_AUTHORITY = "principled_authority"  # 3. myndighetsutövning av principiell beskaffenhet
    CITIZEN_PROPOSAL = "citizen_proposal"  # 4. medborgarförslag som överlåtits till nämnden
    BARRED_BY_LAW = "barred_by_law"  # 5. ärenden som enligt lag eller författning inte får delegeras


_POINTS = {
    NonDelegable.GOALS: ("1", "verksamhetens mål, inriktning, omfattning eller kvalitet"),
    NonDelegable.STATEMENT_TO_COUNCIL: ("2", "framställningar eller yttranden till fullmäktige"),
    NonDelegable.STATEMENT_ON_APPEAL: ("2", "yttranden med anledning av att nämndens beslut överklagats"),
    NonDelegable.PRINCIPLED_AUTHORITY: (
        "3",
        "myndighetsutövning mot enskilda av principiell beskaffenhet eller annars av större vikt",
    ),
    NonDelegable.CITIZEN_PROPOSAL: ("4", "medborgarförslag som överlåtits till nämnden"),
    NonDelegable.BARRED_BY_LAW: ("5", "ärenden som enligt lag eller annan författning inte får delegeras"),
}


def check_delegable(categories: Iterable[NonDelegable | str]) -> list[Problem]:
    """Warn for each KL 6:38 category a delegated decision is tagged with.

    KL 6:38; DOMAIN 1.11, checklist 29. A warning, not a refusal: the register must still show a
    decision that was taken, and whether it was lawful is for a court (KL 13:8).
    """
    problems = []
    for category in dict.fromkeys(NonDelegable(c) for c in categories):
        point, text = _POINTS[category]
        problems.append(
            warning(
                "not_delegable",
                f"a decision on {text} may not be delegated (KL 6:38 p. {point})",
                f"KL 6:38 p. {point}",
            )
        )
    return problems


@dataclass(frozen=True)
class DelegatedDecision:
    """One entry of the register of delegationsbeslut (KL 6:37–40; DOMAIN 1.11).

    ``urgent`` marks a decision by the ordförande (or named ledamot) in a brådskande matter under
    6:39; ``to_be_reported`` says whether the nämnd's delegationsordning has it reported (6:40);
    ``reported_on`` is the meeting date at which it was anmält, if it was.
    """

    key: Hashable
    decided: dt.date
    delegate: str
    point: str | None = None
    urgent: bool = False
    to_be_reported: bool = True
    appealable: bool = True
    reported_on: dt.date | None = None


def due_for_report(register: Iterable[DelegatedDecision], meeting_date: dt.date) -> list[DelegatedDecision]:
    """The entries that belong under "Anmälan av delegationsbeslut" on the meeting's agenda.

    Every not yet reported decision taken before the meeting day that the delegationsordning has
    reported (KL 6:40), and always every urgent chair decision (KL 6:39: "ska anmälas vid
    nämndens nästa sammanträde"). Sorted by date. DOMAIN 1.11, checklist 28 and 30.
    """
    due = [
        d
        for d in register
        if d.reported_on is None and d.decided < meeting_date and (d.urgent or d.to_be_reported)
    ]
    return sorted(due, key=lambda d: (d.decided, str(d.key)))


def needs_separate_record(register: Iterable[DelegatedDecision]) -> list[DelegatedDecision]:
    """Decisions not reported to the nämnd that may be appealed: they must be särskilt
    protokollförda and get their own anslag. KL 6:40, 7:8, 8:10 p. 3; DOMAIN 1.3, 1.11,
    checklist 28."""
    return [d for d in register if not d.urgent and not d.to_be_reported and d.appealable]


def check_urgent_reported(decision: DelegatedDecision, meetings_held: Collection[dt.date]) -> list[Problem]:
    """Warn when an urgent chair decision was not reported at the first meeting after it.

    KL 6:39–40; DOMAIN 1.11, checklist 30.
    """
    if not decision.urgent:
        return []
    later = sorted(m for m in meetings_held if m > decision.decided)
    if not later:
        return []
    first = later[0]
    if decision.reported_on == first:
        return []
    return [
        warning(
            "urgent_not_reported",
            f"the urgent decision of {decision.decided} by {decision.delegate} was not reported at "
            f"the next meeting, {first}",
            "KL 6:39",
        )
    ]
