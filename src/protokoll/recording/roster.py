"""Who sits on each §: the body's seats, presence in the room, jäv, and the derived attendance
rows (KL 5:66, 6:16, 6:27–30; DOMAIN 1.7–1.8). The rules are ``protokoll.domain.attendance``;
this module only feeds them from the database and writes their result back."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from protokoll.archive import models as m
from protokoll.domain import attendance as rules
from protokoll.domain.vocab import AttendanceGroup, AttendanceStatus
from protokoll.recording.models import Presence
from protokoll.recording.substitution import order_for


@dataclass(frozen=True)
class Roster:
    members: list[rules.Member]
    substitutes: list[rules.Substitute]
    parties: dict[str, str | None]
    chair: str | None


def memberships(body: m.Body, day) -> list[m.Membership]:
    return list(
        m.Membership.objects.filter(body=body)
        .filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))
        .select_related("person")
    )


def roster(meeting: m.Meeting) -> Roster:
    rows = memberships(meeting.body, meeting.date)
    members = [rules.Member(r.person.name, r.party) for r in rows if r.group == AttendanceGroup.MEMBER]
    subs = [
        rules.Substitute(r.person.name, r.party, r.substitute_order or 0)
        for r in rows
        if r.group == AttendanceGroup.SUBSTITUTE
    ]
    chair = next((r.person.name for r in rows if (r.role or "").lower() == "ordförande"), None)
    return Roster(members, subs, {r.person.name: r.party for r in rows}, chair)


def paragraphs(meeting: m.Meeting) -> list[int]:
    return sorted(p for p in meeting.items.values_list("paragraph", flat=True) if p is not None)


def present_map(meeting: m.Meeting, numbers: list[int]) -> dict[str, set[int]]:
    last = numbers[-1] if numbers else 0
    present: dict[str, set[int]] = {}
    for row in Presence.objects.filter(meeting=meeting).select_related("person"):
        end = row.last if row.last is not None else last
        present.setdefault(row.person.name, set()).update(n for n in numbers if row.first <= n <= end)
    return present


def conflicts(meeting: m.Meeting) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for paragraph, name in m.Conflict.objects.filter(item__meeting=meeting).values_list(
        "item__paragraph", "name"
    ):
        out.setdefault(paragraph, set()).add(name)
    return out


def cross_party(meeting: m.Meeting, r: Roster) -> rules.CrossPartyOrder:
    """The body's cross-party order in force on the meeting's date (``substitution``)."""
    return order_for(meeting.body_id, meeting.date, r.parties.values())


def plan(meeting: m.Meeting) -> rules.SeatPlan:
    """The seat plan of the meeting: per §, seat → who serves (``domain.attendance.seat_plan``).
    An empty seat takes the ersättare of the ledamot's own party in their decided order, then
    those of the parties the body's ``SubstitutePolicy`` names (KL 6:16; DOMAIN 1.8)."""
    r = roster(meeting)
    numbers = paragraphs(meeting)
    return rules.seat_plan(
        r.members,
        r.substitutes,
        numbers,
        present_map(meeting, numbers),
        conflicts(meeting),
        order=cross_party(meeting, r),
    )


def serving_on(meeting: m.Meeting, paragraph: int) -> set[str]:
    seats = plan(meeting)
    return rules.serving(seats, paragraph) if paragraph in seats else set()


def quorum(meeting: m.Meeting) -> dict[int, tuple[int, int, bool]]:
    """Per §: (serving, seats, quorate) — KL 6:27, shown on every § of the recording page."""
    seats = plan(meeting)
    size = len(roster(meeting).members)
    return {
        p: (len(rules.serving(seats, p)), size, rules.has_quorum(size, len(rules.serving(seats, p))))
        for p in seats
    }


def _seats_held(
    seats: rules.SeatPlan, numbers: list[int], name: str
) -> list[tuple[str, list[tuple[int, int]]]]:
    """The seats ``name`` held, in the order first taken, each with its § ranges."""
    held: dict[str, list[int]] = {}
    for p in numbers:
        seat = next((s for s, who in seats[p].items() if who == name), None)
        if seat is not None:
            held.setdefault(seat, []).append(p)
    return [(seat, rules.service_ranges({p: {seat: name} for p in ps}, name)) for seat, ps in held.items()]


def served_by_entries(meeting: m.Meeting | int, wanted: list[int]) -> dict[int, set[str]]:
    """Who served on each of ``wanted`` as the stored attendance lines say (the protocol's own
    record, KL 5:66). This, not a seat plan recomputed from today's memberships, is what a
    justering signs and what later changes are checked against: a membership ended or an
    ersättare order corrected after the meeting must not change a justerat protocol."""
    out: dict[int, set[str]] = {p: set() for p in wanted}
    rows = m.AttendanceEntry.objects.filter(meeting=meeting, serving=True).values_list("name", "paragraphs")
    for name, ranges in rows:
        for p in wanted:
            if ranges is None or any(a <= p <= b for a, b in ranges):
                out[p].add(name)
    return out


def _ranges_or_all(ranges: list[tuple[int, int]], numbers: list[int]) -> list[list[int]] | None:
    if numbers and ranges == [(numbers[0], numbers[-1])] and len(numbers) == numbers[-1] - numbers[0] + 1:
        return None
    return [list(r) for r in ranges]


def sync_attendance(meeting: m.Meeting) -> None:
    """Rewrite the meeting's attendance rows from presence, jäv and the seat plan (KL 5:66)."""
    r = roster(meeting)
    numbers = paragraphs(meeting)
    present = present_map(meeting, numbers)
    seats = rules.seat_plan(
        r.members, r.substitutes, numbers, present, conflicts(meeting), order=cross_party(meeting, r)
    )
    remote = set(Presence.objects.filter(meeting=meeting, remote=True).values_list("person__name", flat=True))
    persons = {p.name: p for p in m.Person.objects.filter(municipality=meeting.body.municipality)}
    m.AttendanceEntry.objects.filter(meeting=meeting).delete()
    rows = []
    for member in r.members:
        here = bool(present.get(member.name))
        served = rules.service_ranges(seats, member.name)
        rows.append(
            m.AttendanceEntry(
                meeting=meeting,
                name=member.name,
                party=member.party,
                role="ordförande" if member.name == r.chair else None,
                person=persons.get(member.name),
                group=AttendanceGroup.MEMBER,
                status=AttendanceStatus.PRESENT if here else AttendanceStatus.ABSENT,
                serving=bool(served),
                paragraphs=_ranges_or_all(served, numbers) if here else None,
                remote=member.name in remote,
            )
        )
    for sub in r.substitutes:
        if not present.get(sub.name):
            continue
        # One line per seat: an ersättare who sits in for one ledamot and later for another
        # is "ersätter A §§ 1–3" and "ersätter B §§ 4–9", never all of it for the first seat.
        turns = _seats_held(seats, numbers, sub.name) or [(None, [])]
        for seat, served in turns:
            rows.append(
                m.AttendanceEntry(
                    meeting=meeting,
                    name=sub.name,
                    party=sub.party,
                    person=persons.get(sub.name),
                    group=AttendanceGroup.SUBSTITUTE,
                    status=AttendanceStatus.PRESENT,
                    serving=bool(served),
                    replaces_name=seat,
                    replaces_party=r.parties.get(seat) if seat else None,
                    replaces=persons.get(seat) if seat else None,
                    paragraphs=_ranges_or_all(served, numbers) if served else None,
                    remote=sub.name in remote,
                )
            )
    for n, row in enumerate(rows):
        row.position = n
    m.AttendanceEntry.objects.bulk_create(rows)
