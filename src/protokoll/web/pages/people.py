"""Person and party pages: attendance, votes, reservations and yrkanden, with charts that are
also data tables. Only published meetings and readable §§ count (web/public.py)."""

from __future__ import annotations

import re
from collections import Counter

from django.http import Http404, HttpRequest, HttpResponse

from protokoll.archive import models as m
from protokoll.web.pages import figures, labels
from protokoll.web.pages.common import meeting_url, page, public_municipality

RECENT = 50
_PARTY = re.compile(r"^[A-ZÅÄÖ]{1,8}$")


def person_index(request: HttpRequest, municipality: str) -> HttpResponse:
    muni = public_municipality(municipality)
    rows = (
        figures.public_attendance()
        .filter(meeting__body__municipality=muni, person__isnull=False)
        .values_list("person_id", "person__name", "party")
    )
    persons: dict[int, tuple[str, Counter]] = {}
    for pk, name, party in rows:
        persons.setdefault(pk, (name, Counter()))[1][party] += 1
    listed = sorted(
        ((pk, name, parties.most_common(1)[0][0]) for pk, (name, parties) in persons.items()),
        key=lambda r: r[1],
    )
    return page(request, "persons.html", {"municipality": muni, "persons": listed})


def _ballot_rows(ballots) -> list[dict]:
    rows = ballots.select_related("vote__item__meeting__body__municipality").order_by(
        "-vote__item__meeting__date", "vote__item__paragraph"
    )[:RECENT]
    return [
        {
            "date": b.vote.item.meeting.date,
            "body": b.vote.item.meeting.body.name,
            "paragraph": b.vote.item.paragraph,
            "title": b.vote.item.title,
            "url": f"{meeting_url(b.vote.item.meeting)}#p{b.vote.item.paragraph}",
            "choice": labels.label(labels.CHOICE, b.choice),
            "choice_code": b.choice,
            "party": b.party,
        }
        for b in rows
    ]


def _authored(authors, relation: str) -> list[dict]:
    rows = authors.select_related(f"{relation}__item__meeting__body__municipality", relation).order_by(
        f"-{relation}__item__meeting__date", f"{relation}__item__paragraph"
    )[:RECENT]
    out = []
    for a in rows:
        parent = getattr(a, relation)
        item = parent.item
        out.append(
            {
                "date": item.meeting.date,
                "body": item.meeting.body.name,
                "paragraph": item.paragraph,
                "title": item.title,
                "url": f"{meeting_url(item.meeting)}#p{item.paragraph}",
                "text": parent.text,
                "kind": labels.label(labels.MOTION, getattr(parent, "kind", None)),
            }
        )
    return out


def _figures(muni, ballots, reservations, motions, attendance) -> dict:
    choices = figures.choices_of(ballots)
    cast, against = figures.against_majority(ballots)
    return {
        "attendance": figures.attendance_of(attendance),
        "choices": figures.with_bars(
            [(labels.label(labels.CHOICE, c), c, n) for c, n in choices], lambda r: r[2]
        ),
        "ballot_total": sum(n for _, n in choices),
        "cast": cast,
        "against": against,
        "against_rate": against / cast if cast else None,
        "reservation_count": reservations.count(),
        "motion_count": motions.count(),
    }


def person(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    muni = public_municipality(municipality)
    attendance = figures.public_attendance().filter(person_id=pk, meeting__body__municipality=muni)
    someone = m.Person.objects.filter(pk=pk, municipality=muni).first()
    if someone is None or not attendance.exists():
        raise Http404("Personen finns inte i arkivet.")
    ballots = figures.open_ballots().filter(person_id=pk)
    reservations = figures.open_reservation_authors().filter(person_id=pk)
    motions = figures.open_motion_authors().filter(person_id=pk)
    parties = Counter(attendance.exclude(party=None).values_list("party", flat=True))
    by_body = Counter(attendance.values_list("meeting__body__name", flat=True))
    return page(
        request,
        "person.html",
        {
            "municipality": muni,
            "person": someone,
            "parties": [p for p, _ in parties.most_common()],
            "bodies": sorted(by_body.items()),
            **_figures(muni, ballots, reservations, motions, attendance),
            "ballots": _ballot_rows(ballots),
            "reservations": _authored(reservations, "reservation"),
            "motions": _authored(motions, "motion"),
        },
    )


def party(request: HttpRequest, municipality: str, party: str) -> HttpResponse:
    muni = public_municipality(municipality)
    if not _PARTY.match(party):
        raise Http404("Partiet finns inte i arkivet.")
    attendance = figures.public_attendance().filter(party=party, meeting__body__municipality=muni)
    if not attendance.exists():
        raise Http404("Partiet finns inte i arkivet.")
    in_muni = {"vote__item__meeting__body__municipality": muni}
    ballots = figures.open_ballots().filter(party=party, **in_muni)
    reservations = figures.open_reservation_authors().filter(
        party=party, reservation__item__meeting__body__municipality=muni
    )
    motions = figures.open_motion_authors().filter(
        party=party, motion__item__meeting__body__municipality=muni
    )
    members = sorted(
        set(
            attendance.filter(person__isnull=False)
            .values_list("person_id", "person__name")
            .order_by()
            .distinct()
        ),
        key=lambda r: r[1],
    )
    by_body = figures.dissent_by_party(
        ballots, m.ReservationAuthor.objects.none(), group="vote__item__meeting__body__name"
    )
    return page(
        request,
        "party.html",
        {
            "municipality": muni,
            "party": party,
            "members": members,
            **_figures(muni, ballots, reservations, motions, attendance),
            "by_body": figures.with_bars(sorted(by_body, key=lambda r: r.party), lambda r: r.rate, scale=1.0),
            "reservations": _authored(reservations, "reservation"),
            "motions": _authored(motions, "motion"),
        },
    )
