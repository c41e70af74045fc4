"""What the body, person and party pages need besides the figures themselves, which are
defined once in ``protokoll.insights.stats``: public rows for the lists, and chart bars.

``with_bars`` adds the width of a CSS bar so that the chart and its data table are one element
(the numbers are always written out).
"""

from __future__ import annotations

from django.db.models import QuerySet

from protokoll.archive.models import AttendanceEntry, MotionAuthor, ReservationAuthor
from protokoll.web import public


def open_reservation_authors() -> QuerySet[ReservationAuthor]:
    return ReservationAuthor.objects.filter(reservation__item__in=public.open_items())


def open_motion_authors() -> QuerySet[MotionAuthor]:
    return MotionAuthor.objects.filter(motion__item__in=public.open_items())


def public_attendance() -> QuerySet[AttendanceEntry]:
    return AttendanceEntry.objects.filter(meeting__in=public.public_meetings())


def with_bars(rows: list, value, scale: float | None = None) -> list[tuple]:
    """(row, percent width) pairs; ``scale`` is the value drawn full width (default: the max).
    A value of None (a rate without a denominator) draws no bar."""
    values = [value(r) or 0 for r in rows]
    top = scale if scale is not None else max(values, default=0)
    return [(r, round(100 * v / top) if top else 0) for r, v in zip(rows, values, strict=True)]
