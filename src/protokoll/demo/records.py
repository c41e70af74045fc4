"""The records of a generated meeting in their ``protokoll/1`` JSON form: items and attendance."""

from __future__ import annotations

import random

from protokoll.demo.attendance import Sitting
from protokoll.demo.items import person


def blank_item(paragraph: int) -> dict:
    return {
        "paragraph": paragraph,
        "case_number": None,
        "case": None,
        "title": None,
        "confidential": False,
        "outcome": None,
        "decision": None,
        "proposed_decision": None,
        "background": None,
        "motions": [],
        "proposition_order": None,
        "votes": [],
        "reservations": [],
        "statements": [],
        "conflicts": [],
        "assignments": [],
        "sent_to": [],
        "attachments": [],
        "immediately_adjusted": False,
        "provenance": None,
    }


def dispatch(spec, rng: random.Random) -> list[dict]:
    out = [{"recipient": spec.administration, "purpose": "action"}]
    extra = rng.choice((None, "Kommunstyrelsen", "Ekonomiavdelningen", "Kommunens revisorer"))
    if extra and extra != spec.name:
        out.append({"recipient": extra, "purpose": "information"})
    return out


def _ranges(lo: int, hi: int, sitting: Sitting) -> list | None:
    return None if (lo, hi) == (sitting.first, sitting.last) else [[lo, hi]]


def attendance_entries(sitting: Sitting) -> list[dict]:
    """In the order the protocol lists them: beslutande, övriga närvarande, frånvarande."""
    roles = sitting.body.roles
    out: list[dict] = []

    def entry(
        name,
        party,
        role,
        group,
        status="present",
        serving=False,
        replaces=None,
        paragraphs=None,
        remote=False,
    ):
        out.append(
            {
                "name": name,
                "party": party,
                "role": role,
                "group": group,
                "status": status,
                "serving": serving,
                "replaces": replaces,
                "paragraphs": paragraphs,
                "remote": remote,
                "note": None,
            }
        )

    for seg in sitting.segments:
        if seg.substitute_for is None:
            entry(
                seg.person.name,
                seg.person.party,
                roles.get(seg.person.name),
                "member",
                serving=True,
                paragraphs=_ranges(seg.lo, seg.hi, sitting),
                remote=seg.person.name in sitting.remote,
            )
    for seg in sitting.segments:
        if seg.substitute_for is not None:
            entry(
                seg.person.name,
                seg.person.party,
                None,
                "substitute",
                serving=True,
                replaces=person(seg.substitute_for),
                paragraphs=_ranges(seg.lo, seg.hi, sitting),
            )
    for p in sitting.idle_substitutes:
        entry(p.name, p.party, None, "substitute")
    for name, title, part in sitting.officials:
        entry(name, None, title, "official", paragraphs=[list(part)] if part else None)
    for name, title, part in sitting.others:
        entry(name, None, title, "other", paragraphs=[list(part)] if part else None)
    for p in sitting.absent_members:
        entry(p.name, p.party, roles.get(p.name), "member", status="absent")
    for p in sitting.absent_substitutes:
        entry(p.name, p.party, None, "substitute", status="absent")
    return out
