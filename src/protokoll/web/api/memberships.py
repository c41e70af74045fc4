"""Memberships: the stored roster where there is one, otherwise the seats the published
attendance lists show (a ledamot or ersättare from the first to the last meeting seen)."""

from __future__ import annotations

import re

from django.db.models import QuerySet

from protokoll.archive import models as m
from protokoll.web.api import queries, shapes
from protokoll.web.api.links import Links

# At most 18 digits: any such number fits the 64-bit keys of both databases.
_SEAT_KEY = re.compile(r"^a(\d{1,18})-(\d{1,18})-(member|substitute)$")
_ROSTER_KEY = re.compile(r"^r(\d{1,18})$")


class Chain:
    """Two querysets paged as one list (roster rows, then seats)."""

    def __init__(self, first: QuerySet, second: QuerySet) -> None:
        self.first, self.second = first, second
        self._first_count: int | None = None

    def count(self) -> int:
        self._first_count = self.first.count()
        return self._first_count + self.second.count()

    def __getitem__(self, window: slice) -> list:
        n = self._first_count if self._first_count is not None else self.first.count()
        start, stop = window.start or 0, window.stop
        out = list(self.first[start:stop]) if start < n else []
        rest_start, rest_stop = max(0, start - n), max(0, stop - n)
        if rest_stop > rest_start:
            out += list(self.second[rest_start:rest_stop])
        return out


def filtered(*, body=None, person=None, party=None, municipality=None) -> Chain:
    roster, seats = queries.roster(), queries.seats_from_attendance()
    if body is not None:
        roster, seats = roster.filter(body=body), seats.filter(meeting__body=body)
    if person is not None:
        roster, seats = roster.filter(person=person), seats.filter(person=person)
    if municipality is not None:
        roster = roster.filter(body__municipality=municipality)
        seats = seats.filter(meeting__body__municipality=municipality)
    if party is not None:
        roster = roster.filter(party=party)
        seats = seats.filter(party=party)
    return Chain(roster, seats)


def serialize(rows: list, links: Links) -> list[dict]:
    seats = [r for r in rows if isinstance(r, dict)]
    details = _latest(seats)
    out = []
    for row in rows:
        if isinstance(row, dict):
            party, role = details.get(shapes.seat_key(row), (None, None))
            out.append(shapes.membership_from_seat(row, links, party, role))
        else:
            out.append(shapes.membership_from_roster(row, links))
    return out


def _latest(seats: list[dict]) -> dict[str, tuple[str | None, str | None]]:
    """Party and role from the latest published attendance line of each seat."""
    if not seats:
        return {}
    lines = (
        m.AttendanceEntry.objects.filter(
            meeting__published=True,
            person__in={s["person"] for s in seats},
            meeting__body__in={s["meeting__body"] for s in seats},
            group__in=queries.SEAT_GROUPS,
        )
        .order_by("-meeting__date", "position")
        .values_list("person", "meeting__body", "group", "party", "role")
    )
    found: dict[str, tuple[str | None, str | None]] = {}
    for person, body, group, party, role in lines:
        key = shapes.seat_key({"person": person, "meeting__body": body, "group": group})
        found.setdefault(key, (party, role))
    return found


def get(key: str, links: Links) -> dict:
    """One membership by its key; ``Membership.DoesNotExist`` when not public."""
    if match := _ROSTER_KEY.match(key):
        return shapes.membership_from_roster(queries.roster().get(pk=int(match[1])), links)
    if match := _SEAT_KEY.match(key):
        body, person, group = int(match[1]), int(match[2]), match[3]
        seat = queries.seats_from_attendance().filter(meeting__body=body, person=person, group=group).first()
        if seat is not None:
            return serialize([seat], links)[0]
    raise m.Membership.DoesNotExist(key)
