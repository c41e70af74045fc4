"""Statistics a chart can be drawn from: per person, per party and per body.

Everything is read from what the public may see (``protokoll.web.public``): published meetings,
and for votes, reservations and yrkanden only §§ that are not withheld (DOMAIN 1.10).

- Attendance (KL 5:66; DOMAIN 1.8): of the meetings of each body a person belongs to, how many
  they were present at and how many they served at. Membership is taken from ``Membership``
  rows when the archive has them, otherwise from the attendance lists: the meetings of the body
  from the first to the last one where the person is listed as ledamot or ersättare.
- Omröstningar (KL 5:55-56): the winning side is the side with more votes; on a tie decided by
  the chair's utslagsröst, the chair's side. A ballot is "against the majority" when it is ja or
  nej for the losing side.
- Reservations (KL 4:27) and yrkanden, counted per § and author.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from protokoll.domain.vocab import AttendanceGroup, AttendanceStatus, Outcome, VoteChoice

DECIDED = (Outcome.DECISION.value, Outcome.REFERRAL.value, Outcome.TABLED.value)
SIDES = (VoteChoice.YES.value, VoteChoice.NO.value)


@dataclass(frozen=True)
class ItemLink:
    item_id: int
    meeting_id: int
    date: dt.date
    body_name: str
    paragraph: int | None
    title: str | None


@dataclass(frozen=True)
class BallotRecord:
    item: ItemLink
    vote_id: int
    choice: str
    winning_side: str | None
    against_majority: bool


@dataclass(frozen=True)
class MotionRecord:
    item: ItemLink
    kind: str
    text: str
    withdrawn: bool


@dataclass(frozen=True)
class BodyAttendance:
    body_id: int
    body_name: str
    meetings: int
    present: int
    serving: int

    @property
    def rate(self) -> float | None:
        return self.present / self.meetings if self.meetings else None


@dataclass
class PersonStats:
    person_id: int
    name: str
    parties: list[str]
    bodies: list[BodyAttendance]
    ballots: list[BallotRecord]
    reservations: list[ItemLink]
    motions: list[MotionRecord]

    @property
    def meetings(self) -> int:
        return sum(b.meetings for b in self.bodies)

    @property
    def present(self) -> int:
        return sum(b.present for b in self.bodies)

    @property
    def attendance_rate(self) -> float | None:
        return self.present / self.meetings if self.meetings else None

    @property
    def ballot_counts(self) -> dict[str, int]:
        counts = Counter(b.choice for b in self.ballots)
        return {c.value: counts.get(c.value, 0) for c in VoteChoice}

    @property
    def against_majority(self) -> int:
        return sum(1 for b in self.ballots if b.against_majority)


@dataclass
class PartyDissent:
    """How one party stood in a body's omröstningar and decisions."""

    party: str
    votes: int = 0  # omröstningar where a member of the party cast ja or nej
    votes_against_majority: int = 0  # … where most of its ja/nej ballots were for the losing side
    ballots: int = 0
    ballots_against_majority: int = 0
    decided_items: int = 0  # decided §§ at meetings where the party had a member serving
    reservations: int = 0  # §§ where a member of the party reserved themselves

    @property
    def against_rate(self) -> float | None:
        return self.votes_against_majority / self.votes if self.votes else None

    @property
    def reservation_rate(self) -> float | None:
        return self.reservations / self.decided_items if self.decided_items else None


@dataclass
class BodyDissent:
    body_id: int
    body_name: str
    votes: int
    parties: list[PartyDissent] = field(default_factory=list)


@dataclass
class PartyStats:
    party: str
    persons: int
    ballots: dict[str, int]
    ballots_against_majority: int
    reservations: int
    motions: int
    meetings: int
    present: int

    @property
    def attendance_rate(self) -> float | None:
        return self.present / self.meetings if self.meetings else None


# -- omröstningar --------------------------------------------------------------------------------


def winning_side(yes: int, no: int, casting_vote: bool, chair_choice: str | None) -> str | None:
    """ "yes", "no", or None when it cannot be told (a tie without a recorded chair's ballot)."""
    if yes > no:
        return VoteChoice.YES.value
    if no > yes:
        return VoteChoice.NO.value
    if casting_vote and chair_choice in SIDES:
        return chair_choice
    return None


def _votes(vote_filter: dict) -> dict[int, dict]:
    """Public omröstningar with their ballots and the winning side, keyed by vote id."""
    from protokoll.archive.models import Ballot, Vote
    from protokoll.web.public import open_items

    items = open_items().order_by()
    votes = {
        v[0]: {
            "item": v[1],
            "yes": v[2],
            "no": v[3],
            "casting": v[4],
            "chair": v[5],
            "ballots": [],
        }
        for v in Vote.objects.filter(item__in=items, **vote_filter)
        .order_by()
        .values_list("pk", "item_id", "yes", "no", "casting_vote", "item__meeting__chair_id")
    }
    for vote_id, person_id, name, party, choice in (
        Ballot.objects.filter(vote_id__in=list(votes))
        .order_by()
        .values_list("vote_id", "person_id", "name", "party", "choice")
    ):
        votes[vote_id]["ballots"].append((person_id, name, party, choice))
    for v in votes.values():
        yes, no = v["yes"], v["no"]
        if yes == 0 and no == 0 and v["ballots"]:  # counts not written, ballots are
            yes = sum(1 for b in v["ballots"] if b[3] == VoteChoice.YES.value)
            no = sum(1 for b in v["ballots"] if b[3] == VoteChoice.NO.value)
        chair = next((b[3] for b in v["ballots"] if v["chair"] and b[0] == v["chair"]), None)
        v["winner"] = winning_side(yes, no, v["casting"], chair)
    return votes


def _links(item_ids) -> dict[int, ItemLink]:
    from protokoll.web.public import open_items

    return {
        r[0]: ItemLink(*r)
        for r in open_items()
        .filter(pk__in=list(item_ids))
        .order_by()
        .values_list("pk", "meeting_id", "meeting__date", "meeting__body__name", "paragraph", "title")
    }


# -- attendance ----------------------------------------------------------------------------------


def _attendance(person) -> list[BodyAttendance]:
    from protokoll.archive.models import AttendanceEntry, Membership
    from protokoll.web.public import public_meetings

    meetings = public_meetings().order_by()
    seats = list(Membership.objects.filter(person=person).values_list("body_id", "start", "end"))
    entries = list(
        AttendanceEntry.objects.filter(person=person, meeting__in=meetings)
        .order_by()
        .values_list("meeting_id", "meeting__body_id", "meeting__date", "group", "status", "serving")
    )
    if not seats:
        listed = [
            e for e in entries if e[3] in (AttendanceGroup.MEMBER.value, AttendanceGroup.SUBSTITUTE.value)
        ]
        spans: dict[int, list[dt.date]] = {}
        for _, body_id, date, *_ in listed:
            spans.setdefault(body_id, []).append(date)
        seats = [(b, min(d), max(d)) for b, d in spans.items()]
    out = []
    for body_id, start, end in seats:
        rows = meetings.filter(body_id=body_id)
        if start:
            rows = rows.filter(date__gte=start)
        if end:
            rows = rows.filter(date__lte=end)
        ids = set(rows.values_list("pk", flat=True))
        mine = [e for e in entries if e[0] in ids]
        present = {e[0] for e in mine if e[4] == AttendanceStatus.PRESENT.value}
        serving = {e[0] for e in mine if e[5]}
        name = rows.values_list("body__name", flat=True).first() or ""
        out.append(BodyAttendance(body_id, name, len(ids), len(present), len(serving)))
    return sorted(out, key=lambda b: b.body_name)


# -- public functions ----------------------------------------------------------------------------


def person_stats(person) -> PersonStats:
    """Attendance, ballots (with how the vote went), reservations and yrkanden of one person."""
    from protokoll.archive.models import AttendanceEntry, MotionAuthor, ReservationAuthor
    from protokoll.web.public import open_items, public_meetings

    items = open_items().order_by()
    votes = _votes({"ballots__person": person})
    mine = [(vid, b) for vid, v in votes.items() for b in v["ballots"] if b[0] == person.pk]
    reserved = list(
        ReservationAuthor.objects.filter(person=person, reservation__item__in=items)
        .order_by("reservation__item__meeting__date", "reservation__item__position")
        .values_list("reservation__item_id", flat=True)
        .distinct()
    )
    motions = list(
        MotionAuthor.objects.filter(person=person, motion__item__in=items)
        .order_by("motion__item__meeting__date", "motion__item__position", "motion__position")
        .values_list("motion__item_id", "motion__kind", "motion__text", "motion__withdrawn")
    )
    links = _links({votes[vid]["item"] for vid, _ in mine} | set(reserved) | {m[0] for m in motions})
    ballots = []
    for vid, (_, _, _, choice) in mine:
        winner = votes[vid]["winner"]
        against = winner is not None and choice in SIDES and choice != winner
        ballots.append(BallotRecord(links[votes[vid]["item"]], vid, choice, winner, against))
    ballots.sort(key=lambda b: (b.item.date, b.item.paragraph or 0, b.vote_id))
    parties = Counter(
        AttendanceEntry.objects.filter(person=person, meeting__in=public_meetings().order_by())
        .exclude(party=None)
        .values_list("party", flat=True)
    )
    return PersonStats(
        person_id=person.pk,
        name=person.name,
        parties=[p for p, _ in parties.most_common()],
        bodies=_attendance(person),
        ballots=ballots,
        reservations=[links[i] for i in reserved if i in links],
        motions=[MotionRecord(links[m[0]], m[1], m[2], m[3]) for m in motions if m[0] in links],
    )


def body_dissent(body) -> BodyDissent:
    """For each party: how often it voted against the majority in the body's omröstningar, and
    how often its members reserved themselves against the body's decisions."""
    from protokoll.archive.models import AttendanceEntry, ReservationAuthor
    from protokoll.web.public import open_items, public_meetings

    votes = _votes({"item__meeting__body": body})
    parties: dict[str, PartyDissent] = {}

    def party(code: str) -> PartyDissent:
        return parties.setdefault(code, PartyDissent(code))

    for v in votes.values():
        sides: dict[str, Counter] = defaultdict(Counter)
        for _, _, code, choice in v["ballots"]:
            if code and choice in SIDES:
                sides[code][choice] += 1
        for code, counts in sides.items():
            p = party(code)
            p.votes += 1
            p.ballots += sum(counts.values())
            if v["winner"] is None:
                continue
            losing = SIDES[1] if v["winner"] == SIDES[0] else SIDES[0]
            p.ballots_against_majority += counts[losing]
            if counts[losing] > counts[v["winner"]]:
                p.votes_against_majority += 1
    items = open_items().filter(meeting__body=body).order_by()
    decided = Counter(items.filter(outcome__in=DECIDED).values_list("meeting_id", flat=True))
    serving = set(
        AttendanceEntry.objects.filter(meeting__in=public_meetings().filter(body=body), serving=True)
        .exclude(party=None)
        .values_list("meeting_id", "party")
    )
    for meeting_id, code in serving:
        party(code).decided_items += decided.get(meeting_id, 0)
    for code, _item in set(
        ReservationAuthor.objects.filter(reservation__item__in=items)
        .exclude(party=None)
        .values_list("party", "reservation__item_id")
    ):
        party(code).reservations += 1
    return BodyDissent(body.pk, body.name, len(votes), sorted(parties.values(), key=lambda p: p.party))


def party_stats(municipality, body=None) -> list[PartyStats]:
    """Per party of a municipality (or of one body): members seen, ballots, reservations,
    yrkanden and attendance at meetings."""
    from protokoll.archive.models import AttendanceEntry, MotionAuthor, ReservationAuthor
    from protokoll.web.public import open_items, public_meetings

    meetings = public_meetings().filter(body__municipality=municipality).order_by()
    if body is not None:
        meetings = meetings.filter(body=body)
    items = open_items().filter(meeting__in=meetings).order_by()
    entries = AttendanceEntry.objects.filter(
        meeting__in=meetings, group__in=(AttendanceGroup.MEMBER.value, AttendanceGroup.SUBSTITUTE.value)
    ).exclude(party=None)
    persons: dict[str, set] = defaultdict(set)
    listed: Counter = Counter()
    present: Counter = Counter()
    for code, person_id, name, status in entries.values_list("party", "person_id", "name", "status"):
        persons[code].add(person_id or name)
        listed[code] += 1
        present[code] += status == AttendanceStatus.PRESENT.value
    vote_filter = {"item__meeting__in": meetings}
    votes = _votes(vote_filter)
    ballots: dict[str, Counter] = defaultdict(Counter)
    against: Counter = Counter()
    for v in votes.values():
        for _, _, code, choice in v["ballots"]:
            if not code:
                continue
            ballots[code][choice] += 1
            if v["winner"] and choice in SIDES and choice != v["winner"]:
                against[code] += 1
    reservations = Counter(
        code
        for code, _ in set(
            ReservationAuthor.objects.filter(reservation__item__in=items)
            .exclude(party=None)
            .values_list("party", "reservation__item_id")
        )
    )
    motions = Counter(
        MotionAuthor.objects.filter(motion__item__in=items)
        .exclude(party=None)
        .values_list("party", flat=True)
    )
    codes = sorted(set(persons) | set(ballots) | set(reservations) | set(motions))
    return [
        PartyStats(
            party=code,
            persons=len(persons.get(code, ())),
            ballots={c.value: ballots[code].get(c.value, 0) for c in VoteChoice},
            ballots_against_majority=against[code],
            reservations=reservations[code],
            motions=motions[code],
            meetings=listed[code],
            present=present[code],
        )
        for code in codes
    ]
