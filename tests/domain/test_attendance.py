"""Tjänstgöring, jäv, quorum and reservations (KL 4:27, 6:16, 6:24, 6:27–30; DOMAIN 1.5, 1.7, 1.8)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from protokoll.domain.attendance import (
    Member,
    Substitute,
    check_quorum,
    check_reservation_time,
    check_serving,
    has_quorum,
    may_reserve,
    next_substitute,
    paragraphs_in,
    seat_plan,
    service_ranges,
    serving,
)

MEMBERS = [
    Member("Anna Ek", "S"),
    Member("Bert Lind", "S"),
    Member("Cecilia Holm", "M"),
    Member("David Berg", "M"),
    Member("Elin Sjö", "C"),
]
SUBS = [
    Substitute("S-ers Två", "S", 2),
    Substitute("S-ers Ett", "S", 1),
    Substitute("M-ers Ett", "M", 1),
    Substitute("C-ers Ett", "C", 1),
    Substitute("KD-ers Ett", "KD", 1),
]
ORDER = {"C": ["KD", "M"], "M": ["KD", "C"], "S": ["V"]}
ALL = range(1, 9)
D = dt.date.fromisoformat


def codes(problems):
    return [p.code for p in problems]


def everyone_present(**changes):
    present = {p.name: set(ALL) for p in [*MEMBERS, *SUBS]}
    present.update(changes)
    return present


# --- next_substitute: KL 6:16, DOMAIN 1.8 -----------------------------------------------------


def test_own_party_first_in_the_decided_order():
    assert next_substitute(Member("Anna Ek", "S"), SUBS, ORDER).name == "S-ers Ett"


def test_then_the_cross_party_order():
    no_c = [s for s in SUBS if s.party != "C"]
    assert next_substitute(Member("Elin Sjö", "C"), no_c, ORDER).name == "KD-ers Ett"
    only_m = [s for s in SUBS if s.party == "M"]
    assert next_substitute(Member("Elin Sjö", "C"), only_m, ORDER).name == "M-ers Ett"


def test_nobody_outside_the_decided_order():
    no_s = [s for s in SUBS if s.party != "S"]
    assert next_substitute(Member("Anna Ek", "S"), no_s, ORDER) is None
    assert next_substitute(Member("Anna Ek", "S"), no_s) is None


# --- seat_plan ---------------------------------------------------------------------------------


def test_an_absent_member_is_replaced_for_the_whole_meeting():
    plan = seat_plan(MEMBERS, SUBS, list(ALL), everyone_present(**{"Bert Lind": set()}), order=ORDER)
    assert {plan[p]["Bert Lind"] for p in ALL} == {"S-ers Ett"}
    assert len(serving(plan, 1)) == 5


def test_jäv_with_a_substitute_stepping_in_for_that_paragraph_only():
    plan = seat_plan(
        MEMBERS, SUBS, list(ALL), everyone_present(), conflicts={4: {"Cecilia Holm"}}, order=ORDER
    )
    assert plan[3]["Cecilia Holm"] == "Cecilia Holm"
    assert plan[4]["Cecilia Holm"] == "M-ers Ett"
    assert "Cecilia Holm" not in serving(plan, 4)
    assert plan[5]["Cecilia Holm"] == "Cecilia Holm"
    assert check_quorum(4, len(MEMBERS), len(serving(plan, 4))) == []


def test_a_jävig_serving_substitute_resumes_after_that_paragraph():
    present = everyone_present(**{"Cecilia Holm": set()})
    plan = seat_plan(MEMBERS, SUBS, list(ALL), present, conflicts={3: {"M-ers Ett"}}, order=ORDER)
    assert plan[2]["Cecilia Holm"] == "M-ers Ett"
    assert plan[3]["Cecilia Holm"] == "KD-ers Ett"
    assert plan[4]["Cecilia Holm"] == "M-ers Ett"


def test_a_late_member_retakes_the_seat_between_items():
    present = everyone_present(**{"Anna Ek": paragraphs_in([(3, 8)])})
    plan = seat_plan(MEMBERS, SUBS, list(ALL), present, order=ORDER)
    assert [plan[p]["Anna Ek"] for p in (1, 2, 3)] == ["S-ers Ett", "S-ers Ett", "Anna Ek"]


def test_a_serving_substitute_keeps_the_seat_over_a_late_higher_ranked_one():
    present = everyone_present(**{"Anna Ek": set(), "S-ers Ett": paragraphs_in([(2, 8)])})
    plan = seat_plan(MEMBERS, SUBS, list(ALL), present, order=ORDER)
    assert plan[1]["Anna Ek"] == "S-ers Två"
    assert plan[2]["Anna Ek"] == "S-ers Två"


def test_departures_without_substitutes_can_break_quorum():
    gone = {name: paragraphs_in([(1, 5)]) for name in ("Anna Ek", "Bert Lind", "Cecilia Holm")}
    present = {m.name: set(ALL) for m in MEMBERS} | gone
    plan = seat_plan(MEMBERS, [], list(ALL), present, order=ORDER)
    assert len(serving(plan, 5)) == 5
    assert len(serving(plan, 6)) == 2
    [problem] = check_quorum(6, len(MEMBERS), len(serving(plan, 6)))
    assert (problem.code, problem.rule) == ("no_quorum", "KL 6:27")
    assert "at least 3" in problem.message


@given(
    absent=st.sets(st.sampled_from([m.name for m in MEMBERS])),
    jav=st.dictionaries(
        st.sampled_from(list(ALL)), st.sets(st.sampled_from([p.name for p in [*MEMBERS, *SUBS]]))
    ),
)
def test_a_seat_plan_never_counts_anyone_twice_or_a_jävig_person(absent, jav):
    present = everyone_present(**{name: set() for name in absent})
    plan = seat_plan(MEMBERS, SUBS, list(ALL), present, conflicts=jav, order=ORDER)
    members = {m.name for m in MEMBERS}
    for p in ALL:
        seated = [who for who in plan[p].values() if who]
        assert len(seated) == len(set(seated))
        assert not set(seated) & jav.get(p, set())
        services = [(who, None if who == seat else seat) for seat, who in plan[p].items() if who]
        present_members = {m for m in members if p in present[m]}
        assert check_serving(p, services, members, present_members, jav.get(p, ())) == []


# --- quorum: KL 6:27 --------------------------------------------------------------------------


def test_quorum_is_more_than_half():
    assert has_quorum(9, 5) and not has_quorum(9, 4)
    assert has_quorum(10, 6) and not has_quorum(10, 5)
    assert codes(check_quorum(1, 10, 5)) == ["no_quorum"]


# --- check_serving: checklist 5 ---------------------------------------------------------------


def test_recorded_service_errors():
    members = [m.name for m in MEMBERS]
    present = ["Anna Ek", "Bert Lind", "Cecilia Holm", "David Berg"]
    services = [
        ("Anna Ek", None),
        ("Bert Lind", None),
        ("Cecilia Holm", None),
        ("David Berg", None),
        ("S-ers Ett", "Anna Ek"),  # sits for a ledamot who is present
        ("Bert Lind", None),  # counted twice
    ]
    problems = check_serving(7, services, members, present, conflicts=["David Berg"])
    assert sorted(codes(problems)) == ["counted_twice", "jav_counted", "replaces_present_member"]
    assert all(p.refuses for p in problems)


def test_a_substitute_may_sit_for_a_present_but_jävig_member():
    members = [m.name for m in MEMBERS]
    services = [(m, None) for m in members if m != "Elin Sjö"] + [("C-ers Ett", "Elin Sjö")]
    assert check_serving(2, services, members, members, conflicts=["Elin Sjö"]) == []


def test_two_substitutes_in_one_seat_are_refused():
    members = [m.name for m in MEMBERS]
    services = [("S-ers Ett", "Anna Ek"), ("S-ers Två", "Anna Ek")]
    assert codes(check_serving(2, services, members, [])) == ["seat_taken_twice"]


# --- reservation: KL 4:27 ---------------------------------------------------------------------


def test_a_reservation_by_someone_who_did_not_take_part_is_refused():
    on_paragraph = {"Anna Ek", "Bert Lind", "S-ers Ett"}
    assert may_reserve("Bert Lind", on_paragraph) == []
    assert may_reserve("S-ers Ett", on_paragraph) == []  # a serving ersättare has a ledamot's rights
    [problem] = may_reserve("S-ers Två", on_paragraph)  # present, but not serving
    assert (problem.code, problem.rule, problem.refuses) == ("reservation_not_serving", "KL 4:27", True)
    assert codes(may_reserve("Anna Ek", on_paragraph, abstained={"Anna Ek"})) == ["reservation_abstained"]


def test_service_ranges_follow_the_documents_paragraph_ranges():
    present = everyone_present(**{"Bert Lind": {1, 2, 3, 5}})
    plan = seat_plan(MEMBERS, SUBS, [1, 2, 3, 4, 5, 6, 7], present, conflicts={2: {"Bert Lind"}}, order=ORDER)
    assert service_ranges(plan, "S-ers Ett") == [(2, 2), (4, 4), (6, 7)]
    assert service_ranges(plan, "Bert Lind") == [(1, 1), (3, 3), (5, 5)]
    assert service_ranges(plan, "KD-ers Ett") == []


def test_a_reservation_announced_after_the_meeting_closed_is_refused():
    closed = dt.datetime(2026, 3, 5, 16, 30)
    assert check_reservation_time(dt.datetime(2026, 3, 5, 15, 0), closed) == []
    [late] = check_reservation_time(dt.datetime(2026, 3, 5, 16, 45), closed)
    assert (late.code, late.rule, late.refuses) == ("reservation_after_close", "KL 4:27", True)
    [written] = check_reservation_time(
        dt.datetime(2026, 3, 5, 15, 0), closed, written_received=D("2026-03-13"), justering=D("2026-03-12")
    )
    assert (written.code, written.severity) == ("written_reservation_late", "warning")
