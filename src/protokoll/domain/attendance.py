"""Who serves on each §, quorum, and who may reserve themselves (DOMAIN 1.5, 1.7, 1.8).

Seats belong to the ledamöter; an ersättare serves in a ledamot's seat when the ledamot is
absent or jävig. The per-kommun inkallelseordning is configuration passed in (DOMAIN 1.8 "the
per-kommun inkallelseordning is configuration, not code"), never hard-coded.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from protokoll.domain.problems import Problem, error, warning


@dataclass(frozen=True)
class Member:
    """A ledamot: the holder of a seat."""

    name: str
    party: str | None = None


@dataclass(frozen=True)
class Substitute:
    """An ersättare. ``rank`` is the place in the party's decided order (1 is called first)."""

    name: str
    party: str | None = None
    rank: int = 0


CrossPartyOrder = Mapping[str | None, Sequence[str | None]]
"""For an absent ledamot's party, the other parties whose ersättare are called, in order."""

SeatPlan = dict[int, dict[str, str | None]]
"""Per §, each seat (the ledamot's name) → who sits in it (the ledamot, an ersättare, or None)."""


def paragraphs_in(ranges: Iterable[tuple[int, int]]) -> set[int]:
    """The § numbers covered by inclusive ranges like the document's ``[[1, 4], [7, 7]]``
    (attendance as an interval over § numbers, DOMAIN 1.8)."""
    return {n for start, end in ranges for n in range(start, end + 1)}


def next_substitute(
    absent_member: Member,
    substitutes: Sequence[Substitute],
    order: CrossPartyOrder | None = None,
) -> Substitute | None:
    """The ersättare to call for ``absent_member`` among the available ``substitutes``.

    The member's own party first, in the decided order (``rank``); then the parties named for that
    party in the cross-party ``order`` decided by fullmäktige; None when nobody fits. KL 6:16
    ("i vilken ordning de ska tjänstgöra"); reglemente practice mirroring KL 5:17–20; DOMAIN 1.8,
    checklist 33.
    """
    parties: list[str | None] = [absent_member.party, *(order or {}).get(absent_member.party, ())]
    for party in parties:
        candidates = sorted((s for s in substitutes if s.party == party), key=lambda s: s.rank)
        if candidates:
            return candidates[0]
    return None


def seat_plan(
    members: Sequence[Member],
    substitutes: Sequence[Substitute],
    paragraphs: Sequence[int],
    present: Mapping[str, Collection[int]],
    conflicts: Mapping[int, Collection[str]] | None = None,
    order: CrossPartyOrder | None = None,
) -> SeatPlan:
    """Who serves in each seat on each §, given arrivals/departures, jäv and the order.

    ``present`` maps a name to the §§ the person was in the room (or at a distance, KL 6:24).
    Rules applied per § (switches happen between ärenden, DOMAIN 1.8):
    a ledamot present and not jävig takes the own seat (a late ledamot retakes it, KL 5:19
    pattern); a jävig person takes no part (KL 6:30); an ersättare already serving in a seat keeps
    it, and one who stepped out only for jäv resumes after that ärende (KL 5:18 pattern); an empty
    seat is filled by ``next_substitute`` (KL 6:16). DOMAIN 1.7–1.8, checklist 5, 9, 33.
    Not modelled: the exception when the party balance changes, and a refusal of växeltjänstgöring
    after a voluntary departure (the person's presence is what the caller says it is).
    """
    conflicts = conflicts or {}
    plan: SeatPlan = {}
    previous: dict[str, str | None] = {}
    resume: dict[str, str] = {}  # seat → ersättare who stepped out for jäv only
    for paragraph in paragraphs:
        jav = set(conflicts.get(paragraph, ()))
        here = {name for name, nums in present.items() if paragraph in nums}
        seats: dict[str, str | None] = {}
        for m in members:
            seats[m.name] = m.name if m.name in here and m.name not in jav else None
        free = [s for s in substitutes if s.name in here and s.name not in jav]
        used: set[str] = set()
        for m in members:
            holder = previous.get(m.name)
            if holder and holder != m.name and holder in jav and seats[m.name] is None:
                resume[m.name] = holder
        for m in members:
            if seats[m.name] is not None:
                resume.pop(m.name, None)
                continue
            for keeper in (resume.get(m.name), previous.get(m.name)):
                if keeper and keeper != m.name and any(s.name == keeper for s in free) and keeper not in used:
                    seats[m.name] = keeper
                    used.add(keeper)
                    resume.pop(m.name, None)
                    break
        for m in members:
            if seats[m.name] is None:
                chosen = next_substitute(m, [s for s in free if s.name not in used], order)
                if chosen:
                    seats[m.name] = chosen.name
                    used.add(chosen.name)
        plan[paragraph] = seats
        previous = seats
    return plan


def serving(plan: SeatPlan, paragraph: int) -> set[str]:
    """Everyone who serves (tjänstgör) on ``paragraph``. KL 5:66 via 6:35; DOMAIN 1.8."""
    return {who for who in plan[paragraph].values() if who}


def service_ranges(plan: SeatPlan, person: str) -> list[tuple[int, int]]:
    """The § ranges ``person`` served on, as the document's inclusive ``paragraphs`` ranges
    (e.g. "ersätter X §§ 170, 172–184" → [(170, 170), (172, 184)]). DOMAIN 1.8, checklist 5."""
    numbers = sorted(p for p, seats in plan.items() if person in seats.values())
    ranges: list[tuple[int, int]] = []
    for n in numbers:
        if ranges and ranges[-1][1] == n - 1:
            ranges[-1] = (ranges[-1][0], n)
        else:
            ranges.append((n, n))
    return ranges


def has_quorum(members: int, serving_count: int) -> bool:
    """More than half of the seats are filled by someone present and not jävig.

    KL 6:27 ("fler än hälften av ledamöterna är närvarande"); a member at a distance is present
    (6:24); a jävig person is not counted (6:30); a serving ersättare has a ledamot's rights
    (4:22). DOMAIN 1.5, 1.7; checklist 10.
    """
    return serving_count * 2 > members


def check_quorum(paragraph: int, members: int, serving_count: int) -> list[Problem]:
    """Warn when a § was handled without quorum. KL 6:27, 6:24; DOMAIN 1.5, checklist 10."""
    if has_quorum(members, serving_count):
        return []
    needed = members // 2 + 1
    return [
        warning(
            "no_quorum",
            f"§ {paragraph}: {serving_count} of {members} ledamöter serve; at least {needed} are needed",
            "KL 6:27",
        )
    ]


def check_serving(
    paragraph: int,
    services: Sequence[tuple[str, str | None]],
    members: Collection[str],
    present_members: Collection[str],
    conflicts: Collection[str] = (),
) -> list[Problem]:
    """Check the recorded service on one §: ``services`` are (person, replaced ledamot or None).

    Errors: someone counted twice; a jävig person counted (KL 6:30); a serving ersättare sitting
    for a ledamot who is present and not jävig; two people in one seat; more serving than seats.
    KL 5:67 p. 5, 6:28–30; DOMAIN 1.7–1.8, checklist 5 and 9.
    """
    problems: list[Problem] = []
    jav = set(conflicts)
    present = set(present_members)
    for person, count in Counter(p for p, _ in services).items():
        if count > 1:
            problems.append(
                error("counted_twice", f"§ {paragraph}: {person} is counted {count} times", "KL 5:67 p. 5")
            )
    for person, replaces in services:
        if person in jav:
            problems.append(
                error("jav_counted", f"§ {paragraph}: {person} is jävig and may not take part", "KL 6:30")
            )
        if replaces is None:
            continue
        if replaces not in members:
            problems.append(
                warning(
                    "replaces_non_member",
                    f"§ {paragraph}: {person} is recorded as replacing {replaces}, who is not a ledamot",
                    "KL 6:16",
                )
            )
        elif replaces in present and replaces not in jav:
            problems.append(
                error(
                    "replaces_present_member",
                    f"§ {paragraph}: {person} sits for {replaces}, who is present and not jävig",
                    "KL 6:16; 4:22",
                )
            )
    for seat, count in Counter(r for _, r in services if r is not None).items():
        if count > 1:
            problems.append(
                error("seat_taken_twice", f"§ {paragraph}: {count} ersättare sit for {seat}", "KL 6:16")
            )
    if len({p for p, _ in services}) > len(members):
        problems.append(
            error(
                "more_serving_than_seats",
                f"§ {paragraph}: {len({p for p, _ in services})} serve but the nämnd has {len(members)} ledamöter",
                "KL 5:67 p. 5",
            )
        )
    return problems


def may_reserve(
    person: Hashable,
    serving_on_paragraph: Collection[Hashable],
    abstained: Collection[Hashable] = (),
) -> list[Problem]:
    """Refuse a reservation by someone who did not take part in the decision.

    KL 4:27 ("En förtroendevald som har deltagit i avgörandet av ett ärende får reservera sig");
    not a non-serving ersättare, not someone who abstained from the decision. DOMAIN 1.5,
    checklist 6.
    """
    if person not in serving_on_paragraph:
        return [
            error(
                "reservation_not_serving",
                f"{person} did not serve on this § and cannot reserve against the decision",
                "KL 4:27",
            )
        ]
    if person in abstained:
        return [
            error(
                "reservation_abstained",
                f"{person} abstained and so did not take part in the decision",
                "KL 4:27",
            )
        ]
    return []


def check_reservation_time(
    announced: dt.datetime,
    meeting_closed: dt.datetime | None,
    written_received: dt.date | None = None,
    justering: dt.date | None = None,
) -> list[Problem]:
    """A reservation is announced before the meeting closes (KL 4:27 2 st., refused otherwise);
    its written motivation, when given, reaches the secretary by the justering (reglemente
    practice, not KL: warned). DOMAIN 1.5, checklist 6."""
    problems: list[Problem] = []
    if meeting_closed is not None and announced > meeting_closed:
        problems.append(
            error(
                "reservation_after_close",
                f"the reservation was announced {announced:%Y-%m-%d %H:%M}, after the meeting closed "
                f"{meeting_closed:%Y-%m-%d %H:%M}",
                "KL 4:27",
            )
        )
    if written_received is not None and justering is not None and written_received > justering:
        problems.append(
            warning(
                "written_reservation_late",
                f"the written reservation arrived {written_received}, after the justering {justering}",
                "reglemente (DOMAIN 1.5)",
            )
        )
    return problems
