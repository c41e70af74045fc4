"""Who sits in which seat for which §§ at one meeting (KL 5:66, 6:16-17; DOMAIN 1.8).

Each seat is held by its member or, when the member is absent or there only for part of the
meeting, by an ersättare: first one from the member's own party in inkallelseordning, then one
from the same bloc. Jäv (KL 6:28-30) removes a member from one § and may call in an ersättare
for that § only. ``Sitting.serving_at(p)`` is the list of people who take part in § p.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from protokoll.demo.organisation import MAJORITY, Body, Politician


@dataclass
class Segment:
    person: Politician
    lo: int
    hi: int
    substitute_for: Politician | None = None


@dataclass
class Sitting:
    body: Body
    first: int
    last: int
    segments: list[Segment] = field(default_factory=list)
    absent_members: list[Politician] = field(default_factory=list)
    idle_substitutes: list[Politician] = field(default_factory=list)  # present, not serving
    absent_substitutes: list[Politician] = field(default_factory=list)
    remote: set[str] = field(default_factory=set)
    conflicts: dict[int, list[Politician]] = field(default_factory=dict)
    officials: list[tuple[str, str, tuple[int, int] | None]] = field(default_factory=list)
    others: list[tuple[str, str, tuple[int, int] | None]] = field(default_factory=list)

    def serving_at(self, paragraph: int) -> list[Politician]:
        out_of_room = {p.name for p in self.conflicts.get(paragraph, [])}
        return [
            s.person for s in self.segments if s.lo <= paragraph <= s.hi and s.person.name not in out_of_room
        ]

    def whole_meeting_members(self) -> list[Politician]:
        return [s.person for s in self.whole_meeting_segments() if s.substitute_for is None]

    def whole_meeting_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.lo == self.first and s.hi == self.last]


def _same_bloc(a: str, b: str) -> bool:
    return (a in MAJORITY) == (b in MAJORITY)


def _pick_substitute(free: list[Politician], party: str, rng: random.Random) -> Politician | None:
    own = [s for s in free if s.party == party]
    if own:
        return own[0]  # inkallelseordning: the party's first free ersättare
    bloc = [s for s in free if _same_bloc(s.party, party)]
    if bloc and rng.random() < 0.7:
        return bloc[0]
    return None


def seat_meeting(body: Body, first: int, last: int, rng: random.Random) -> Sitting:
    sitting = Sitting(body, first, last)
    free = list(body.substitutes)
    chair = body.chair.name
    span = last - first + 1
    for member in body.members:
        roll = rng.random()
        if member.name == chair or roll >= 0.16:
            sitting.segments.append(Segment(member, first, last))
            if member.name != chair and rng.random() < 0.05:  # the chair leads from the room
                sitting.remote.add(member.name)
            continue
        if roll < 0.10 or span < 3:
            sitting.absent_members.append(member)
            sub = _pick_substitute(free, member.party, rng)
            if sub:
                free.remove(sub)
                sitting.segments.append(Segment(sub, first, last, member))
            continue
        # Part of the meeting: arrives late or leaves early; an ersättare covers the rest.
        cut = rng.randint(first + 1, last - 1)
        late = rng.random() < 0.5
        own = (cut, last) if late else (first, cut)
        rest = (first, cut - 1) if late else (cut + 1, last)
        sitting.segments.append(Segment(member, *own))
        sub = _pick_substitute(free, member.party, rng)
        if sub:
            free.remove(sub)
            sitting.segments.append(Segment(sub, *rest, member))
    for sub in free:
        (sitting.idle_substitutes if rng.random() < 0.65 else sitting.absent_substitutes).append(sub)
    sitting.segments.sort(key=lambda s: (s.substitute_for is not None,))
    _officials(sitting, rng)
    return sitting


def _officials(sitting: Sitting, rng: random.Random) -> None:
    body = sitting.body
    sitting.officials.append((body.secretary, body.spec.secretary_role, None))
    chosen = rng.sample(body.officials, k=min(len(body.officials), rng.randint(1, 3)))
    for name, title in sorted(chosen, key=body.officials.index):
        part = None
        if sitting.last - sitting.first >= 3 and rng.random() < 0.4:
            lo = rng.randint(sitting.first + 1, sitting.last - 1)
            part = (lo, rng.randint(lo, sitting.last))
        sitting.officials.append((name, title, part))
    for name, title in body.other:
        if rng.random() < 0.4:
            sitting.others.append((name, title, None))


def declare_conflict(sitting: Sitting, paragraph: int, rng: random.Random) -> Politician | None:
    """A serving member is jävig at § paragraph and leaves; an idle ersättare may step in."""
    chair = sitting.body.chair.name
    candidates = [
        s
        for s in sitting.segments
        if s.substitute_for is None
        and s.lo <= paragraph <= s.hi
        and s.person.name != chair
        and not sitting.conflicts.get(paragraph)
    ]
    if not candidates:
        return None
    seg = rng.choice(candidates)
    sitting.conflicts.setdefault(paragraph, []).append(seg.person)
    stand_in = next((s for s in sitting.idle_substitutes if s.party == seg.person.party), None)
    if stand_in:
        sitting.idle_substitutes.remove(stand_in)
        sitting.segments.append(Segment(stand_in, paragraph, paragraph, seg.person))
    return seg.person
