"""Person and party pages: attendance, votes, reservations and yrkanden, with charts that are
also data tables. Only published meetings and readable §§ count (web/public.py)."""

from __future__ import annotations

import re
from collections import Counter

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from protokoll.archive import models as m
from protokoll.insights.stats import party_stats, person_stats
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


def _ballot_rows(stats) -> list[dict]:
    rows = []
    for b in reversed(stats.ballots[-RECENT:]):
        where = {"municipality": b.item.municipality_slug, "body": b.item.body_slug, "date": b.item.date}
        rows.append(
            {
                "date": b.item.date,
                "body": b.item.body_name,
                "paragraph": b.item.paragraph,
                "title": b.item.title,
                "url": f"{reverse('protocol', kwargs=where)}#p{b.item.paragraph}",
                "choice": labels.label(labels.CHOICE, b.choice),
                "against": b.against_majority,
                "decided": b.winning_side is not None,
            }
        )
    return rows


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


def _figures(attendance, counts: dict[str, int], against, reservations: int, motions: int) -> dict:
    """The context of pages/figures.html, from ``insights.stats``."""
    return {
        "attendance": attendance,
        "choices": figures.with_bars(
            [(labels.label(labels.CHOICE, c), c, n) for c, n in counts.items()], lambda r: r[2]
        ),
        "ballot_total": sum(counts.values()),
        "against": against,
        "reservation_count": reservations,
        "motion_count": motions,
    }


def person(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    muni = public_municipality(municipality)
    someone = m.Person.objects.filter(pk=pk, municipality=muni).first()
    if someone is None or not figures.public_attendance().filter(person=someone).exists():
        raise Http404("Personen finns inte i arkivet.")
    stats = person_stats(someone)
    return page(
        request,
        "person.html",
        {
            "municipality": muni,
            "person": someone,
            "parties": stats.parties,
            "bodies": stats.bodies,
            **_figures(
                stats.attendance, stats.ballot_counts, stats.against, stats.reservations, stats.motions
            ),
            "ballots": _ballot_rows(stats),
            "reservations": _authored(
                figures.open_reservation_authors().filter(person=someone), "reservation"
            ),
            "motions": _authored(figures.open_motion_authors().filter(person=someone), "motion"),
        },
    )


def party(request: HttpRequest, municipality: str, party: str) -> HttpResponse:
    muni = public_municipality(municipality)
    if not _PARTY.match(party):
        raise Http404("Partiet finns inte i arkivet.")
    if not figures.public_attendance().filter(party=party, meeting__body__municipality=muni).exists():
        raise Http404("Partiet finns inte i arkivet.")
    stats = party_stats(muni, party)
    reservations = figures.open_reservation_authors().filter(
        party=party, reservation__item__meeting__body__municipality=muni
    )
    motions = figures.open_motion_authors().filter(
        party=party, motion__item__meeting__body__municipality=muni
    )
    return page(
        request,
        "party.html",
        {
            "municipality": muni,
            "party": party,
            "members": stats.members,
            **_figures(
                stats.attendance, stats.ballot_counts, stats.against, stats.reservations, stats.motions
            ),
            "by_body": figures.with_bars(stats.by_body, lambda r: r[1].rate, scale=1.0),
            "reservations": _authored(reservations, "reservation"),
            "motions": _authored(motions, "motion"),
        },
    )
