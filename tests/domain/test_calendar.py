"""The Swedish legal calendar (lag 1930:173 2 §; DOMAIN 1.3, checklist 22).

Dates are checked against a printed almanac by hand, not computed by the code under test.
"""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protokoll.domain.calendar import (
    is_non_working_day,
    midsummer_eve,
    next_working_day,
    non_working_reason,
)

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2026-06-19", "Midsommarafton"),  # a Friday, not an allmän helgdag in 1989:253
        ("2026-06-20", "Midsommardagen"),
        ("2026-12-24", "Julafton"),
        ("2026-12-25", "Juldagen"),
        ("2026-12-26", "Annandag jul"),
        ("2026-12-31", "Nyårsafton"),
        ("2027-01-01", "Nyårsdagen"),
        ("2026-01-06", "Trettondedag jul"),
        ("2026-04-03", "Långfredagen"),
        ("2026-04-06", "Annandag påsk"),
        ("2026-05-01", "Första maj"),
        ("2026-05-14", "Kristi himmelsfärdsdag"),
        ("2025-06-06", "Nationaldagen"),  # national day on a Friday
        ("2026-10-31", "Alla helgons dag"),
        ("2025-11-01", "Alla helgons dag"),
        ("2004-05-31", "Annandag pingst"),  # a holiday until 2004
    ],
)
def test_named_non_working_days(day, why):
    assert is_non_working_day(D(day))
    reason = non_working_reason(D(day))
    # The eves are named here; other names come from the library and may be worded differently.
    if why.endswith("afton"):
        assert reason == why
    else:
        assert reason not in (None, "lördag", "söndag") or D(day).weekday() >= 5


@pytest.mark.parametrize(
    "day",
    [
        "2026-04-02",  # skärtorsdag: a bank half-day, a vardag in law
        "2026-04-30",  # valborgsmässoafton
        "2026-10-30",  # the Friday before Alla helgons dag
        "2026-12-23",
        "2026-05-25",  # annandag pingst is no longer a holiday (since 2005)
        "2026-05-15",  # the "squeeze day" after Kristi himmelsfärd
        "2026-06-22",
        "2025-06-05",
    ],
)
def test_working_days_that_look_special(day):
    assert not is_non_working_day(D(day)), non_working_reason(D(day))


def test_weekends_are_non_working_without_relying_on_the_library():
    assert non_working_reason(D("2026-11-21")) == "lördag"
    assert non_working_reason(D("2026-11-22")) == "söndag"
    assert not is_non_working_day(D("2026-11-23"))


def test_national_day_on_a_weekend_is_not_moved_to_a_weekday():
    # Sweden has no "observed" substitute days: 6 June 2026 is a Saturday, Monday 8 June works.
    assert non_working_reason(D("2026-06-06")) is not None
    assert not is_non_working_day(D("2026-06-08"))


@pytest.mark.parametrize(
    ("year", "eve"), [(2026, "2026-06-19"), (2025, "2025-06-20"), (2021, "2021-06-25"), (2029, "2029-06-22")]
)
def test_midsummer_eve_is_the_friday_between_19_and_25_june(year, eve):
    assert midsummer_eve(year) == D(eve)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-12-24", "2026-12-28"),  # julafton Thursday → Monday after annandag and the weekend
        ("2026-12-31", "2027-01-04"),
        ("2026-04-03", "2026-04-07"),  # Easter: Friday to Monday
        ("2026-06-19", "2026-06-22"),
        ("2026-05-14", "2026-05-15"),
        ("2026-03-18", "2026-03-18"),  # an ordinary Wednesday stays
    ],
)
def test_next_working_day(day, expected):
    assert next_working_day(D(day)) == D(expected)


@given(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_next_working_day_skips_only_non_working_days(day):
    moved = next_working_day(day)
    assert not is_non_working_day(moved)
    # The longest run of non-working days is julafton on a Wednesday through the Sunday after.
    assert 0 <= (moved - day).days <= 5
    assert all(is_non_working_day(day + dt.timedelta(n)) for n in range((moved - day).days))
