"""A small archive with two nämnder and one user per role, for the permission, matrix and canary
tests. All names and text are invented.

Body A (Socialnämnden) and body B (Miljönämnden) of one municipality each have a published
meeting whose § 24 is sekretess, and an unpublished meeting. Every secret or unpublished piece
of text carries a canary: an ASCII token (so that JSON escaping cannot hide it) that appears
nowhere else, listed in ``World.canaries``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from protokoll.accounts.models import BodyRole
from protokoll.accounts.roles import Role
from protokoll.archive.loading import load_document
from protokoll.archive.models import Body, Item, Meeting
from protokoll.document import example, parse_document

PASSWORD = "korrekt-hast-batteri-42"
_HASH: list[str] = []


def password_hash() -> str:
    """One real (PBKDF2) hash shared by every user: hashing is slow by design, once is enough."""
    if not _HASH:
        _HASH.append(make_password(PASSWORD))
    return _HASH[0]


#: user name → (body key or None, role) ; ``None`` role = no role at all
USERS: dict[str, tuple[str | None, Role | None]] = {
    "admin": (None, Role.ADMINISTRATOR),
    "sekr_a": ("A", Role.SECRETARY),
    "ordf_a": ("A", Role.CHAIR),
    "just_a": ("A", Role.ADJUSTER),
    "led_a": ("A", Role.MEMBER),
    "ers_a": ("A", Role.SUBSTITUTE),
    "fore_detta_a": ("A", Role.MEMBER),  # a ledamot whose term has ended
    "sekr_b": ("B", Role.SECRETARY),
    "led_b": ("B", Role.MEMBER),
    "inloggad": (None, None),  # logged in, no role anywhere
}


def _secret_item(tag: str, paragraph: int) -> dict:
    """A sekretess § whose every field holds a canary for body ``tag``."""
    serial = 97531 if tag == "A" else 98642
    return {
        "paragraph": paragraph,
        "case_number": f"SN 2025/{serial}",
        "case": {
            "raw": f"SN 2025/{serial}",
            "prefix": "SN",
            "year": 2025,
            "serial": serial,
            "classification": None,
            "document": None,
            "normalized": f"SN-2025-{serial}",
        },
        "title": f"Kontaktfamilj KanarieTitel{tag}",
        "confidential": True,
        "outcome": "decision",
        "decision": f"Nämnden beviljar KanarieBeslut{tag} insatsen.",
        "proposed_decision": f"Förslag KanarieForslag{tag}.",
        "background": f"Bakgrund KanarieBakgrund{tag} om den enskilde.",
        "motions": [
            {
                "by": [{"name": f"Kanariefagel Hemligsson{tag}", "party": "S", "role": None}],
                "kind": "approval",
                "text": f"Bifall KanarieYrkande{tag}.",
                "withdrawn": False,
            }
        ],
        "conflicts": [{"name": f"Javig Kanarisson{tag}", "party": "M", "role": None}],
        "votes": [
            {
                "question": f"Ja för KanarieFraga{tag}, nej för avslag.",
                "yes": 1,
                "no": 1,
                "abstain": 0,
                "absent": 0,
                "ballots": [
                    {
                        "person": {"name": f"Kanariefagel Hemligsson{tag}", "party": "S", "role": None},
                        "vote": "yes",
                    },
                    {"person": {"name": "Olof Dahlström", "party": "M", "role": None}, "vote": "no"},
                ],
                "casting_vote": True,
                "lottery": False,
            }
        ],
        "reservations": [
            {
                "by": [{"name": "Olof Dahlström", "party": "M", "role": None}],
                "text": f"Reservation KanarieReservation{tag}.",
                "written": True,
            }
        ],
        "assignments": [
            {
                "assignee": "Socialchefen",
                "task": f"följa upp KanarieUppdrag{tag}",
                "due": "2025-06-30",
                "report_to": None,
            }
        ],
        "sent_to": [{"recipient": f"Familjehemsenheten KanarieMottagare{tag}", "purpose": "action"}],
        "attachments": [f"Utredning KanarieBilaga{tag}"],
        "statements": [
            {
                "kind": "protocol_note",
                "by": [{"name": "Sofia Ekholm", "party": "V", "role": None}],
                "text": f"Anteckning KanarieAnteckning{tag}.",
            }
        ],
    }


def _documents(tag: str, body: str, published_date: str, draft_date: str) -> tuple[dict, dict]:
    base = example("full").to_json_dict()
    base["body"] = body
    published = {**base, "meeting": {**base["meeting"], "date": published_date}}
    published["items"] = [_secret_item(tag, 24) if it["paragraph"] == 24 else it for it in base["items"]]
    published["adjustment"] = None
    published["notice"] = None
    draft = {**base, "meeting": {**base["meeting"], "date": draft_date}, "adjustment": None, "notice": None}
    draft["items"] = [
        {
            "paragraph": 40 + i,
            "title": f"Utkast KanarieOpublTitel{tag}{i}",
            "outcome": "decision",
            "decision": f"Utkastbeslut KanarieOpublBeslut{tag}{i}.",
            "assignments": [
                {
                    "assignee": "Förvaltningen",
                    "task": f"utreda KanarieOpublUppdrag{tag}{i}",
                    "due": "2025-09-30",
                    "report_to": None,
                }
            ],
        }
        for i in range(3)
    ]
    draft["attendance"] = base["attendance"] + [
        {
            "name": f"Utkastperson KanarieOpublNamn{tag}",
            "party": "L",
            "role": None,
            "group": "member",
            "status": "present",
            "serving": True,
            "replaces": None,
            "paragraphs": None,
            "remote": False,
            "note": None,
        }
    ]
    return published, draft


def canaries_for(tag: str) -> dict[str, list[str]]:
    return {
        "secret": [
            f"KanarieTitel{tag}",
            f"KanarieBeslut{tag}",
            f"KanarieForslag{tag}",
            f"KanarieBakgrund{tag}",
            f"KanarieYrkande{tag}",
            f"KanarieAnteckning{tag}",
            f"Hemligsson{tag}",
            f"Kanarisson{tag}",
            f"KanarieFraga{tag}",
            f"KanarieReservation{tag}",
            f"KanarieUppdrag{tag}",
            f"KanarieMottagare{tag}",
            f"KanarieBilaga{tag}",
            "97531" if tag == "A" else "98642",
        ],
        "unpublished": [
            f"KanarieOpublTitel{tag}",
            f"KanarieOpublBeslut{tag}",
            f"KanarieOpublNamn{tag}",
            f"KanarieOpublUppdrag{tag}",
        ],
    }


@dataclass
class World:
    bodies: dict[str, Body]
    published: dict[str, Meeting]
    drafts: dict[str, Meeting]
    secret_items: dict[str, Item]
    users: dict = field(default_factory=dict)
    canaries: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def other(self, tag: str) -> str:
        return "B" if tag == "A" else "A"


def build_world() -> World:
    bodies, published, drafts, secrets = {}, {}, {}, {}
    for tag, name, pub_date, draft_date in (
        ("A", "Socialnämnden", "2025-03-18", "2025-04-15"),
        ("B", "Miljönämnden", "2025-03-20", "2025-04-17"),
    ):
        pub_doc, draft_doc = _documents(tag, name, pub_date, draft_date)
        meeting = load_document(parse_document(pub_doc)).meeting
        draft = load_document(parse_document(draft_doc)).meeting
        Meeting.objects.filter(pk=draft.pk).update(published=False)
        draft.refresh_from_db()
        bodies[tag], published[tag], drafts[tag] = meeting.body, meeting, draft
        secrets[tag] = meeting.items.get(paragraph=24)
    world = World(bodies, published, drafts, secrets)
    world.canaries = {tag: canaries_for(tag) for tag in ("A", "B")}
    User = get_user_model()
    today = timezone.localdate()
    for username, (tag, role) in USERS.items():
        user = User.objects.create(
            username=username, password=password_hash(), is_superuser=role is Role.ADMINISTRATOR
        )
        if tag is not None:
            ended = username.startswith("fore_detta")
            BodyRole.objects.create(
                user=user,
                body=bodies[tag],
                role=role,
                start=today - dt.timedelta(days=800) if ended else today - dt.timedelta(days=30),
                end=today - dt.timedelta(days=1) if ended else None,
            )
        world.users[username] = user
    return world


@pytest.fixture
def world(db) -> World:
    """The two-body world, built afresh for each test (inside its transaction)."""
    return build_world()
