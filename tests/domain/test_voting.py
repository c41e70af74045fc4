"""Omröstning, utslagsröst, lottning and propositionsordning (KL 4:25, 5:50, 5:53–56; DOMAIN 1.5–1.6)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protokoll.domain.vocab import BodyKind, MotionKind, VoteChoice
from protokoll.domain.voting import (
    Proposal,
    Tally,
    WinnerOf,
    check_secrecy,
    check_vote,
    counter_proposition_plan,
    decide,
    formal_motion_carried,
    plan_winner,
    proposition_order,
    resolve_plan,
    tally,
)

Y, N, A = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN
SERVING = ["Ordf Ek", "Al Berg", "Bo Dal", "Cia Ström", "Dan Ås", "Eva Lind", "Fia Mo"]


def codes(problems):
    return [p.code for p in problems]


def test_tally_counts_each_choice():
    ballots = [("Al Berg", Y), ("Bo Dal", "no"), ("Cia Ström", A), ("Dan Ås", Y), ("Eva Lind", "absent")]
    assert tally(ballots) == Tally(yes=2, no=1, abstain=1, absent=1)
    assert tally(ballots).cast == 4


def test_a_consistent_vote_has_no_problems():
    ballots = [(p, Y if i < 4 else N) for i, p in enumerate(SERVING)]
    assert check_vote(ballots, Tally(yes=4, no=3), SERVING) == []


def test_a_vote_by_a_non_serving_person_is_refused():
    ballots = [(p, Y) for p in SERVING] + [("Ersättare Utan Plats", N)]
    problems = check_vote(ballots, None, SERVING)
    assert "voter_not_serving" in codes(problems)
    refusal = next(p for p in problems if p.code == "voter_not_serving")
    assert refusal.refuses and "Ersättare Utan Plats" in refusal.message
    assert "more_votes_than_serving" in codes(problems)


def test_a_voter_entered_twice_is_refused():
    ballots = [(p, Y) for p in SERVING[:6]] + [("Al Berg", N)]
    assert "duplicate_voter" in codes(check_vote(ballots, None, SERVING))


def test_stated_totals_that_differ_from_the_ballots_are_warned():
    ballots = [(p, Y if i < 4 else N) for i, p in enumerate(SERVING)]
    [problem] = check_vote(ballots, Tally(yes=5, no=2), SERVING)
    assert (problem.code, problem.severity) == ("tally_mismatch", "warning")


def test_stated_totals_without_ballots_cannot_exceed_the_serving():
    assert codes(check_vote([], Tally(yes=5, no=4), SERVING)) == ["more_votes_than_serving"]
    assert check_vote([], Tally(yes=4, no=3), SERVING) == []


def test_a_serving_member_without_a_ballot_is_warned():
    ballots = [(p, Y) for p in SERVING[:-1]]
    [problem] = check_vote(ballots, None, SERVING)
    assert problem.code == "missing_ballot" and "Fia Mo" in problem.message


# --- decide: KL 5:55–56, 4:25 -------------------------------------------------------------


def test_simple_majority():
    assert decide(4, 3).result == "yes"
    assert decide(2, 5).result == "no"
    assert decide(3, 2).casting_vote is False


def test_a_tie_is_decided_by_the_chairs_casting_vote():
    ballots = [
        ("Ordf Ek", N),
        ("Al Berg", Y),
        ("Bo Dal", Y),
        ("Cia Ström", Y),
        ("Dan Ås", N),
        ("Eva Lind", N),
    ]
    counted = tally(ballots)
    decision = decide(counted.yes, counted.no, chair_vote=dict(ballots)["Ordf Ek"])
    assert decision.result == "no"
    assert decision.casting_vote is True and decision.lottery is False
    assert decide(3, 3, chair_vote="yes").result == "yes"


def test_a_tie_with_the_chair_abstaining_needs_the_chair_to_vote():
    decision = decide(3, 3, chair_vote=A)
    assert decision.result is None
    assert codes(decision.problems) == ["chair_must_vote"]
    assert decision.problems[0].rule.startswith("KL 4:25")
    assert decide(3, 3).result is None


def test_a_tie_in_an_election_is_decided_by_lot_not_by_the_chair():
    pending = decide(4, 4, chair_vote=Y, is_election_or_employment=True)
    assert pending.result is None and pending.lottery
    assert codes(pending.problems) == ["lottery_needed"]
    drawn = decide(4, 4, chair_vote=Y, is_election_or_employment=True, lottery_result="no")
    assert (drawn.result, drawn.lottery, drawn.casting_vote) == ("no", True, False)


@given(st.integers(0, 30), st.integers(0, 30), st.sampled_from([Y, N]))
def test_decide_follows_the_majority_and_the_chair_only_at_a_tie(yes, no, chair):
    decision = decide(yes, no, chair_vote=chair)
    if yes != no:
        assert decision.result == ("yes" if yes > no else "no")
        assert not decision.casting_vote
    else:
        assert decision.result == chair.value and decision.casting_vote


# --- bordläggning / återremiss: KL 6:33 2 st. and 5:50 ---------------------------------------


def test_a_minority_cannot_table_in_a_nämnd():
    assert formal_motion_carried(BodyKind.COMMITTEE, 4, 7, 11).result == "no"
    assert formal_motion_carried(BodyKind.COMMITTEE, 6, 5, 11).result == "yes"
    tie = formal_motion_carried(BodyKind.COMMITTEE, 5, 5, 11, chair_vote=Y)
    assert tie.result == "yes" and tie.casting_vote


def test_one_third_of_those_present_tables_in_fullmäktige_once():
    assert formal_motion_carried(BodyKind.COUNCIL, 17, 34, 51).result == "yes"
    assert formal_motion_carried(BodyKind.COUNCIL, 16, 35, 51).result == "no"
    again = formal_motion_carried(BodyKind.COUNCIL, 17, 34, 51, minority_rule_used=True)
    assert again.result == "no"


# --- propositionsordning (DOMAIN 1.5) ---------------------------------------------------------


def test_formal_yrkanden_first_and_additions_last():
    proposals = [
        Proposal("au", MotionKind.APPROVAL),
        Proposal("tillägg-M", MotionKind.ADDITION),
        Proposal("avslag-V", MotionKind.REJECTION),
        Proposal("återremiss-C", MotionKind.REFERRAL),
        Proposal("bordlägg-L", MotionKind.TABLING),
    ]
    assert [p.key for p in proposition_order(proposals)] == [
        "återremiss-C",
        "bordlägg-L",
        "au",
        "avslag-V",
        "tillägg-M",
    ]


def test_two_proposals_need_only_the_main_vote():
    plan = counter_proposition_plan("au", ["avslag"])
    assert [(s.kind, s.yes, s.no) for s in plan] == [("main", "au", "avslag")]


def test_three_proposals_try_the_others_against_each_other_first():
    plan = counter_proposition_plan("au", ["S-förslag", "M-förslag"])
    assert [(s.kind, s.yes, s.no) for s in plan] == [
        ("counter", "S-förslag", "M-förslag"),
        ("main", "au", WinnerOf(0)),
    ]
    # M-förslag wins the kontrapropositionsvotering and becomes motförslag; then au wins.
    assert resolve_plan(plan, ["no"]) == [("S-förslag", "M-förslag"), ("au", "M-förslag")]
    assert plan_winner(plan, ["no", "yes"]) == "au"
    assert plan_winner(plan, ["no"]) is None


def test_a_plan_refuses_repeated_or_missing_proposals():
    with pytest.raises(ValueError):
        counter_proposition_plan("au", [])
    with pytest.raises(ValueError):
        counter_proposition_plan("au", ["x", "au"])


@given(
    others=st.lists(st.integers(1, 50), min_size=1, max_size=6, unique=True),
    data=st.data(),
)
def test_any_plan_ends_in_one_main_vote_and_adopts_a_proposal(others, data):
    plan = counter_proposition_plan(0, others)
    assert len(plan) == len(others)
    assert [s.kind for s in plan] == ["counter"] * (len(others) - 1) + ["main"]
    assert plan[-1].yes == 0
    results = data.draw(st.lists(st.sampled_from(["yes", "no"]), min_size=len(plan), max_size=len(plan)))
    pairs = resolve_plan(plan, results)
    winner = plan_winner(plan, results)
    assert winner in [0, *others]
    # Every proposal meets the vote at most once as a fresh challenger, and the loser drops out.
    losers = {pair[1] if r == "yes" else pair[0] for pair, r in zip(pairs, results, strict=True)}
    assert winner not in losers and len(losers) == len(others)


def test_votes_are_open_except_in_elections_and_employment():
    assert check_secrecy(secret=False, is_election_or_employment=False) == []
    assert check_secrecy(secret=True, is_election_or_employment=True) == []
    [problem] = check_secrecy(secret=True, is_election_or_employment=False)
    assert (problem.code, problem.rule, problem.refuses) == ("secret_vote_not_allowed", "KL 5:54", True)
