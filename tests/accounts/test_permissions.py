"""The permission API (protokoll.accounts.permissions): who may do what, per DOMAIN 1.10."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from protokoll.accounts import permissions as p
from protokoll.accounts.models import BodyRole
from protokoll.accounts.roles import Role
from protokoll.archive.models import Adjuster, Item
from protokoll.audit.models import AuditEvent

PARTICIPANTS_A = {"sekr_a", "ordf_a", "just_a", "led_a", "ers_a"}
EVERYONE = {
    "admin",
    "sekr_a",
    "ordf_a",
    "just_a",
    "led_a",
    "ers_a",
    "fore_detta_a",
    "sekr_b",
    "led_b",
    "inloggad",
}


def _who(world, check, body) -> set[str]:
    return {name for name, user in world.users.items() if check(user, body)}


def test_unpublished_and_secret_only_for_participants_of_that_body(world):
    a, b = world.bodies["A"], world.bodies["B"]
    assert _who(world, p.can_view_unpublished, a) == PARTICIPANTS_A
    assert _who(world, p.can_view_secret, a) == PARTICIPANTS_A
    assert _who(world, p.can_view_secret, b) == {"sekr_b", "led_b"}
    assert not p.can_view_secret(AnonymousUser(), a)


def test_record_publish_and_audit(world):
    a = world.bodies["A"]
    assert _who(world, p.can_record, a) == {"sekr_a"}
    assert _who(world, p.can_publish, a) == {"sekr_a"}
    assert _who(world, p.can_view_audit, a) == {"sekr_a", "admin"}
    assert _who(world, p.can_view_audit, None) == {"admin"}
    assert not p.can_view_audit(AnonymousUser(), a)


def test_inactive_user_loses_everything(world):
    user = world.users["sekr_a"]
    user.is_active = False
    assert not p.can_record(user, world.bodies["A"])
    assert not p.can_view_secret(user, world.bodies["A"])


def test_adjust_is_judged_on_the_meeting_date(world):
    meeting = world.published["A"]
    user = world.users["led_a"]
    assert not p.can_adjust(user, meeting)
    BodyRole.objects.create(
        user=user, body=meeting.body, role=Role.ADJUSTER, start=meeting.date, end=meeting.date
    )
    p.forget_roles(user)
    assert p.can_adjust(user, meeting)
    other_day = world.drafts["A"]
    assert not p.can_adjust(user, other_day)
    # the chair of body A is no justerare of body B's meeting
    chair = world.users["ordf_a"]
    BodyRole.objects.filter(user=chair).update(start=dt.date(2020, 1, 1))
    p.forget_roles(chair)
    assert p.can_adjust(chair, meeting)
    assert not p.can_adjust(chair, world.published["B"])


def test_adjust_by_linked_person_named_as_justerare(world):
    meeting = world.published["A"]
    named = Adjuster.objects.filter(meeting=meeting).exclude(person=None).first()
    user = world.users["ers_a"]
    role = BodyRole.objects.get(user=user)
    role.start, role.person = dt.date(2020, 1, 1), named.person
    role.save()
    p.forget_roles(user)
    assert p.can_adjust(user, meeting)
    assert not p.can_adjust(world.users["led_b"], meeting)


def test_require_raises_permission_denied(world):
    p.require(world.users["sekr_a"], p.Perm.RECORD, world.published["A"])
    with pytest.raises(PermissionDenied):
        p.require(world.users["sekr_b"], p.Perm.RECORD, world.published["A"])
    with pytest.raises(PermissionDenied):
        p.require(world.users["admin"], "view_secret", world.secret_items["A"])
    with pytest.raises(TypeError):
        p.require(world.users["sekr_a"], p.Perm.ADJUST, world.bodies["A"])


def test_visible_meetings_adds_own_drafts_only(world):
    public = set(p.visible_meetings(AnonymousUser()))
    assert public == {world.published["A"], world.published["B"]}
    assert set(p.visible_meetings(world.users["admin"])) == public
    assert set(p.visible_meetings(world.users["sekr_a"])) == public | {world.drafts["A"]}
    assert set(p.visible_meetings(world.users["led_b"])) == public | {world.drafts["B"]}
    assert set(p.visible_meetings(world.users["fore_detta_a"])) == public


def test_visible_items_secret_only_for_own_body(world):
    secret_a, secret_b = world.secret_items["A"], world.secret_items["B"]
    readable = set(p.visible_items(world.users["sekr_a"]))
    assert secret_a in readable and secret_b not in readable
    assert set(world.drafts["A"].items.all()) <= readable
    assert not set(world.drafts["B"].items.all()) & readable
    anon = set(p.visible_items(AnonymousUser()))
    assert secret_a not in anon and secret_b not in anon
    assert not {i.meeting_id for i in anon} & {world.drafts["A"].pk, world.drafts["B"].pk}
    listed = set(p.listed_items(AnonymousUser()))
    assert secret_a in listed  # shown as its number and a marker


def test_read_secret_item_checks_and_logs(world):
    item = Item.objects.select_related("meeting").get(pk=world.secret_items["A"].pk)
    with pytest.raises(PermissionDenied):
        p.read_secret_item(world.users["sekr_b"], item)
    with pytest.raises(PermissionDenied):
        p.read_secret_item(world.users["admin"], item)
    assert not AuditEvent.objects.filter(action="read_secret").exists()
    assert p.read_secret_item(world.users["led_a"], item) == item
    event = AuditEvent.objects.get(action="read_secret")
    assert (event.actor_username, event.body_id, event.object_id) == (
        "led_a",
        item.meeting.body_id,
        str(item.pk),
    )
    assert "KanarieTitelA" not in event.summary
    # an open § is read without an event
    open_item = world.published["A"].items.get(paragraph=22)
    p.read_secret_item(AnonymousUser(), open_item)
    assert AuditEvent.objects.filter(action="read_secret").count() == 1


def test_draft_item_hidden_from_other_body(world):
    draft_item = world.drafts["A"].items.first()
    assert p.can_view_item(world.users["led_a"], draft_item)
    assert not p.can_view_item(world.users["sekr_b"], draft_item)
    with pytest.raises(PermissionDenied):
        p.read_secret_item(world.users["sekr_b"], draft_item)


def test_granting_a_role_in_the_admin_is_logged(world):
    from django.test import Client

    admin_user = world.users["admin"]
    admin_user.is_staff = True
    admin_user.save()
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        "/admin/accounts/bodyrole/add/",
        {
            "user": world.users["inloggad"].pk,
            "body": world.bodies["B"].pk,
            "role": "member",
            "start": "",
            "end": "",
            "person": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert p.can_view_secret(world.users["inloggad"], world.bodies["B"])
    event = AuditEvent.objects.get(action="role_change")
    assert (event.actor_username, event.body_id) == ("admin", world.bodies["B"].pk)
