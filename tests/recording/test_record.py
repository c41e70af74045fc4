"""Recording rules: attendance, jäv, votes, reservations, quorum, locking (issue 6 "Record")."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from protokoll.archive import models as m
from protokoll.audit.models import AuditEvent
from protokoll.recording import prepare, record
from protokoll.recording.errors import Refused, Stale
from protokoll.recording.roster import quorum, serving_on
from tests.recording.conftest import DATE, fresh, item


def test_paragraph_numbers_run_per_body_per_year(world, meeting):
    assert sorted(meeting.items.values_list("paragraph", flat=True)) == [1, 2, 3]
    later = prepare.create_meeting(world.secretary, world.body, DATE.replace(month=4))
    added = prepare.add_item(world.secretary, later.pk, fresh(later).version, title="Nästa")
    assert added.paragraph == 4
    next_year = prepare.create_meeting(world.secretary, world.body, DATE.replace(year=2027))
    assert (
        prepare.add_item(world.secretary, next_year.pk, fresh(next_year).version, title="Ny").paragraph == 1
    )


def test_new_meeting_is_unpublished_and_audited(world, meeting):
    assert meeting.published is False
    assert AuditEvent.objects.filter(action="change_before_justering", body_id=world.body.pk).count() >= 4


def test_sekretess_needs_osl_reference(world, meeting):
    with pytest.raises(Refused, match="OSL"):
        prepare.add_item(world.secretary, meeting.pk, meeting.version, title="Hemligt", secret=True)


def test_ersattare_of_the_same_party_serves_for_an_absent_member(meeting):
    # Dan Ek (C) is absent; no C ersättare and no cross-party order → seat stays empty.
    serving = serving_on(meeting, 1)
    assert "Dan Ek" not in serving and len(serving) == 4
    entry = meeting.attendance.get(name="Dan Ek")
    assert entry.status == "absent"


def test_jav_with_a_substitute(world, meeting):
    """Cia Dal (S) is jävig on § 1: she leaves that § and Sara Ers (S, rank 1) steps in."""
    problems = record.declare_jav(world.secretary, item(meeting, 1).pk, item(meeting, 1).version, "Cia Dal")
    assert problems == []
    assert "Cia Dal" not in serving_on(meeting, 1)
    assert "Sara Ers" in serving_on(meeting, 1)
    assert "Cia Dal" in serving_on(meeting, 3) and "Sara Ers" not in serving_on(meeting, 3)
    sara = m.AttendanceEntry.objects.get(meeting=meeting, name="Sara Ers")
    assert sara.serving and sara.replaces_name == "Cia Dal" and sara.paragraphs == [[1, 1]]


def test_an_ersattare_who_sits_in_for_two_members_gets_a_line_per_seat(world, meeting):
    """Eva Fors (M) arrives at § 2 and Bo Berg (M) leaves after § 1: Mats Ers (M) serves for
    Eva on § 1 and for Bo on §§ 2–3, and the protocol says so on two lines (KL 5:66)."""
    from protokoll.recording.models import Presence

    Presence.objects.filter(meeting=meeting, person__name="Eva Fors").update(first=2)
    record.depart(world.secretary, meeting.pk, fresh(meeting).version, "Bo Berg", after=1)
    lines = [
        (e.replaces_name, e.paragraphs, e.serving)
        for e in m.AttendanceEntry.objects.filter(meeting=meeting, name="Mats Ers").order_by("position")
    ]
    assert lines == [("Eva Fors", [[1, 1]], True), ("Bo Berg", [[2, 3]], True)]
    assert "Mats Ers" in serving_on(meeting, 1) and "Mats Ers" in serving_on(meeting, 3)


def test_an_ersattare_present_but_not_serving_has_one_line(meeting):
    sara = m.AttendanceEntry.objects.get(meeting=meeting, name="Sara Ers")
    assert (sara.serving, sara.replaces_name, sara.paragraphs) == (False, None, None)


def test_no_quorum_is_shown(world, meeting):
    for name in ("Bo Berg", "Eva Fors"):
        record.depart(world.secretary, meeting.pk, fresh(meeting).version, name, after=2)
    record.depart(world.secretary, meeting.pk, fresh(meeting).version, "Mats Ers", after=2)
    q = quorum(fresh(meeting))
    assert q[1][2] is True
    assert q[3] == (2, 5, False)
    problems = record.quorum_problems(fresh(meeting))[3]
    assert problems and problems[0].code == "no_quorum" and problems[0].rule == "KL 6:27"


def test_tie_decided_by_chairs_casting_vote(world, meeting):
    # 4 serving: Anna (chair), Bo, Cia, Eva + Mats for Dan? Mats is M; Dan is C → empty seat.
    i = item(meeting, 3)
    decision = record.record_vote(
        world.secretary,
        i.pk,
        i.version,
        question="Bifall till förslaget",
        default="yes",
        exceptions={"Bo Berg": "no", "Eva Fors": "no"},
    )
    assert decision.result == "yes" and decision.casting_vote
    vote = fresh(i).votes.get()
    assert (vote.yes, vote.no, vote.casting_vote) == (2, 2, True)
    assert {b.name: b.choice for b in vote.ballots.all()}["Bo Berg"] == "no"


def test_tie_with_chair_abstaining_is_refused(world, meeting):
    i = item(meeting, 3)
    with pytest.raises(Refused, match="chair must vote"):
        record.record_vote(
            world.secretary,
            i.pk,
            i.version,
            question="q",
            default="yes",
            exceptions={"Bo Berg": "no", "Eva Fors": "abstain", "Anna Ståhl": "abstain", "Cia Dal": "yes"},
        )
    assert not fresh(i).votes.exists()


def test_lottery_in_an_election(world, meeting):
    i = item(meeting, 3)
    decision = record.record_vote(
        world.secretary,
        i.pk,
        i.version,
        question="Val",
        default="yes",
        exceptions={"Bo Berg": "no", "Eva Fors": "no"},
        election=True,
        lottery_result="no",
    )
    assert decision.result == "no" and decision.lottery and not decision.casting_vote


def test_vote_by_a_non_serving_person_is_refused(world, meeting):
    i = item(meeting, 3)
    with pytest.raises(Refused, match="Per Ers does not serve"):
        record.record_vote(world.secretary, i.pk, i.version, question="q", exceptions={"Per Ers": "no"})
    with pytest.raises(Refused, match="Dan Ek"):
        record.record_vote(world.secretary, i.pk, i.version, question="q", exceptions={"Dan Ek": "no"})
    assert not fresh(i).votes.exists()


def test_reservation_only_from_those_who_took_part(world, meeting):
    i = item(meeting, 3)
    record.record_vote(
        world.secretary, i.pk, i.version, question="q", exceptions={"Bo Berg": "no", "Eva Fors": "abstain"}
    )
    record.add_reservation(world.secretary, i.pk, fresh(i).version, ["Bo Berg"], "Vi ville annat")
    with pytest.raises(Refused, match="Mats Ers deltog inte"):
        record.add_reservation(world.secretary, i.pk, fresh(i).version, ["Mats Ers"])
    with pytest.raises(Refused, match="Eva Fors deltog inte"):
        record.add_reservation(world.secretary, i.pk, fresh(i).version, ["Eva Fors"])
    assert [r.by.get().name for r in fresh(i).reservations.all()] == ["Bo Berg"]


def test_reservation_after_the_meeting_closed_is_refused(world, meeting):
    record.close_meeting(world.secretary, meeting.pk, fresh(meeting).version)
    i = item(meeting, 1)
    with pytest.raises(Refused, match="after the meeting closed"):
        record.add_reservation(world.secretary, i.pk, i.version, ["Bo Berg"])


def test_motions_and_kontrapropositionsvotering(world, meeting):
    i = item(meeting, 1)
    a = record.add_motion(
        world.secretary, i.pk, i.version, ["Bo Berg", "Eva Fors"], "amendment", "Ändra punkt 2"
    )
    record.add_motion(world.secretary, i.pk, fresh(i).version, ["Cia Dal"], "rejection", "Avslag")
    record.add_motion(world.secretary, i.pk, fresh(i).version, ["Eva Fors"], "referral", "Återremiss")
    assert [x.name for x in a.by.all()] == ["Bo Berg", "Eva Fors"]  # instämmande
    text = record.set_proposition_order(world.secretary, i.pk, fresh(i).version)
    assert text.index("återremitteras") < text.index("motförslag")
    assert "för att utse motförslag i huvudvoteringen" in text
    with pytest.raises(Refused, match="tjänstgör inte"):
        record.add_motion(world.secretary, i.pk, fresh(i).version, ["Per Ers"], "approval", "")
    record.withdraw_motion(world.secretary, i.pk, fresh(i).version, a.pk)
    text = record.set_proposition_order(world.secretary, i.pk, fresh(i).version)
    assert "motförslag" not in text and "Cia Dals (S) yrkande om avslag" in text


def test_stale_version_is_a_conflict_and_nothing_is_lost(world, meeting):
    i = item(meeting, 1)
    record.record_decision(world.secretary, i.pk, i.version, "decision", "Första texten")
    with pytest.raises(Stale, match="ändrats av någon annan"):
        record.record_decision(world.secretary, i.pk, i.version, "decision", "Andra texten")
    assert fresh(i).decision == "Första texten"


def test_only_the_secretary_records(world, meeting):
    i = item(meeting, 1)
    with pytest.raises(PermissionDenied):
        record.record_decision(world.outsider, i.pk, i.version, "decision", "x")
    with pytest.raises(PermissionDenied):
        record.record_decision(world.chair, i.pk, i.version, "decision", "x")


def test_statements_assignments_dispatch(world, meeting):
    i = item(meeting, 1)
    record.add_statement(world.secretary, i.pk, i.version, "protocol_note", ["Per Ers"], "En anteckning")
    record.add_assignment(
        world.secretary, i.pk, fresh(i).version, "Förvaltningschefen", "utreda", DATE.replace(month=6)
    )
    record.add_dispatch(world.secretary, i.pk, fresh(i).version, "Byggnadsnämnden", "action")
    record.set_immediate(world.secretary, i.pk, fresh(i).version, True)
    i = fresh(i)
    assert i.statements.get().by.get().name == "Per Ers"
    assert i.assignments.get().due == DATE.replace(month=6)
    assert i.sent_to.get().purpose == "action" and i.immediately_adjusted
