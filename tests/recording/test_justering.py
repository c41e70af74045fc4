"""Justering, signatures, immutability, rättelse, verify (issue 6 "Justering")."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from protokoll.archive import models as m
from protokoll.audit.models import AuditEvent
from protokoll.recording import justering, record
from protokoll.recording.canonical import canonical_bytes, payload_bytes
from protokoll.recording.errors import Immutable, Refused
from protokoll.recording.models import Signature, SigningKey
from tests.recording.conftest import DATE, PASSWORD, fresh, item


def _adjust(world, meeting, paragraphs=None, day=DATE):
    justering.sign(world.chair, meeting.pk, PASSWORD, paragraphs, today=day)
    return justering.sign(world.adjuster, meeting.pk, PASSWORD, paragraphs, today=day)


def test_canonical_json_is_sorted_and_compact():
    assert canonical_bytes({"b": 1, "a": [1, "å"]}) == '{"a":[1,"å"],"b":1}'.encode()


def test_two_signatures_complete_the_justering(world, meeting):
    first = justering.sign(world.chair, meeting.pk, PASSWORD, today=DATE)
    assert not first.completed and first.signature.as_chair
    second = justering.sign(world.adjuster, meeting.pk, PASSWORD, today=DATE)
    assert second.completed and second.justering.completed_on == DATE
    assert fresh(meeting).adjustment.method == "digital"
    assert AuditEvent.objects.filter(action="justering", body_id=world.body.pk).count() == 2
    key = SigningKey.objects.get(user=world.chair)
    assert PASSWORD.encode() not in bytes(key.encrypted_private_key)
    assert all(f.ok for f in justering.verify_meeting(meeting.pk))


def test_wrong_password_and_wrong_person_refused(world, meeting):
    with pytest.raises(Refused, match="Fel lösenord"):
        justering.sign(world.chair, meeting.pk, "fel", today=DATE)
    with pytest.raises(Refused, match="ordföranden och justerarna"):
        justering.sign(world.secretary, meeting.pk, PASSWORD, today=DATE)


def test_justering_after_14_days_is_warned(world, meeting):
    late = DATE + dt.timedelta(days=20)
    justering.sign(world.chair, meeting.pk, PASSWORD, today=late)
    result = justering.sign(world.adjuster, meeting.pk, PASSWORD, today=late)
    assert result.completed
    assert [w.code for w in result.warnings] == ["justering_late"]


def test_signed_paragraphs_are_immutable_at_the_model_layer(world, meeting):
    _adjust(world, meeting)
    i = item(meeting, 1)
    with pytest.raises(Immutable):
        record.record_decision(world.secretary, i.pk, i.version, "decision", "Ny text")
    i.decision = "tyst ändring"
    with pytest.raises(Immutable):
        i.save()
    with pytest.raises(Immutable):
        m.Motion.objects.create(item=i, position=9, text="smugglad")
    with pytest.raises(Immutable):
        record.declare_jav(world.secretary, i.pk, i.version, "Bo Berg")


def test_omedelbar_justering_of_chosen_paragraphs(world, meeting):
    i1 = item(meeting, 1)
    record.set_immediate(world.secretary, i1.pk, i1.version, True)
    result = _adjust(world, meeting, [1])
    assert result.justering.immediate and result.justering.paragraphs == [1]
    i3 = item(meeting, 3)
    record.record_decision(world.secretary, i3.pk, i3.version, "decision", "Fortfarande öppen")
    assert not hasattr(fresh(meeting), "adjustment") or fresh(meeting).adjustment.date is None
    # Changing who served on the justerad § 1 is refused; the later ones are still open.
    with pytest.raises(Immutable):
        record.depart(world.secretary, meeting.pk, fresh(meeting).version, "Bo Berg", after=0)


def test_verify_detects_a_changed_byte(world, meeting):
    _adjust(world, meeting)
    i = item(meeting, 3)
    # Someone edits the database behind the application's back (update() sends no signal).
    m.Item.objects.filter(pk=i.pk).update(decision="Nämnden godkänner förslagen.")
    findings = justering.verify_meeting(meeting.pk)
    assert findings and not any(f.ok for f in findings)
    assert "/items/2/decision" in findings[0].message and "byte" in findings[0].message


def test_verify_detects_a_forged_payload(world, meeting):
    _adjust(world, meeting)
    sig = Signature.objects.first()
    Signature.objects.filter(pk=sig.pk).update(payload=sig.payload.replace("Ekbacken", "Ekbacka"))
    assert any("stämmer inte" in f.message for f in justering.verify_meeting(meeting.pk))


def test_a_membership_changed_after_justering_leaves_the_signatures_valid(world, meeting):
    """The signed "who served" is the protocol's attendance lines, not a seat plan recomputed
    from today's memberships: a ledamot whose term is later recorded as ended before the
    meeting, or an ersättare order corrected, changes no signed byte."""
    _adjust(world, meeting)
    m.Membership.objects.filter(body=world.body, person__name="Eva Fors").update(
        end=DATE - dt.timedelta(days=1)
    )
    m.Membership.objects.filter(body=world.body, person__name="Per Ers").update(substitute_order=0)
    assert all(f.ok for f in justering.verify_meeting(meeting.pk))
    assert "Eva Fors" in json.loads(payload_bytes(meeting, [1]))["serving"]["1"]


def test_payload_follows_the_attendance_lines(world, meeting):
    """A changed attendance line of a signed § is a changed byte for verify."""
    _adjust(world, meeting)
    m.AttendanceEntry.objects.filter(meeting=meeting, name="Eva Fors").update(paragraphs=[[1, 2]])
    findings = justering.verify_meeting(meeting.pk)
    assert findings and not all(f.ok for f in findings)


def test_payload_covers_who_served(world, meeting):
    data = json.loads(payload_bytes(meeting, [1]))
    assert data["paragraphs"] == [1] and "Anna Ståhl" in data["serving"]["1"]


def test_rattelse_is_a_visible_separate_record(world, meeting):
    from protokoll.recording.outputs import protocol_html

    i = item(meeting, 1)
    record.record_decision(world.secretary, i.pk, i.version, "decision", "Nämnden godkänner förslaget.")
    _adjust(world, meeting)
    with pytest.raises(Refused, match="skäl"):
        justering.correct(world.secretary, i.pk, "decision", "x", "", "")
    c = justering.correct(
        world.secretary,
        i.pk,
        "decision",
        "Nämnden godkänner förslaget med ändring.",
        "skrivfel",
        "Anna Ståhl",
    )
    assert c.before == "Nämnden godkänner förslaget."
    assert fresh(i).decision == "Nämnden godkänner förslaget."  # the justerat row is unchanged
    html = protocol_html(meeting)
    assert "Rättelse i § 1" in html and "beslutad av Anna Ståhl" in html
    assert all(f.ok for f in justering.verify_meeting(meeting.pk))
    assert AuditEvent.objects.filter(action="correction").count() == 1
