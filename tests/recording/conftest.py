"""A small nämnd with five ledamöter and three ersättare, a secretary, a chair and a justerare
(invented names)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from protokoll.accounts.models import BodyRole
from protokoll.accounts.roles import Role
from protokoll.archive import models as m
from protokoll.recording import prepare

DATE = dt.date(2026, 3, 11)  # a Wednesday
PASSWORD = "rätt-lösen-123"
MEMBERS = [
    ("Anna Ståhl", "S", "ordförande"),
    ("Bo Berg", "M", None),
    ("Cia Dal", "S", None),
    ("Dan Ek", "C", None),
    ("Eva Fors", "M", None),
]
SUBSTITUTES = [("Sara Ers", "S", 1), ("Mats Ers", "M", 1), ("Per Ers", "S", 2)]


@dataclass
class World:
    body: m.Body
    secretary: object
    chair: object
    adjuster: object
    outsider: object
    meeting: m.Meeting | None = None


def _user(name: str, first: str = "", last: str = ""):
    return get_user_model().objects.create_user(name, password=PASSWORD, first_name=first, last_name=last)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # PBKDF2's deliberate slowness would dominate these tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> World:
    body = prepare.body("Testkommun", "Miljönämnden")
    for name, party, role in MEMBERS:
        prepare.add_membership(body, name, party=party, role=role)
    for name, party, order in SUBSTITUTES:
        prepare.add_membership(body, name, party=party, substitute=True, order=order)
    secretary, chair, adjuster, outsider = (
        _user("sekr", "Siv", "Sekr"),
        _user("ordf", "Anna", "Ordf"),
        _user("just", "Bo", "Berg"),
        _user("annan"),
    )
    BodyRole.objects.create(user=secretary, body=body, role=Role.SECRETARY)
    BodyRole.objects.create(user=chair, body=body, role=Role.CHAIR)
    BodyRole.objects.create(user=adjuster, body=body, role=Role.ADJUSTER)
    return World(body, secretary, chair, adjuster, outsider)


def fresh(obj):
    obj.refresh_from_db()
    return obj


@pytest.fixture
def meeting(world) -> m.Meeting:
    """A meeting with three §§ (the second under sekretess), everyone but Dan Ek present."""
    meeting = prepare.create_meeting(
        world.secretary,
        world.body,
        DATE,
        start=dt.time(9, 0),
        place="Sessionssalen",
        secretary="Siv Sekr",
        adjusters=["Bo Berg"],
    )
    for title, secret in (
        ("Detaljplan för Ekbacken", False),
        ("Tillsyn enskild", True),
        ("Budget 2027", False),
    ):
        prepare.add_item(
            world.secretary,
            meeting.pk,
            fresh(meeting).version,
            title=title,
            dnr="MN 2026/12" if not secret else None,
            proposed_decision="Nämnden godkänner förslaget.",
            secret=secret,
            osl_reference="OSL 26 kap. 1 §" if secret else "",
        )
    from protokoll.recording import record

    names = [n for n, _, _ in MEMBERS if n != "Dan Ek"] + ["Sara Ers", "Mats Ers"]
    record.all_present(world.secretary, meeting.pk, fresh(meeting).version, names)
    world.meeting = fresh(meeting)
    return world.meeting


def item(meeting: m.Meeting, paragraph: int) -> m.Item:
    return m.Item.objects.get(meeting=meeting, paragraph=paragraph)
