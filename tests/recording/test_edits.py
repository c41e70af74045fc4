"""Editing and deleting entered rows before justering (issue 6 "Record", issue 5
"Integrity"): the same rules as when entered, optimistic locking, an audit event per change,
refused after justering of the §."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from protokoll.archive import models as m
from protokoll.audit.models import AuditEvent
from protokoll.recording import edits, record
from protokoll.recording.errors import Immutable, Refused, Stale
from protokoll.recording.models import Justering, Presence, PropositionStep
from protokoll.recording.roster import serving_on
from tests.recording.conftest import fresh, item


def _changes():
    return list(AuditEvent.objects.filter(action="change_before_justering").order_by("pk"))


def test_edit_and_delete_a_motion(world, meeting):
    i = item(meeting, 1)
    a = record.add_motion(world.secretary, i.pk, i.version, ["Bo Berg"], "amendment", "Ändra punkt 2")
    b = record.add_motion(world.secretary, i.pk, fresh(i).version, ["Cia Dal"], "rejection", "")
    edits.edit_row(
        world.secretary,
        i.pk,
        fresh(i).version,
        "motion",
        a.pk,
        {"by": ["Eva Fors", "Bo Berg"], "text": "Ändra punkt 3"},
    )
    a.refresh_from_db()
    assert a.text == "Ändra punkt 3" and [x.name for x in a.by.all()] == ["Eva Fors", "Bo Berg"]
    assert "yrkande ändrad" in _changes()[-1].summary and _changes()[-1].actor == world.secretary
    with pytest.raises(Refused, match="Per Ers tjänstgör inte"):
        edits.edit_row(world.secretary, i.pk, fresh(i).version, "motion", a.pk, {"by": ["Per Ers"]})
    edits.delete_row(world.secretary, i.pk, fresh(i).version, "motion", a.pk)
    assert list(fresh(i).motions.values_list("pk", "position")) == [(b.pk, 0)]  # positions close up
    assert "yrkande borttagen" in _changes()[-1].summary


def test_a_motion_in_the_propositionsordning_is_not_deleted_behind_its_back(world, meeting):
    i = item(meeting, 1)
    a = record.add_motion(world.secretary, i.pk, i.version, ["Cia Dal"], "rejection", "")
    record.set_proposition_order(world.secretary, i.pk, fresh(i).version)
    with pytest.raises(Refused, match="ingår i propositionsordningen"):
        edits.delete_row(world.secretary, i.pk, fresh(i).version, "motion", a.pk)
    assert fresh(i).motions.count() == 1
    edits.edit_row(world.secretary, i.pk, fresh(i).version, "motion", a.pk, {"text": "Avslag i sin helhet"})
    assert "Cia Dals (S) yrkande om avslag" in fresh(i).proposition_order


def test_edit_a_vote_recounts_and_moves_its_step(world, meeting):
    i = item(meeting, 1)
    record.add_motion(world.secretary, i.pk, i.version, ["Cia Dal"], "rejection", "")
    record.set_proposition_order(world.secretary, i.pk, fresh(i).version)
    step = PropositionStep.objects.get(item=i)
    record.record_vote(
        world.secretary, i.pk, fresh(i).version, question="", exceptions={"Cia Dal": "no"}, step=step.pk
    )
    vote = fresh(i).votes.get()
    everyone_no = {f"ballot:{n}": "no" for n in serving_on(meeting, 1)}
    edits.edit_row(
        world.secretary,
        i.pk,
        fresh(i).version,
        "vote",
        vote.pk,
        {"default": "", **everyone_no, "ballot:Anna Ståhl": "yes"},
    )
    vote.refresh_from_db()
    assert (vote.yes, vote.no, vote.ballots.count()) == (1, 3, 4)
    step.refresh_from_db()
    assert (
        step.winner == "second"
        and "beslutat för Cia Dals (S) yrkande om avslag" in fresh(i).proposition_order
    )
    edits.delete_row(world.secretary, i.pk, fresh(i).version, "vote", vote.pk)
    step.refresh_from_db()
    assert step.winner is None and step.vote is None and not m.Ballot.objects.filter(vote__item=i).exists()


def test_reservation_statement_assignment_dispatch(world, meeting):
    i = item(meeting, 3)
    r = record.add_reservation(world.secretary, i.pk, i.version, ["Bo Berg"], "Vi ville annat")
    with pytest.raises(Refused, match="Mats Ers deltog inte"):
        edits.edit_row(world.secretary, i.pk, fresh(i).version, "reservation", r.pk, {"by": ["Mats Ers"]})
    edits.edit_row(
        world.secretary, i.pk, fresh(i).version, "reservation", r.pk, {"text": "Skriftlig", "written": "1"}
    )
    r.refresh_from_db()
    assert (r.text, r.written, r.by.get().name) == ("Skriftlig", True, "Bo Berg")
    s = record.add_statement(
        world.secretary, i.pk, fresh(i).version, "protocol_note", ["Per Ers"], "Anteckning"
    )
    edits.edit_row(world.secretary, i.pk, fresh(i).version, "statement", s.pk, {"kind": "special_statement"})
    assert fresh(s).kind == "special_statement"
    a = record.add_assignment(world.secretary, i.pk, fresh(i).version, "Förvaltningen", "Utred", None)
    edits.edit_row(world.secretary, i.pk, fresh(i).version, "assignment", a.pk, {"due": "2026-06-30"})
    assert fresh(a).due == dt.date(2026, 6, 30)
    with pytest.raises(Refused, match="inget datum"):
        edits.edit_row(world.secretary, i.pk, fresh(i).version, "assignment", a.pk, {"due": "30/6"})
    d = record.add_dispatch(world.secretary, i.pk, fresh(i).version, "Ekonomi")
    edits.edit_row(world.secretary, i.pk, fresh(i).version, "dispatch", d.pk, {"recipient": "Ekonomienheten"})
    assert fresh(d).recipient == "Ekonomienheten"
    for what, row in (("reservation", r), ("statement", s), ("assignment", a), ("dispatch", d)):
        edits.delete_row(world.secretary, i.pk, fresh(i).version, what, row.pk)
    i = fresh(i)
    assert not (
        i.reservations.exists() or i.statements.exists() or i.assignments.exists() or i.sent_to.exists()
    )


def test_jav_and_presence_changes_recompute_who_serves(world, meeting):
    i = item(meeting, 1)
    record.declare_jav(world.secretary, i.pk, i.version, "Bo Berg")
    assert "Bo Berg" not in serving_on(meeting, 1) and "Mats Ers" in serving_on(meeting, 1)
    conflict = fresh(i).conflicts.get()
    edits.edit_row(world.secretary, i.pk, fresh(i).version, "jav", conflict.pk, {"name": "Eva Fors"})
    assert "Bo Berg" in serving_on(meeting, 1) and "Eva Fors" not in serving_on(meeting, 1)
    edits.delete_row(world.secretary, i.pk, fresh(i).version, "jav", conflict.pk)
    assert "Eva Fors" in serving_on(meeting, 1) and "Mats Ers" not in serving_on(meeting, 1)
    row = Presence.objects.get(meeting=meeting, person__name="Eva Fors")
    edits.edit_presence(world.secretary, meeting.pk, fresh(meeting).version, row.pk, 1, 2, False)
    assert "Eva Fors" not in serving_on(meeting, 3) and "Mats Ers" in serving_on(meeting, 3)
    edits.delete_presence(world.secretary, meeting.pk, fresh(meeting).version, row.pk)
    entry = m.AttendanceEntry.objects.get(meeting=meeting, name="Eva Fors")
    assert entry.status == "absent"
    assert "närvaro borttagen" in _changes()[-1].summary


def test_stale_version_and_a_row_deleted_meanwhile_are_conflicts(world, meeting):
    i = item(meeting, 3)
    a = record.add_assignment(world.secretary, i.pk, i.version, "Förvaltningen", "Utred", None)
    read = fresh(i).version  # both secretaries read this version
    edits.edit_row(world.secretary, i.pk, read, "assignment", a.pk, {"task": "Utred vidare"})
    with pytest.raises(Stale, match="ändrats av någon annan"):
        edits.delete_row(world.secretary, i.pk, read, "assignment", a.pk)
    edits.delete_row(world.secretary, i.pk, fresh(i).version, "assignment", a.pk)
    with pytest.raises(Stale, match="finns inte längre"):
        edits.edit_row(world.secretary, i.pk, None, "assignment", a.pk, {"task": "x"})


def test_refused_after_justering_of_that_paragraph(world, meeting):
    i1, i3 = item(meeting, 1), item(meeting, 3)
    a1 = record.add_assignment(world.secretary, i1.pk, i1.version, "A", "Utred", None)
    a3 = record.add_assignment(world.secretary, i3.pk, i3.version, "B", "Utred", None)
    Justering.objects.create(meeting=meeting, paragraphs=[1], completed_on=meeting.date, immediate=True)
    with pytest.raises(Immutable, match="§ 1 är justerad"):
        edits.delete_row(world.secretary, i1.pk, fresh(i1).version, "assignment", a1.pk)
    with pytest.raises(Immutable):
        edits.edit_row(world.secretary, i1.pk, fresh(i1).version, "assignment", a1.pk, {"task": "Annat"})
    assert fresh(a1).task == "Utred"
    edits.delete_row(world.secretary, i3.pk, fresh(i3).version, "assignment", a3.pk)  # § 3 is not justerad
    row = Presence.objects.get(meeting=meeting, person__name="Eva Fors")
    with pytest.raises(Immutable, match="justerad"):
        edits.delete_presence(world.secretary, meeting.pk, fresh(meeting).version, row.pk)


def test_form_and_api(client, world, meeting):
    client.force_login(world.secretary)
    i = item(meeting, 3)
    a = record.add_assignment(world.secretary, i.pk, i.version, "Förvaltningen", "Utred", None)
    page = client.get(f"/intern/mote/{meeting.pk}/").content.decode()
    assert "Ta bort uppdrag 1" in page and "Spara uppdrag 1" in page
    url = f"/intern/mote/{meeting.pk}/gor/"
    r = client.post(
        url + "edit_row",
        {"item": i.pk, "version": fresh(i).version, "what": "assignment", "row": a.pk, "task": "Utred mer"},
    )
    assert r.status_code == 302 and fresh(a).task == "Utred mer"
    r = client.post(url + "delete_row", {"item": i.pk, "version": 1, "what": "assignment", "row": a.pk})
    assert r.status_code == 409 and "ändrats av någon annan" in r.content.decode()
    r = client.post(
        f"/intern/api/mote/{meeting.pk}/delete_row",
        json.dumps({"item": i.pk, "version": fresh(i).version, "what": "assignment", "row": a.pk}),
        content_type="application/json",
    )
    assert r.status_code == 200 and not fresh(i).assignments.exists()
    r = client.post(
        f"/intern/api/mote/{meeting.pk}/edit_row",
        json.dumps({"item": i.pk, "version": fresh(i).version, "what": "nonsense", "row": 1}),
        content_type="application/json",
    )
    assert r.status_code == 400 and "Okänd radtyp" in r.json()["error"]
