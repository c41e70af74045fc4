"""Start page, municipality page and body page (calendar of meetings and dissent figures)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.http import HttpRequest, HttpResponse

from protokoll.insights.stats import body_dissent
from protokoll.web import public
from protokoll.web.pages import figures, labels
from protokoll.web.pages.common import api_url, page, public_body, public_municipality

LATEST = 10


def _bodies_by_municipality(meetings) -> dict:
    """{municipality: [(body, meeting count, last date)]} from the public meetings given."""
    rows = meetings.order_by().values("body_id").annotate(n=Count("id")).values_list("body_id", "n")
    counts = dict(rows)
    from protokoll.archive.models import Body

    bodies = Body.objects.filter(pk__in=counts).select_related("municipality")
    grouped: dict = defaultdict(list)
    for body in bodies:
        grouped[body.municipality].append((body, counts[body.pk]))
    return dict(sorted(grouped.items(), key=lambda kv: kv[0].name))


def home(request: HttpRequest) -> HttpResponse:
    meetings = public.public_meetings()
    return page(
        request,
        "home.html",
        {
            "municipalities": _bodies_by_municipality(meetings),
            "latest": list(meetings.order_by("-date", "body__name")[:LATEST]),
        },
    )


def municipality(request: HttpRequest, municipality: str) -> HttpResponse:
    muni = public_municipality(municipality)
    meetings = public.public_meetings().filter(body__municipality=muni)
    parties = sorted(
        p
        for p in figures.public_attendance()
        .filter(meeting__body__municipality=muni)
        .exclude(party=None)
        .values_list("party", flat=True)
        .order_by()
        .distinct()
    )
    return page(
        request,
        "municipality.html",
        {
            "municipality": muni,
            "bodies": _bodies_by_municipality(meetings).get(muni, []),
            "latest": list(meetings.order_by("-date", "body__name")[:LATEST]),
            "parties": parties,
        },
    )


def _year(request: HttpRequest, years: list[int]) -> int:
    wanted = request.GET.get("ar", "")
    if wanted.isdigit() and int(wanted) in years:
        return int(wanted)
    return years[0]


def _calendar(meetings: list, year: int) -> list[tuple[str, list]]:
    months: list[list] = [[] for _ in range(12)]
    for meeting in meetings:
        months[meeting.date.month - 1].append(meeting)
    return [(labels.MONTH_NAMES[i], sorted(ms, key=lambda m: m.date)) for i, ms in enumerate(months)]


def body(request: HttpRequest, municipality: str, body: str) -> HttpResponse:
    organ = public_body(municipality, body)
    meetings = public.public_meetings().filter(body=organ)
    years = sorted({d.year for d in meetings.values_list("date", flat=True)}, reverse=True)
    year = _year(request, years)
    in_year = list(meetings.filter(date__year=year).order_by("date"))
    dissent = body_dissent(organ)
    return page(
        request,
        "body.html",
        {
            "body": organ,
            "municipality": organ.municipality,
            "kind": labels.label(labels.BODY_KIND, organ.kind),
            "years": years,
            "year": year,
            "calendar": _calendar(in_year, year),
            "count": len(in_year),
            "dissent": figures.with_bars(dissent, lambda r: r.ballots.rate, scale=1.0),
            "reservation_bars": figures.with_bars(dissent, lambda r: r.reservations),
            "decisions_feed": api_url("body-decisions-feed", organ.pk),
            "meetings_feed": api_url("body-meetings-feed", organ.pk),
            "calendar_ics": api_url("body-ics", organ.pk),
        },
    )
