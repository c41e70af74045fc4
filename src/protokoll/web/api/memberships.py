"""Memberships: the seat spans of ``protokoll.insights.seats`` (the stored roster where it
speaks, the published attendance lists for the rest), ledamot and ersättare alike, for persons
the public may see."""

from __future__ import annotations

import re

from django.db.models import QuerySet

from protokoll.archive import models as m
from protokoll.insights import seats
from protokoll.web.api import queries, shapes
from protokoll.web.api.links import Links

# At most 18 digits: any such number fits the 64-bit keys of both databases.
_SEAT_KEY = re.compile(r"^a(\d{1,18})-(\d{1,18})-(member|substitute)$")
_ROSTER_KEY = re.compile(r"^r(\d{1,18})$")


class Chain:
    """Roster rows (a queryset, paged in the database) and seats from the lists (a list) paged
    as one list."""

    def __init__(self, first: QuerySet, second: list) -> None:
        self.first, self.second = first, second
        self._first_count: int | None = None

    def count(self) -> int:
        self._first_count = self.first.count()
        return self._first_count + len(self.second)

    def __getitem__(self, window: slice) -> list:
        n = self._first_count if self._first_count is not None else self.first.count()
        start, stop = window.start or 0, window.stop
        out = list(self.first[start:stop]) if start < n else []
        rest_start, rest_stop = max(0, start - n), max(0, stop - n)
        if rest_stop > rest_start:
            out += list(self.second[rest_start:rest_stop])
        return out

    def __iter__(self):
        yield from self.first
        yield from self.second


def _roster(narrow: seats.Narrow = seats.EVERY) -> QuerySet[m.Membership]:
    return (
        seats.roster(narrow)
        .filter(person__in=queries.persons().values("pk"))
        .order_by("body_id", "group", "substitute_order", "person__name", "pk")
    )


def filtered(*, body=None, persons=None, party=None, municipality=None) -> Chain:
    narrow = seats.Narrow(body=body, persons=persons, municipality=municipality, party=party)
    return Chain(_roster(narrow), seats.listed(narrow))


def serialize(rows: list, links: Links) -> list[dict]:
    return [
        shapes.membership(row if isinstance(row, seats.SeatSpan) else seats.span(row), links) for row in rows
    ]


def get(key: str, links: Links) -> dict:
    """One membership by its key; ``Membership.DoesNotExist`` when not public."""
    if match := _ROSTER_KEY.match(key):
        return shapes.membership(seats.span(_roster().get(pk=int(match[1]))), links)
    if match := _SEAT_KEY.match(key):
        body, person, group = int(match[1]), int(match[2]), match[3]
        for seat in seats.listed(seats.Narrow(body=body, persons=person, groups=(group,))):
            return shapes.membership(seat, links)
    raise m.Membership.DoesNotExist(key)
