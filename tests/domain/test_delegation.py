"""Delegation (KL 6:37–40, 7:8, 8:10 p. 3; DOMAIN 1.11; checklist 28–30)."""

import datetime as dt
from dataclasses import replace

import pytest

from protokoll.domain.delegation import (
    DelegatedDecision,
    NonDelegable,
    check_delegable,
    check_urgent_reported,
    due_for_report,
    needs_separate_record,
)

D = dt.date.fromisoformat


def test_each_non_delegable_category_is_warned_with_its_point():
    for category, point in [
        (NonDelegable.GOALS, "1"),
        (NonDelegable.STATEMENT_TO_COUNCIL, "2"),
        (NonDelegable.STATEMENT_ON_APPEAL, "2"),
        (NonDelegable.PRINCIPLED_AUTHORITY, "3"),
        (NonDelegable.CITIZEN_PROPOSAL, "4"),
        (NonDelegable.BARRED_BY_LAW, "5"),
    ]:
        [problem] = check_delegable([category])
        assert (problem.code, problem.severity, problem.rule) == (
            "not_delegable",
            "warning",
            f"KL 6:38 p. {point}",
        )


def test_an_ordinary_delegated_decision_has_no_warning_and_duplicates_warn_once():
    assert check_delegable([]) == []
    assert len(check_delegable(["goals", NonDelegable.GOALS])) == 1
    with pytest.raises(ValueError):
        check_delegable(["not a category"])


REGISTER = [
    DelegatedDecision("bistånd-1", D("2026-02-03"), "Handläggare Ett", "4.1"),
    DelegatedDecision("brådskande", D("2026-02-20"), "Ordförande Ek", urgent=True, to_be_reported=False),
    DelegatedDecision("inköp", D("2026-02-10"), "Förvaltningschef", "2.3", to_be_reported=False),
    DelegatedDecision("redan-anmält", D("2026-01-12"), "Handläggare Två", reported_on=D("2026-01-28")),
    DelegatedDecision("efter-mötet", D("2026-03-05"), "Handläggare Ett"),
    DelegatedDecision("arbetsordning", D("2026-02-11"), "Chef", to_be_reported=False, appealable=False),
]


def test_the_next_agenda_lists_unreported_decisions_and_always_urgent_chair_decisions():
    due = due_for_report(REGISTER, D("2026-02-25"))
    assert [d.key for d in due] == ["bistånd-1", "brådskande"]


def test_decisions_not_reported_are_recorded_separately_when_appealable():
    assert [d.key for d in needs_separate_record(REGISTER)] == ["inköp"]


def test_an_urgent_decision_missing_from_the_next_meeting_is_warned():
    urgent = REGISTER[1]
    meetings = [D("2026-01-28"), D("2026-02-25"), D("2026-03-25")]
    [problem] = check_urgent_reported(urgent, meetings)
    assert (problem.code, problem.rule) == ("urgent_not_reported", "KL 6:39")
    assert "2026-02-25" in problem.message
    reported = replace(urgent, reported_on=D("2026-02-25"))
    assert check_urgent_reported(reported, meetings) == []
    late = replace(urgent, reported_on=D("2026-03-25"))
    assert len(check_urgent_reported(late, meetings)) == 1
    assert check_urgent_reported(urgent, [D("2026-01-28")]) == []  # no meeting yet
    assert check_urgent_reported(REGISTER[0], meetings) == []  # not urgent
