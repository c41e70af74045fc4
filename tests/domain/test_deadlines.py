"""Justering, anslag, appeal deadline and laga kraft (KL 5:69, 8:12, 13:5; DOMAIN 1.2–1.4)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protokoll.domain.calendar import is_non_working_day
from protokoll.domain.deadlines import (
    appeal_deadline,
    check_justering,
    check_notice,
    check_removal,
    earliest_removal_date,
    justering_deadline,
    laga_kraft_date,
    latest_anslag_date,
    notice_dates,
)

D = dt.date.fromisoformat


def codes(problems):
    return [p.code for p in problems]


# --- justering (KL 5:69 via 6:35: at the latest 14 days after the meeting) ------------------


def test_justering_on_the_fourteenth_day_is_in_time():
    assert justering_deadline(D("2026-03-05")) == D("2026-03-19")
    assert check_justering(D("2026-03-05"), D("2026-03-19")) == []


def test_justering_after_fourteen_days_is_warned_not_refused():
    [problem] = check_justering(D("2026-03-05"), D("2026-03-20"))
    assert problem.code == "justering_late"
    assert problem.severity == "warning"
    assert problem.rule == "KL 5:69 via 6:35"
    assert "1 day" in problem.message


def test_justering_deadline_on_ascension_day_moves_to_the_friday():
    assert justering_deadline(D("2026-04-30")) == D("2026-05-15")
    assert check_justering(D("2026-04-30"), D("2026-05-15")) == []


def test_justering_before_the_meeting_is_refused():
    assert codes(check_justering(D("2026-03-05"), D("2026-03-04"))) == ["justering_before_meeting"]


# --- anslag (KL 8:12: at the latest the second day after justering) ------------------------


def test_notice_on_the_second_day_is_in_time_and_on_the_third_is_warned():
    justerat = D("2026-03-10")  # a Tuesday
    assert latest_anslag_date(justerat) == D("2026-03-12")
    assert check_notice(justerat, D("2026-03-12")) == []
    [late] = check_notice(justerat, D("2026-03-13"))
    assert (late.code, late.severity, late.rule) == ("notice_late", "warning", "KL 8:12")


def test_second_day_on_a_saturday_moves_to_monday():
    justerat = D("2026-03-12")  # a Thursday: the second day is Saturday
    assert latest_anslag_date(justerat) == D("2026-03-16")
    assert check_notice(justerat, D("2026-03-16")) == []
    assert codes(check_notice(justerat, D("2026-03-17"))) == ["notice_late"]


def test_notice_before_justering_is_refused():
    assert codes(check_notice(D("2026-03-10"), D("2026-03-09"))) == ["notice_before_justering"]


# --- appeal deadline (KL 13:5: three weeks from the day of posting; lag 1930:173) ----------


@pytest.mark.parametrize(
    ("posted", "deadline"),
    [
        ("2011-11-09", "2011-11-30"),  # Malmö AMN (DOMAIN 1.3): same weekday three weeks later
        ("2014-03-12", "2014-04-02"),  # Ljusdal: notice up to 2014-04-03, the day after
        ("2018-04-03", "2018-04-24"),  # Kramfors: "Sista datum för överklagande 2018-04-24"
        ("2026-05-29", "2026-06-22"),  # over midsommar: +21 is midsommarafton → Monday
        ("2026-05-30", "2026-06-22"),  # +21 is midsommardagen
        ("2026-12-03", "2026-12-28"),  # over christmas: julafton, juldagen, annandag, Sunday
        ("2026-12-10", "2027-01-04"),  # over new year: nyårsafton, nyårsdagen, weekend
        ("2026-03-13", "2026-04-07"),  # over Easter: långfredagen → annandag påsk → Tuesday
        ("2026-04-23", "2026-05-15"),  # +21 is Kristi himmelsfärdsdag
        ("2026-10-10", "2026-11-02"),  # +21 is Alla helgons dag (Saturday)
        ("2025-05-16", "2025-06-09"),  # +21 is the national day on a Friday
    ],
)
def test_appeal_deadline(posted, deadline):
    assert appeal_deadline(D(posted)) == D(deadline)


@given(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2099, 12, 1)))
def test_appeal_deadline_properties(posted):
    deadline = appeal_deadline(posted)
    three_weeks = posted + dt.timedelta(days=21)
    assert deadline >= three_weeks
    assert not is_non_working_day(deadline)
    assert (deadline - three_weeks).days <= 5
    if not is_non_working_day(three_weeks):
        assert deadline == three_weeks


# --- removal and laga kraft (KL 8:12, 13:5 2 st.) --------------------------------------------


def test_removal_before_the_deadline_has_passed_is_refused():
    posted = D("2026-05-29")  # deadline Monday 2026-06-22 (midsommar)
    assert earliest_removal_date(posted) == D("2026-06-23")
    for removed in ("2026-06-19", "2026-06-22"):
        [problem] = check_removal(posted, D(removed))
        assert problem.code == "notice_removed_early"
        assert problem.refuses
        assert "2026-06-23" in problem.message
    assert check_removal(posted, D("2026-06-23")) == []


def test_laga_kraft_is_the_day_after_the_deadline_when_the_notice_stayed_up():
    posted = D("2026-12-03")
    assert laga_kraft_date(posted) == D("2026-12-29")
    assert laga_kraft_date(posted, removed=D("2026-12-29")) == D("2026-12-29")
    assert laga_kraft_date(posted, removed=D("2027-02-01")) == D("2026-12-29")


def test_no_laga_kraft_when_the_notice_came_down_early():
    assert laga_kraft_date(D("2026-12-03"), removed=D("2026-12-24")) is None
    assert codes(check_notice(D("2026-12-02"), D("2026-12-03"), removed=D("2026-12-24"))) == [
        "notice_removed_early"
    ]


def test_stated_appeal_deadline_that_disagrees_is_warned():
    problems = check_notice(D("2026-05-27"), D("2026-05-29"), stated_appeal_deadline=D("2026-06-19"))
    assert codes(problems) == ["appeal_deadline_differs"]
    assert check_notice(D("2026-05-27"), D("2026-05-29"), stated_appeal_deadline=D("2026-06-22")) == []


def test_notice_dates_collects_the_derived_dates():
    dates = notice_dates(D("2026-12-01"), D("2026-12-03"))
    assert dates.latest_posting == D("2026-12-03")
    assert dates.appeal_deadline == D("2026-12-28")
    assert dates.earliest_removal == D("2026-12-29")
    assert dates.laga_kraft == D("2026-12-29")


@given(
    posted=st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2099, 11, 1)),
    days_up=st.integers(0, 60),
)
def test_removal_is_lawful_exactly_when_laga_kraft_exists(posted, days_up):
    removed = posted + dt.timedelta(days=days_up)
    lawful = check_removal(posted, removed) == []
    assert lawful == (removed > appeal_deadline(posted))
    assert (laga_kraft_date(posted, removed) is not None) == lawful
