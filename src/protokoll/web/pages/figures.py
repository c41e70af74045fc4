"""Figures for the body, person and party pages, counted from public rows only: ballots and
reservations of §§ the public may read, attendance of published meetings (web/public.py).

Each figure is a list of rows for a table; ``with_bars`` adds the width of a CSS bar so that
the chart and its data table are one element (the numbers are always written out).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import F, QuerySet

from protokoll.archive.models import AttendanceEntry, Ballot, MotionAuthor, ReservationAuthor
from protokoll.domain.vocab import AttendanceGroup, AttendanceStatus, VoteChoice
from protokoll.web import public


def open_ballots() -> QuerySet[Ballot]:
    return Ballot.objects.filter(vote__item__in=public.open_items())


def open_reservation_authors() -> QuerySet[ReservationAuthor]:
    return ReservationAuthor.objects.filter(reservation__item__in=public.open_items())


def open_motion_authors() -> QuerySet[MotionAuthor]:
    return MotionAuthor.objects.filter(motion__item__in=public.open_items())


def public_attendance() -> QuerySet[AttendanceEntry]:
    return AttendanceEntry.objects.filter(meeting__in=public.public_meetings())


def winning_side(yes: int, no: int, chair_choice: str | None) -> str | None:
    """The side that carried the vote: the larger, or on a tie the chair's (utslagsröst,
    KL 5:56; DOMAIN 1.5). None when it cannot be told (a tie without the chair's ballot)."""
    if yes > no:
        return VoteChoice.YES
    if no > yes:
        return VoteChoice.NO
    return chair_choice if chair_choice in (VoteChoice.YES, VoteChoice.NO) else None


@dataclass
class PartyDissent:
    party: str
    cast: int = 0
    against: int = 0
    votes: set = field(default_factory=set)
    votes_against: set = field(default_factory=set)
    reservations: int = 0

    @property
    def rate(self) -> float:
        return self.against / self.cast if self.cast else 0.0


def dissent_by_party(
    ballots: QuerySet[Ballot],
    reservations: QuerySet[ReservationAuthor],
    group: str = "party",
    reservation_group: str = "party",
) -> list:
    """Per party (or per ``group`` field): ja/nej ballots cast, how many went against the
    winning side, in how many omröstningar, and reservations entered. Two queries (three with a tied vote)."""
    rows = list(ballots.values_list("vote_id", "vote__yes", "vote__no", "choice", group))
    ties = {vote_id for vote_id, yes, no, *_ in rows if yes == no}
    chair_choice = (
        dict(
            Ballot.objects.filter(vote_id__in=ties, name=F("vote__item__meeting__chair_name")).values_list(
                "vote_id", "choice"
            )
        )
        if ties
        else {}
    )
    parties: dict[str, PartyDissent] = {}
    for vote_id, yes, no, choice, party in rows:
        if choice not in (VoteChoice.YES, VoteChoice.NO):
            continue
        winner = winning_side(yes, no, chair_choice.get(vote_id))
        if winner is None:
            continue
        row = parties.setdefault(party or "–", PartyDissent(party or "–"))
        row.cast += 1
        row.votes.add(vote_id)
        if choice != winner:
            row.against += 1
            row.votes_against.add(vote_id)
    for party, n in Counter(reservations.values_list(reservation_group, flat=True)).items():
        parties.setdefault(party or "–", PartyDissent(party or "–")).reservations += n
    return sorted(parties.values(), key=lambda r: (-r.rate, r.party))


def with_bars(rows: list, value, scale: float | None = None) -> list[tuple]:
    """(row, percent width) pairs; ``scale`` is the value drawn full width (default: the max)."""
    values = [value(r) for r in rows]
    top = scale if scale is not None else max(values, default=0)
    return [(r, round(100 * v / top) if top else 0) for r, v in zip(rows, values, strict=True)]


@dataclass
class Attendance:
    """Attendance as a ledamot: of the meetings a person was listed for as ledamot, how many
    they attended (KL 5:66 lists who served; DOMAIN 1.8)."""

    listed: int = 0
    present: int = 0
    substitute_serving: int = 0

    @property
    def rate(self) -> float | None:
        return self.present / self.listed if self.listed else None


def attendance_of(entries: QuerySet[AttendanceEntry]) -> Attendance:
    """Counted in meetings, not lines: an ersättare who sat in for two ledamöter has two
    attendance lines in one meeting (one per seat) and served at one meeting."""
    listed: set[int] = set()
    present: set[int] = set()
    serving: set[int] = set()
    for meeting, group, status, on_seat in entries.values_list("meeting_id", "group", "status", "serving"):
        if group == AttendanceGroup.MEMBER:
            listed.add(meeting)
            if status == AttendanceStatus.PRESENT:
                present.add(meeting)
        elif group == AttendanceGroup.SUBSTITUTE and on_seat:
            serving.add(meeting)
    return Attendance(len(listed), len(present), len(serving))


def choices_of(ballots: QuerySet[Ballot]) -> list[tuple[str, int]]:
    counts = Counter(ballots.values_list("choice", flat=True))
    return [(c.value, counts.get(c.value, 0)) for c in VoteChoice]


def against_majority(ballots: QuerySet[Ballot]) -> tuple[int, int]:
    """(ja/nej ballots cast, of which against the winning side) for a person's or party's
    ballots."""
    rows = dissent_by_party(ballots, ReservationAuthor.objects.none())
    return sum(r.cast for r in rows), sum(r.against for r in rows)


def group_by(rows, key) -> dict:
    out: dict = defaultdict(list)
    for r in rows:
        out[key(r)].append(r)
    return out
