"""The body's cross-party ersättare order (KL 6:16; DOMAIN 1.8, checklist 33).

In the meeting fixture Dan Ek (C) is absent and the body has no C ersättare; Sara Ers (S) and
Mats Ers (M) are present but not needed by their own parties."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from protokoll.archive import models as m
from protokoll.audit.models import AuditEvent
from protokoll.recording.errors import Refused
from protokoll.recording.models import Justering
from protokoll.recording.roster import serving_on
from protokoll.recording.substitution import cross_party_order, set_policy
from tests.recording.conftest import DATE


def test_order_is_list_then_group_then_others_never_own_party():
    order = cross_party_order(
        ["S", "M", "C", "V", "KD"],
        {"C": ["KD", "C", "M"]},
        groups=[["S", "V", "C"]],
        then_others=True,
    )
    assert order["C"] == ["KD", "M", "S", "V"]  # list, then its group, nothing twice, not C
    assert order["S"] == ["V", "C", "KD", "M"]  # group, then the rest alphabetically
    assert order["KD"] == ["C", "M", "S", "V"]


def test_without_a_policy_no_other_party_is_called():
    assert cross_party_order(["S", "C"], {}) == {}


def _seat_of_dan(meeting) -> str | None:
    row = m.AttendanceEntry.objects.filter(meeting=meeting, replaces_name="Dan Ek").first()
    return row.name if row else None


def test_no_policy_leaves_the_seat_empty(world, meeting):
    assert _seat_of_dan(meeting) is None and len(serving_on(meeting, 1)) == 4


def test_decided_list_fills_the_seat_across_parties(world, meeting):
    set_policy(world.secretary, world.body, valid_from=dt.date(2026, 1, 1), party_order={"C": ["M", "S"]})
    assert "Mats Ers" in serving_on(meeting, 1) and "Sara Ers" not in serving_on(meeting, 1)
    assert _seat_of_dan(meeting) == "Mats Ers"  # the stored "ersätter Dan Ek" row follows
    event = AuditEvent.objects.filter(
        action="change_before_justering", object_type="recording.substitutepolicy"
    )
    assert event.get().actor == world.secretary


def test_falls_back_from_a_party_with_nobody_present_to_the_group(world, meeting):
    set_policy(
        world.secretary,
        world.body,
        valid_from=dt.date(2026, 1, 1),
        party_order={"C": ["KD"]},  # no KD ersättare in the body
        groups=[["S", "C"], ["M", "KD"]],
    )
    assert _seat_of_dan(meeting) == "Sara Ers"  # S: first in C's group


def test_then_others_takes_the_first_remaining_party(world, meeting):
    set_policy(world.secretary, world.body, valid_from=dt.date(2026, 1, 1), then_others=True)
    assert _seat_of_dan(meeting) == "Mats Ers"  # M before S alphabetically


def test_a_policy_decided_after_the_meeting_does_not_apply(world, meeting):
    set_policy(world.secretary, world.body, valid_from=DATE + dt.timedelta(days=1), then_others=True)
    assert _seat_of_dan(meeting) is None
    set_policy(world.secretary, world.body, valid_from=DATE, party_order={"C": ["S"]})
    assert _seat_of_dan(meeting) == "Sara Ers"


def test_refused_for_a_justerad_meeting_and_for_others_than_the_secretary(world, meeting):
    Justering.objects.create(meeting=meeting, paragraphs=[1, 2, 3], completed_on=DATE)
    with pytest.raises(Refused, match="redan justerat"):
        set_policy(world.secretary, world.body, valid_from=DATE, then_others=True)
    assert _seat_of_dan(meeting) is None
    set_policy(world.secretary, world.body, valid_from=DATE + dt.timedelta(days=1), then_others=True)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        set_policy(world.chair, world.body, valid_from=DATE, then_others=True)


def test_form_and_api(client, world, meeting):
    client.force_login(world.secretary)
    url = f"/intern/organ/{world.body.pk}/ersattare/"
    page = client.get(url)
    assert page.status_code == 200 and "Ingen ordning beslutad" in page.content.decode()
    r = client.post(url, {"valid_from": "2026-01-01", "party_order": "C: S, M", "decided_by": "KF § 5"})
    assert r.status_code == 302 and _seat_of_dan(meeting) == "Sara Ers"
    r = client.post(url, {"valid_from": "2026-01-01", "party_order": "C S M"})
    assert r.status_code == 400 and "C: M, S" in r.content.decode() and "C S M" in r.content.decode()
    api = f"/intern/api/organ/{world.body.pk}/ersattarordning"
    r = client.post(
        api,
        json.dumps({"valid_from": "2026-02-01", "groups": [["C", "M"]]}),
        content_type="application/json",
    )
    assert r.status_code == 200 and _seat_of_dan(meeting) == "Mats Ers"
    listed = client.get(api).json()["policies"]
    assert [p["valid_from"] for p in listed] == ["2026-02-01", "2026-01-01"]
    assert listed[1]["party_order"] == {"C": ["S", "M"]} and listed[1]["decided_by"] == "KF § 5"
    bad = client.post(
        api, json.dumps({"valid_from": "2026-02-01", "groups": "C"}), content_type="application/json"
    )
    assert bad.status_code == 400
    client.force_login(world.outsider)
    assert client.get(url).status_code == 403 and client.get(api).status_code == 403


def test_an_imported_meeting_keeps_the_attendance_its_text_gives(world, meeting):
    imported = m.Meeting.objects.create(
        body=world.body, date=DATE + dt.timedelta(days=7), content_hash="0" * 64
    )
    m.AttendanceEntry.objects.create(
        meeting=imported, position=0, group="member", name="Ida Importerad", party="C", serving=True
    )
    set_policy(world.secretary, world.body, valid_from=dt.date(2026, 1, 1), party_order={"C": ["M", "S"]})
    assert list(imported.attendance.values_list("name", flat=True)) == ["Ida Importerad"]
    assert _seat_of_dan(meeting) == "Mats Ers"
