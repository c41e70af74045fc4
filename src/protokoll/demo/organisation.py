"""Exempelstad's organisation: bodies, their members and ersättare, presidium.

Seats are shared between the parties by d'Hondt over invented vote shares, the same way
proportional elections to a nämnd work (KL 6:16; DOMAIN 1.8), so every body has a realistic mix.
A majority (S, C, V, MP) holds the chair and the 1:e vice ordförande; the largest opposition
party has the 2:e vice ordförande.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from protokoll.demo.names import FIRST_NAMES, LAST_NAMES

MUNICIPALITY = "Exempelstad"

# Invented vote shares (per mille) and blocs; d'Hondt turns them into seats.
PARTY_SHARES: tuple[tuple[str, int], ...] = (
    ("S", 300),
    ("M", 190),
    ("SD", 170),
    ("C", 80),
    ("V", 80),
    ("KD", 60),
    ("L", 50),
    ("MP", 50),
)
MAJORITY: tuple[str, ...] = ("S", "C", "V", "MP")


@dataclass(frozen=True)
class BodySpec:
    name: str
    short: str  # what the body calls itself in running text ("nämnden", "fullmäktige")
    kind: str  # BodyKind code
    prefix: str  # diarium prefix
    seats: int
    substitutes: int
    meetings: int
    administration: str
    proposer: str  # whose proposal the body decides on ("förvaltningens förslag")
    secretary_role: str
    start: str
    pool: str  # which title pool the body's items come from


BODY_SPECS: tuple[BodySpec, ...] = (
    BodySpec(
        "Kommunfullmäktige",
        "fullmäktige",
        "fullmaktige",
        "KS",
        41,
        21,
        8,
        "Kommunledningsförvaltningen",
        "kommunstyrelsens förslag",
        "kommunsekreterare",
        "18:00",
        "kf",
    ),
    BodySpec(
        "Kommunstyrelsen",
        "kommunstyrelsen",
        "styrelse",
        "KS",
        13,
        7,
        10,
        "Kommunledningsförvaltningen",
        "arbetsutskottets förslag",
        "kommunsekreterare",
        "09:00",
        "ks",
    ),
    BodySpec(
        "Kommunstyrelsens arbetsutskott",
        "arbetsutskottet",
        "utskott",
        "KS",
        5,
        3,
        10,
        "Kommunledningsförvaltningen",
        "förvaltningens förslag",
        "nämndsekreterare",
        "08:30",
        "ks",
    ),
    BodySpec(
        "Socialnämnden",
        "nämnden",
        "namnd",
        "SN",
        11,
        6,
        10,
        "Socialförvaltningen",
        "förvaltningens förslag",
        "nämndsekreterare",
        "13:00",
        "sn",
    ),
    BodySpec(
        "Barn- och utbildningsnämnden",
        "nämnden",
        "namnd",
        "BUN",
        11,
        6,
        10,
        "Barn- och utbildningsförvaltningen",
        "förvaltningens förslag",
        "nämndsekreterare",
        "13:30",
        "bun",
    ),
    BodySpec(
        "Byggnadsnämnden",
        "nämnden",
        "namnd",
        "BN",
        9,
        5,
        10,
        "Samhällsbyggnadsförvaltningen",
        "förvaltningens förslag",
        "nämndsekreterare",
        "09:00",
        "bn",
    ),
    BodySpec(
        "Kultur- och fritidsnämnden",
        "nämnden",
        "namnd",
        "KFN",
        9,
        5,
        9,
        "Kultur- och fritidsförvaltningen",
        "förvaltningens förslag",
        "nämndsekreterare",
        "17:00",
        "kfn",
    ),
)

OFFICIAL_TITLES: dict[str, tuple[str, ...]] = {
    "kf": ("kommundirektör", "ekonomichef", "kanslichef"),
    "ks": ("kommundirektör", "ekonomichef", "kanslichef", "HR-chef", "utredare", "controller"),
    "sn": ("socialchef", "avdelningschef", "enhetschef", "controller", "utvecklingsledare"),
    "bun": ("förvaltningschef", "skolchef", "verksamhetschef förskola", "controller", "kvalitetsstrateg"),
    "bn": ("samhällsbyggnadschef", "bygglovschef", "planarkitekt", "bygglovshandläggare", "miljöstrateg"),
    "kfn": ("kultur- och fritidschef", "bibliotekschef", "fritidskonsulent", "controller"),
}


@dataclass(frozen=True)
class Politician:
    name: str
    party: str


@dataclass
class Body:
    spec: BodySpec
    members: list[Politician]
    substitutes: list[Politician]  # in inkallelseordning
    roles: dict[str, str]  # name → presidium role
    secretary: str
    officials: list[tuple[str, str]]  # (name, title)
    other: list[tuple[str, str]] = field(default_factory=list)

    @property
    def chair(self) -> Politician:
        return next(m for m in self.members if self.roles.get(m.name) == "ordförande")


class NameSource:
    """Hands out distinct invented names; deterministic for a given rng."""

    def __init__(self, rng: random.Random) -> None:
        pairs = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
        rng.shuffle(pairs)
        self._pairs = pairs
        self._next = 0

    def take(self) -> str:
        first, last = self._pairs[self._next]
        self._next += 1
        return f"{first} {last}"


def dhondt(seats: int, shares: tuple[tuple[str, int], ...] = PARTY_SHARES) -> list[str]:
    """Party of each seat in the order d'Hondt hands them out."""
    won = {party: 0 for party, _ in shares}
    order: list[str] = []
    for _ in range(seats):
        party = max(shares, key=lambda ps: (ps[1] / (won[ps[0]] + 1), ps[1]))[0]
        won[party] += 1
        order.append(party)
    return order


def build_body(spec: BodySpec, names: NameSource, rng: random.Random) -> Body:
    seat_parties = dhondt(spec.seats)
    members = [Politician(names.take(), p) for p in seat_parties]
    # Ersättare: the same proportional split, so each party has its own first ersättare.
    substitutes = [Politician(names.take(), p) for p in dhondt(spec.substitutes)]
    roles: dict[str, str] = {}
    majority = [m for m in members if m.party in MAJORITY]
    opposition = [m for m in members if m.party not in MAJORITY]
    roles[majority[0].name] = "ordförande"
    second = next((m for m in majority[1:] if m.party != majority[0].party), majority[1])
    roles[second.name] = "1:e vice ordförande"
    if opposition:
        roles[opposition[0].name] = "2:e vice ordförande"
    # Members keep the d'Hondt order within their party; the list is shown presidium first.
    members.sort(key=lambda m: (0 if m.name in roles else 1, _role_rank(roles.get(m.name))))
    titles = OFFICIAL_TITLES[spec.pool]
    officials = [(names.take(), t) for t in titles]
    other = [(names.take(), "facklig företrädare")]
    if spec.kind == "fullmaktige":
        other.append((names.take(), "revisor"))
    return Body(spec, members, substitutes, roles, names.take(), officials, other)


def _role_rank(role: str | None) -> int:
    return {"ordförande": 0, "1:e vice ordförande": 1, "2:e vice ordförande": 2}.get(role or "", 3)


def build_municipality(rng: random.Random) -> list[Body]:
    names = NameSource(rng)
    return [build_body(spec, names, rng) for spec in BODY_SPECS]
