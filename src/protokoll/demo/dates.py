"""Dates for the demo: meeting days, justering and anslag.

The legal date rules are the domain's (``protokoll.domain``); this small local helper follows
DOMAIN 1.2-1.4 so the demo data is lawful: justering at the latest 14 days after the meeting
(KL 5:69), anslag at the latest the second day after justering (KL 8:12), appeal deadline three
weeks from the anslag (KL 13:5), moved to the next weekday when it falls on a Saturday, Sunday or
public holiday (lag 1930:173, DOMAIN 1.3 [unverified]; the
evenings before midsommar, jul and nyår count as holidays there); the notice is taken down the day after.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _swedish_holidays(year: int) -> frozenset[dt.date]:
    # Sundays count as "helgdagar" in Swedish law; the library lists them too. Lag (1930:173)
    # 2 § treats midsommarafton, julafton and nyårsafton like holidays, which the library omits.
    days = set(holidays.country_holidays("SE", years=year).keys())
    midsummer_eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4)
    days.update({midsummer_eve, dt.date(year, 12, 24), dt.date(year, 12, 31)})
    return frozenset(days)


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _swedish_holidays(day.year)


def next_workday(day: dt.date) -> dt.date:
    while not is_workday(day):
        day += dt.timedelta(days=1)
    return day


def appeal_deadline(posted: dt.date) -> dt.date:
    """Three weeks from the anslag, moved past weekends and holidays (KL 13:5; DOMAIN 1.4)."""
    return next_workday(posted + dt.timedelta(weeks=3))


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
    justering = next_workday(meeting + dt.timedelta(days=rng.choice((1, 2, 3, 5, 6, 7))))
    if (justering - meeting).days > 14:  # holidays can push it; the deadline still holds
        justering = meeting + dt.timedelta(days=14)
    posted = justering + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
    deadline = appeal_deadline(posted)
    return justering, posted, deadline, deadline + dt.timedelta(days=1)
