"""Dates for the demo: meeting days, justering and anslag, by the domain's rules of law.

Justering at the latest 14 days after the meeting (KL 5:69), anslag at the latest the second day
after justering (KL 8:12), appeal deadline three weeks from the anslag moved to the next vardag
(KL 13:5, lag 1930:173; ``protokoll.domain.deadlines``); the notice comes down the day after.
"""

from __future__ import annotations

import datetime as dt
import random

from protokoll.domain.calendar import is_non_working_day, next_working_day
from protokoll.domain.deadlines import appeal_deadline, justering_deadline, latest_anslag_date


def is_workday(day: dt.date) -> bool:
    return not is_non_working_day(day)


def meeting_dates(rng: random.Random, year: int, count: int, weekday: int) -> list[dt.date]:
    """``count`` meeting days on the body's weekday, spread over the year, none in July."""
    months = [m for m in range(1, 13) if m != 7]
    chosen = sorted(rng.sample(months, min(count, len(months))))
    days: list[dt.date] = []
    for month in chosen:
        day = dt.date(year, month, 1)
        while day.weekday() != weekday:
            day += dt.timedelta(days=1)
        day += dt.timedelta(weeks=rng.randrange(3))
        while not is_workday(day):
            day += dt.timedelta(days=7 if day.weekday() < 5 else 1)
        days.append(day)
    return days


def justering_and_anslag(rng: random.Random, meeting: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """(justering, posted, appeal deadline, removed) for a meeting (KL 5:69, 8:12, 13:5)."""
    justering = next_working_day(meeting + dt.timedelta(days=rng.choice((1, 2, 3, 5, 6, 7))))
    justering = min(justering, justering_deadline(meeting))
    posted = min(justering + dt.timedelta(days=rng.choice((0, 0, 1, 2))), latest_anslag_date(justering))
    deadline = appeal_deadline(posted)
    return justering, posted, deadline, deadline + dt.timedelta(days=1)
