"""What every page shares: rendering, the 404 answer, links to public objects."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from protokoll.archive.models import Body, Meeting, Municipality
from protokoll.web import public
from protokoll.web.masking import mask_personnummer


def page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    """A public page. Its imported text is masked once here, in the rendered HTML, rather than
    in each ``{{ … }}`` of each template, so that a field a template prints later cannot leak a
    personnummer (DOMAIN 1.10, checklist 37); the mask holds no character HTML would escape."""
    response = render(request, f"pages/{template}", context, status=status)
    response.content = mask_personnummer(response.content.decode(response.charset)).encode(response.charset)
    return response


def meeting_url(meeting: Meeting) -> str:
    body = meeting.body
    return reverse(
        "protocol",
        kwargs={"municipality": body.municipality.slug, "body": body.slug, "date": meeting.date},
    )


def body_url(body: Body) -> str:
    return reverse("body", kwargs={"municipality": body.municipality.slug, "body": body.slug})


def case_url(municipality: Municipality, key: str) -> str:
    return reverse("case", kwargs={"municipality": municipality.slug, "key": key})


def public_municipality(slug: str) -> Municipality:
    """A municipality with at least one published meeting; otherwise 404, so that an archive
    being prepared is not announced by its name."""
    meeting = public.public_meetings().filter(body__municipality__slug=slug).first()
    if meeting is None:
        raise Http404("Kommunen finns inte i arkivet.")
    return meeting.body.municipality


def public_body(municipality_slug: str, body_slug: str) -> Body:
    meeting = (
        public.public_meetings()
        .filter(body__municipality__slug=municipality_slug, body__slug=body_slug)
        .first()
    )
    if meeting is None:
        raise Http404("Organet finns inte i arkivet.")
    return meeting.body


def api_url(name: str, *args) -> str:
    """A URL of the API area (feeds, calendars), or "" when the API is not installed."""
    try:
        return reverse(f"api:{name}", args=args)
    except NoReverseMatch:
        return ""
