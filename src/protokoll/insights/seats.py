"""Who holds a seat in a body, and when: the one definition behind the API's memberships and
the attendance figures (KL 6:16-17; DOMAIN 1.8). Each caller picks the groups it needs.

A seat span is a body, a person, a group (ledamot or ersättare), a party, a role, a start and an
end, and where it was read:

- ``roster``: a stored ``Membership`` row of a body with published meetings, as stored.
- ``attendance`` (read from the lists): the published attendance lists fill in what the roster does not say. For one body,
  person and group, the lines naming the person in that group at meetings that none of the
  person's roster rows (same body, same group) covers make one span, from the first to the last
  such meeting, with the party and role of the latest such line (the latest that names a party,
  for the party).

Why the lists fill in even in a body that has a roster: the protocol's list of beslutande is
the record of who sat (KL 5:66), while a roster is loaded from elsewhere and lags behind; a
ledamot who came in by fyllnadsval, or a term before the roster was loaded, would otherwise lose
the meetings they sat at. Why the roster wins where it speaks: its term is exact, including the
meetings whose protocol leaves the person out, where the lists only see first and last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, F, Max, Min, OuterRef, Q, QuerySet

from protokoll.archive.models import AttendanceEntry, Meeting, Membership
from protokoll.domain.vocab import AttendanceGroup

SEAT_GROUPS = (AttendanceGroup.MEMBER.value, AttendanceGroup.SUBSTITUTE.value)
# A span's source, named as the API publishes it (a membership's ``source``).
ROSTER, LISTS = "roster", "attendance"


@dataclass(frozen=True)
class SeatSpan:
    body_id: int
    person_id: int
    group: str
    party: str | None
    role: str | None
    start: dt.date | None  # None: open (a roster row without a start)
    end: dt.date | None
    source: str
    roster_id: int | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


Persons = int | Iterable[int] | QuerySet | None


@dataclass(frozen=True)
class Narrow:
    """Which seats: of one body, some persons, one municipality, one party, some groups."""

    body: int | None = None
    persons: Persons = None
    municipality: int | None = None
    party: str | None = None
    groups: tuple[str, ...] = SEAT_GROUPS

    def apply(self, rows: QuerySet, body_field: str) -> QuerySet:
        """Narrow by body, persons and municipality (the party needs each source's own way)."""
        rows = rows.filter(group__in=self.groups)
        if self.body is not None:
            rows = rows.filter(**{body_field: self.body})
        if isinstance(self.persons, int):
            rows = rows.filter(person=self.persons)
        elif self.persons is not None:
            persons = self.persons if isinstance(self.persons, QuerySet) else list(self.persons)
            rows = rows.filter(person__in=persons)
        if self.municipality is not None:
            rows = rows.filter(**{f"{body_field}__municipality": self.municipality})
        return rows


EVERY = Narrow()


def roster(narrow: Narrow = EVERY) -> QuerySet[Membership]:
    """Stored roster rows of bodies with published meetings."""
    rows = narrow.apply(
        Membership.objects.filter(body__in=Meeting.objects.filter(published=True).values("body")), "body"
    )
    return rows if narrow.party is None else rows.filter(party=narrow.party)


def _uncovered(lines: QuerySet[AttendanceEntry]) -> QuerySet[AttendanceEntry]:
    """Lines of published meetings that no roster row of the same person, body and group covers."""
    day = OuterRef("meeting__date")
    covering = Membership.objects.filter(
        person=OuterRef("person"), body=OuterRef("meeting__body"), group=OuterRef("group")
    ).filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))
    return lines.filter(meeting__published=True, person__isnull=False).exclude(Exists(covering))


def listed(narrow: Narrow = EVERY) -> list[SeatSpan]:
    """Spans read from the lists, one per body, person and group, in that order. Two queries,
    however many lines: the spans, then the lines at each span's latest dates for its party and
    role (correlated subqueries for those were a hundred times slower on SQLite)."""
    lines = narrow.apply(_uncovered(AttendanceEntry.objects.all()), "meeting__body")
    party = narrow.party
    if party is not None:  # a seat's party is one of its lines' parties
        lines = lines.filter(person__in=AttendanceEntry.objects.filter(party=party).values("person"))
    rows = list(
        lines.values("person", "group", body=F("meeting__body"))
        .annotate(
            first=Min("meeting__date"),
            last=Max("meeting__date"),
            named=Max("meeting__date", filter=Q(party__isnull=False)),
        )
        .order_by("body", "group", "person")
    )
    dates = {r["last"] for r in rows} | {r["named"] for r in rows if r["named"]}
    latest_role: dict[tuple, str | None] = {}
    latest_party: dict[tuple, str] = {}
    for *seat, day, code, role in (
        lines.filter(meeting__date__in=dates)
        .order_by("-meeting__date", "-meeting_id", "position")
        .values_list("person", "meeting__body", "group", "meeting__date", "party", "role")
    ):
        latest_role.setdefault((*seat, day), role)
        if code is not None:
            latest_party.setdefault((*seat, day), code)
    spans = [
        SeatSpan(
            r["body"],
            r["person"],
            r["group"],
            latest_party.get((r["person"], r["body"], r["group"], r["named"])),
            latest_role.get((r["person"], r["body"], r["group"], r["last"])),
            r["first"],
            r["last"],
            LISTS,
        )
        for r in rows
    ]
    return spans if party is None else [s for s in spans if s.party == party]


def span(row: Membership) -> SeatSpan:
    """A roster row as a span."""
    return SeatSpan(
        row.body_id, row.person_id, row.group, row.party, row.role, row.start, row.end, ROSTER, row.pk
    )


def seat_spans(**narrow) -> list[SeatSpan]:
    """Every seat span under the filters (the fields of ``Narrow``): roster rows first, then
    spans from the lists. Three queries."""
    which = Narrow(**narrow)
    return [span(r) for r in roster(which).order_by("body_id", "group", "start", "pk")] + listed(which)
