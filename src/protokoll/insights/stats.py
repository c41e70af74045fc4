"""The figures of the person, party and body pages, defined once.

Everything is read from what the public may see (``protokoll.web.public``): published meetings,
and for votes, reservations and yrkanden only §§ that are not withheld (DOMAIN 1.10).

- Attendance (KL 5:66; DOMAIN 1.8): of the meetings a body held while the person was one of its
  ledamöter, how many they were present at. The seats are ``protokoll.insights.seats`` (the
  stored roster where it speaks, the attendance lists for the rest). Meetings inside a seat
  where the person is missing from the lists count as expected and not attended: a protocol
  that leaves out an absent ledamot does not make them "not expected". An ersättare is not
  expected to attend (KL 6:17), so ersättare service is a separate count of meetings served
  inside an ersättare seat. A party's attendance counts the seats held for it.
- Omröstningar (KL 5:55-56; DOMAIN 1.5): the winning side is the side with more votes; on a tie
  the chair's side only when the protocol records an utslagsröst and the chair's ballot; a tie
  settled by lottning, or one without those records, has no known winner. A ja/nej ballot is
  "against the majority" when it is for the losing side; ballots in votes without a known
  winner are left out of both the count and the rate. Where a vote's totals were not written,
  they are counted from its ballots.
- Reservations (KL 4:27) count §§; yrkanden count yrkanden (a joint one once).
- A rate without a denominator is None (shown as "–"), never 0.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from protokoll.domain.vocab import AttendanceGroup, AttendanceStatus, VoteChoice
from protokoll.domain.voting import decide
from protokoll.insights.seats import SEAT_GROUPS, SeatSpan, seat_spans

SIDES = (VoteChoice.YES.value, VoteChoice.NO.value)
MEMBER = AttendanceGroup.MEMBER.value
SUBSTITUTE = AttendanceGroup.SUBSTITUTE.value
NO_PARTY = "–"


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class ItemLink:
    item_id: int
    meeting_id: int
    date: dt.date
    body_name: str
    paragraph: int | None
    title: str | None
    municipality_slug: str
    body_slug: str


@dataclass(frozen=True)
class BallotRecord:
    item: ItemLink
    vote_id: int
    choice: str
    winning_side: str | None
    against_majority: bool


@dataclass(frozen=True)
class Attendance:
    """Meetings held while a ledamot, present at, and meetings served at as ersättare."""

    body_name: str
    meetings: int = 0
    present: int = 0
    substitute_serving: int = 0

    @property
    def rate(self) -> float | None:
        return _rate(self.present, self.meetings)


def total(rows: list[Attendance], name: str = "") -> Attendance:
    return Attendance(
        name,
        sum(r.meetings for r in rows),
        sum(r.present for r in rows),
        sum(r.substitute_serving for r in rows),
    )


@dataclass
class Against:
    """ja/nej ballots in omröstningar with a known winner, and how many were for the loser."""

    cast: int = 0
    against: int = 0

    def add(self, choice: str, winner: str | None) -> None:
        if winner is None or choice not in SIDES:
            return
        self.cast += 1
        self.against += choice != winner

    @property
    def rate(self) -> float | None:
        return _rate(self.against, self.cast)


@dataclass
class PersonStats:
    person_id: int
    name: str
    parties: list[str]
    bodies: list[Attendance]
    ballots: list[BallotRecord]
    reservations: int
    motions: int

    @property
    def attendance(self) -> Attendance:
        return total(self.bodies)

    @property
    def ballot_counts(self) -> dict[str, int]:
        counts = Counter(b.choice for b in self.ballots)
        return {c.value: counts.get(c.value, 0) for c in VoteChoice}

    @property
    def against(self) -> Against:
        out = Against()
        for b in self.ballots:
            out.add(b.choice, b.winning_side)
        return out


@dataclass
class PartyDissent:
    """How one party's members voted and reserved themselves in one body."""

    party: str
    ballots: Against = field(default_factory=Against)
    reservations: int = 0  # §§ where a member of the party reserved themselves


@dataclass
class PartyStats:
    party: str
    members: list[tuple[int, str]]
    attendance: Attendance
    ballot_counts: dict[str, int]
    against: Against
    by_body: list[tuple[str, Against]]
    reservations: int
    motions: int


# -- omröstningar --------------------------------------------------------------------------------


def winning_side(
    yes: int, no: int, casting_vote: bool, lottery: bool, chair_choice: str | None
) -> str | None:
    """ "yes", "no", or None when the records do not tell (KL 5:56 via ``domain.voting.decide``)."""
    return decide(
        yes,
        no,
        chair_vote=chair_choice if casting_vote else None,
        is_election_or_employment=lottery,
    ).result


@dataclass
class _Vote:
    item_id: int
    body_name: str
    ballots: list[tuple[int | None, str | None, str]]  # (person id, party, choice)
    winner: str | None = None


def _votes(**vote_filter) -> dict[int, _Vote]:
    """Public omröstningar with their ballots and winning side, keyed by vote id. Two queries."""
    from protokoll.archive.models import Ballot, Vote
    from protokoll.web.public import open_items

    rows = (
        Vote.objects.filter(item__in=open_items().order_by(), **vote_filter)
        .order_by()
        .distinct()
        .values_list(
            "pk",
            "item_id",
            "item__meeting__body__name",
            "yes",
            "no",
            "casting_vote",
            "lottery",
            "item__meeting__chair_id",
        )
    )
    votes, facts = {}, {}
    for pk, item_id, body_name, *rest in rows:
        votes[pk] = _Vote(item_id, body_name, [])
        facts[pk] = rest
    for vote_id, person_id, party, choice in (
        Ballot.objects.filter(vote_id__in=list(votes))
        .order_by()
        .values_list("vote_id", "person_id", "party", "choice")
    ):
        votes[vote_id].ballots.append((person_id, party, choice))
    for pk, v in votes.items():
        yes, no, casting, lottery, chair_id = facts[pk]
        if yes == 0 and no == 0:  # totals not written; the named ballots are the record
            yes = sum(1 for b in v.ballots if b[2] == VoteChoice.YES.value)
            no = sum(1 for b in v.ballots if b[2] == VoteChoice.NO.value)
        chair = next((b[2] for b in v.ballots if chair_id and b[0] == chair_id), None)
        v.winner = winning_side(yes, no, casting, lottery, chair)
    return votes


def _links(item_ids) -> dict[int, ItemLink]:
    from protokoll.web.public import open_items

    fields = ("pk", "meeting_id", "meeting__date", "meeting__body__name", "paragraph", "title")
    slugs = ("meeting__body__municipality__slug", "meeting__body__slug")
    return {
        r[0]: ItemLink(*r)
        for r in open_items().filter(pk__in=list(item_ids)).order_by().values_list(*fields, *slugs)
    }


# -- attendance ----------------------------------------------------------------------------------


def _attendance(**narrow) -> dict[tuple[int, int], Attendance]:
    """(person, body) → attendance over the person's seat spans there, the spans being those of
    ``insights.seats.seat_spans(**narrow)``. Five queries, any number of persons, bodies and
    meetings."""
    from protokoll.archive.models import AttendanceEntry
    from protokoll.web.public import public_meetings

    ledamot: dict[tuple[int, int], list[SeatSpan]] = defaultdict(list)
    ersattare: dict[tuple[int, int], list[SeatSpan]] = defaultdict(list)
    for s in seat_spans(**narrow):
        (ledamot if s.group == MEMBER else ersattare)[s.person_id, s.body_id].append(s)
    person_ids = {person for person, _ in ledamot.keys() | ersattare.keys()}
    bodies = {body for _, body in ledamot.keys() | ersattare.keys()}
    meetings = public_meetings().order_by()
    held: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
    names: dict[int, str] = {}
    for pk, body_id, date, name in meetings.filter(body_id__in=bodies).values_list(
        "pk", "body_id", "date", "body__name"
    ):
        held[body_id].append((pk, date))
        names[body_id] = name
    present, served = defaultdict(set), defaultdict(set)
    for person_id, meeting_id, body_id, date, group, status, serving in (
        AttendanceEntry.objects.filter(person_id__in=person_ids, meeting__in=meetings, group__in=SEAT_GROUPS)
        .order_by()
        .values_list(
            "person_id", "meeting_id", "meeting__body_id", "meeting__date", "group", "status", "serving"
        )
    ):
        key = (person_id, body_id)
        if group == MEMBER and status == AttendanceStatus.PRESENT:
            present[key].add(meeting_id)
        elif group == SUBSTITUTE and serving and any(s.covers(date) for s in ersattare[key]):
            served[key].add(meeting_id)

    out = {}
    for key in ledamot.keys() | ersattare.keys():
        if key[1] not in names:  # a body without published meetings has nothing to show
            continue
        expected = {pk for pk, date in held[key[1]] if any(s.covers(date) for s in ledamot[key])}
        out[key] = Attendance(names[key[1]], len(expected), len(present[key] & expected), len(served[key]))
    return out


# -- public functions ----------------------------------------------------------------------------


def _distinct_count(rows) -> int:
    return rows.order_by().values("pk").distinct().count()


def person_stats(person) -> PersonStats:
    """Attendance per body, ballots (with how the vote went), reservations and yrkanden of one
    person. A bounded number of queries, however many meetings and votes."""
    from protokoll.archive.models import AttendanceEntry, Motion
    from protokoll.web.public import open_items, public_meetings

    items = open_items().order_by()
    votes = _votes(ballots__person=person)
    mine = [(vid, choice) for vid, v in votes.items() for pid, _, choice in v.ballots if pid == person.pk]
    links = _links({votes[vid].item_id for vid, _ in mine})
    ballots = [
        BallotRecord(
            links[votes[vid].item_id],
            vid,
            choice,
            votes[vid].winner,
            votes[vid].winner is not None and choice in SIDES and choice != votes[vid].winner,
        )
        for vid, choice in mine
    ]
    ballots.sort(key=lambda b: (b.item.date, b.item.paragraph or 0, b.vote_id))
    parties = Counter(
        AttendanceEntry.objects.filter(person=person, meeting__in=public_meetings().order_by())
        .exclude(party=None)
        .values_list("party", flat=True)
    )
    reserved = items.filter(reservations__by__person=person)
    return PersonStats(
        person_id=person.pk,
        name=person.name,
        parties=[p for p, _ in parties.most_common()],
        bodies=sorted(_attendance(persons=person.pk).values(), key=lambda a: a.body_name),
        ballots=ballots,
        reservations=_distinct_count(reserved),
        motions=_distinct_count(Motion.objects.filter(item__in=items, by__person=person)),
    )


def body_dissent(body) -> list[PartyDissent]:
    """Per party: its members' ja/nej ballots against the winning side in the body's
    omröstningar, and the §§ its members reserved themselves against. Sorted by that rate,
    highest first; parties without a rate last."""
    from protokoll.archive.models import ReservationAuthor
    from protokoll.web.public import open_items

    parties: dict[str, PartyDissent] = {}

    def row(code: str | None) -> PartyDissent:
        return parties.setdefault(code or NO_PARTY, PartyDissent(code or NO_PARTY))

    for v in _votes(item__meeting__body=body).values():
        for _, code, choice in v.ballots:
            if choice in SIDES:
                row(code).ballots.add(choice, v.winner)
    for code, _item in set(
        ReservationAuthor.objects.filter(
            reservation__item__in=open_items().filter(meeting__body=body).order_by()
        )
        .order_by()
        .values_list("party", "reservation__item_id")
    ):
        row(code).reservations += 1
    return sorted(parties.values(), key=_by_rate)


def _by_rate(p: PartyDissent) -> tuple:
    rate = p.ballots.rate
    return (rate is None, -(rate or 0), p.party)


def party_stats(municipality, party: str) -> PartyStats:
    """One party in a municipality: attendance over its ledamot seats, its members' ballots
    (overall and per body), reservations (§§) and yrkanden."""
    from protokoll.archive.models import AttendanceEntry, Motion
    from protokoll.web.public import open_items, public_meetings

    in_muni = public_meetings().filter(body__municipality=municipality).order_by()
    items = open_items().filter(meeting__in=in_muni).order_by()
    members = sorted(
        set(
            AttendanceEntry.objects.filter(meeting__in=in_muni, party=party, person__isnull=False)
            .order_by()
            .values_list("person_id", "person__name")
            .distinct()
        ),
        key=lambda r: r[1],
    )
    attendance = total(list(_attendance(municipality=municipality.pk, party=party).values()), party)
    votes = _votes(item__meeting__in=in_muni, ballots__party=party)
    counts: Counter = Counter()
    against, by_body = Against(), defaultdict(Against)
    for v in votes.values():
        for _, code, choice in v.ballots:
            if code == party:
                counts[choice] += 1
                against.add(choice, v.winner)
                by_body[v.body_name].add(choice, v.winner)
    return PartyStats(
        party=party,
        members=members,
        attendance=attendance,
        ballot_counts={c.value: counts.get(c.value, 0) for c in VoteChoice},
        against=against,
        by_body=sorted(by_body.items()),
        reservations=_distinct_count(items.filter(reservations__by__party=party)),
        motions=_distinct_count(Motion.objects.filter(item__in=items, by__party=party)),
    )
