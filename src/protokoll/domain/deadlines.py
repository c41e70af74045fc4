"""Justering, anslag and appeal dates (DOMAIN 1.2–1.4; checklist 17, 21, 22, 27).

Every period here is set by law, so each last day moves to the next vardag under lag (1930:173)
om beräkning av lagstadgad tid, 2 § (see ``calendar``). Dates are whole days: a notice counts as
being on the anslagstavla on every day from ``posted`` up to the day before ``removed``; the day
it is taken down is not a day it was shown, so the period is only covered when it comes down
after the last day of the appeal period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from protokoll.domain.calendar import next_working_day
from protokoll.domain.problems import Problem, error, warning

JUSTERING_DAYS = 14
ANSLAG_DAYS = 2
APPEAL_WEEKS = 3
_DAY = dt.timedelta(days=1)


def justering_deadline(meeting_date: dt.date) -> dt.date:
    """The last day for justering: 14 days after the meeting, moved to the next vardag.

    KL 5:69 via 6:35 ("senast 14 dagar efter sammanträdet"); lag 1930:173 2 §; DOMAIN 1.2.
    """
    return next_working_day(meeting_date + dt.timedelta(days=JUSTERING_DAYS))


def check_justering(meeting_date: dt.date, justering_date: dt.date) -> list[Problem]:
    """Warn when the protocol was justerat after the deadline or before the meeting.

    KL 5:69 via 6:35; DOMAIN 1.2; checklist 17 ("enforce, or at least warn").
    """
    if justering_date < meeting_date:
        return [
            error(
                "justering_before_meeting",
                f"justering {justering_date} is before the meeting {meeting_date}",
                "KL 5:69",
            )
        ]
    deadline = justering_deadline(meeting_date)
    if justering_date > deadline:
        late = (justering_date - deadline).days
        return [
            warning(
                "justering_late",
                f"justering {justering_date} is {late} day(s) after the deadline {deadline} "
                f"(14 days after the meeting {meeting_date})",
                "KL 5:69 via 6:35",
            )
        ]
    return []


def latest_anslag_date(justering_date: dt.date) -> dt.date:
    """The last day to announce the justering: the second day after it, moved to a vardag.

    KL 8:12 ("Senast andra dagen efter det att protokollet har justerats"); lag 1930:173 2 §;
    DOMAIN 1.3, checklist 21.
    """
    return next_working_day(justering_date + dt.timedelta(days=ANSLAG_DAYS))


def appeal_deadline(posted: dt.date) -> dt.date:
    """The last day an appeal may reach the förvaltningsrätt: three weeks from the day of posting.

    KL 13:5 ("inom tre veckor från den dag då det tillkännagavs"); lag 1930:173 2 §;
    Lag 1930:173 1 §: a period in weeks ends on the day with the same weekday name as the day the
    count starts from, so posted on a Wednesday → the Wednesday three weeks later (Malmö
    2011-11-09 → 2011-11-30, DOMAIN 1.3), moved by 2 § when that is not a vardag.
    DOMAIN 1.4, checklist 22.
    """
    return next_working_day(posted + dt.timedelta(weeks=APPEAL_WEEKS))


def earliest_removal_date(posted: dt.date) -> dt.date:
    """The first day the notice may be taken down: the day after the appeal period's last day.

    KL 8:12 ("får inte tas bort från anslagstavlan före överklagandetidens utgång") with 13:5;
    DOMAIN 1.3, checklist 22.
    """
    return appeal_deadline(posted) + _DAY


def check_removal(posted: dt.date, removed: dt.date) -> list[Problem]:
    """Refuse taking the notice down before the appeal period has run out.

    KL 8:12, 13:5 2 st.; DOMAIN 1.3–1.4, checklist 22.
    """
    earliest = earliest_removal_date(posted)
    if removed < earliest:
        return [
            error(
                "notice_removed_early",
                f"the notice posted {posted} may not be removed before {earliest}: the appeal "
                f"period runs until {appeal_deadline(posted)}",
                "KL 8:12",
            )
        ]
    return []


def laga_kraft_date(posted: dt.date, removed: dt.date | None = None) -> dt.date | None:
    """The day a decision gains laga kraft if nobody appealed: the day after the appeal deadline.

    None when the notice came down early: then the period never ran out (KL 13:5 2 st.:
    "Tillkännagivandet … måste finnas på anslagstavlan under hela överklagandetiden för att tiden
    ska löpa ut"). ``removed=None`` means the notice is still up. DOMAIN 1.4, checklist 27.
    """
    if removed is not None and check_removal(posted, removed):
        return None
    return appeal_deadline(posted) + _DAY


@dataclass(frozen=True)
class NoticeDates:
    """The dates derived for one anslag (DOMAIN 1.4 model consequences)."""

    latest_posting: dt.date
    appeal_deadline: dt.date
    earliest_removal: dt.date
    laga_kraft: dt.date | None


def notice_dates(justering_date: dt.date, posted: dt.date, removed: dt.date | None = None) -> NoticeDates:
    """All dates of one justering's anslag. KL 8:12, 13:5; DOMAIN 1.3–1.4."""
    return NoticeDates(
        latest_posting=latest_anslag_date(justering_date),
        appeal_deadline=appeal_deadline(posted),
        earliest_removal=earliest_removal_date(posted),
        laga_kraft=laga_kraft_date(posted, removed),
    )


def check_notice(
    justering_date: dt.date,
    posted: dt.date,
    removed: dt.date | None = None,
    stated_appeal_deadline: dt.date | None = None,
) -> list[Problem]:
    """Check one anslag: posted in time, not before justering, not removed early, right deadline.

    KL 8:12 (posting at the latest the second day after justering; not removed before the appeal
    period ends), KL 13:5 (the deadline); DOMAIN 1.3–1.4, checklist 21, 22, 27.
    """
    problems: list[Problem] = []
    if posted < justering_date:
        problems.append(
            error(
                "notice_before_justering",
                f"the justering of {justering_date} cannot be announced before it, on {posted}",
                "KL 8:12",
            )
        )
    latest = latest_anslag_date(justering_date)
    if posted > latest:
        problems.append(
            warning(
                "notice_late",
                f"the notice was posted {posted}; the justering {justering_date} had to be "
                f"announced by {latest}",
                "KL 8:12",
            )
        )
    if removed is not None:
        problems.extend(check_removal(posted, removed))
    if stated_appeal_deadline is not None and stated_appeal_deadline != appeal_deadline(posted):
        problems.append(
            warning(
                "appeal_deadline_differs",
                f"the stated appeal deadline {stated_appeal_deadline} differs from "
                f"{appeal_deadline(posted)}, three weeks from posting on {posted}",
                "KL 13:5",
            )
        )
    return problems
