"""Resource views of the JSON API: each parses its filters, takes public rows from
``queries`` and serialises them with ``shapes`` (thin views, STYLE.md 1)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest

from protokoll.archive import models as m
from protokoll.web.api import memberships, queries, shapes
from protokoll.web.api.links import OPARL, Links
from protokoll.web.api.paging import BadParameter, date_param, datetime_param, int_param, paginate
from protokoll.web.api.redact import public_document
from protokoll.web.api.respond import api_view, json_response
from protokoll.web.public import open_items


@api_view
def index(request: HttpRequest):
    """The entry point, shaped like an OParl System object plus the extension lists."""
    links = Links(request)
    return json_response(
        {
            "id": links.url("index"),
            "type": OPARL + "System",
            "oparlVersion": "https://schema.oparl.org/1.1/",
            "name": "protokoll – öppna sammanträdesprotokoll",
            "body": links.url("municipality-list"),
            "openapi": links.url("openapi"),
            "lists": {
                "municipalities": links.url("municipality-list"),
                "bodies": links.url("body-list"),
                "meetings": links.url("meeting-list"),
                "agendaItems": links.url("agenda-item-list"),
                "persons": links.url("person-list"),
                "memberships": links.url("membership-list"),
                "parties": links.url("party-list"),
                "votes": links.url("vote-list"),
                "reservations": links.url("reservation-list"),
                "conflicts": links.url("conflict-list"),
                "assignments": links.url("assignment-list"),
                "uppdrag": links.url("uppdrag-ledger"),
                "cases": links.url("case-list"),
            },
            "search": links.url("search"),
            "exports": {
                "decisions": links.url("export-decisions"),
                "ballots": links.url("export-ballots"),
                "dump": links.url("export-dump"),
            },
        }
    )


def _listing(request: HttpRequest, rows, serialize_one) -> object:
    links = Links(request)
    return json_response(paginate(request, rows, lambda chunk: [serialize_one(r, links) for r in chunk]))


def _by_meeting_filters(request: HttpRequest, rows: QuerySet, prefix: str) -> QuerySet:
    """``meeting``, ``body``, ``municipality`` and ``modified_since`` through ``prefix``
    ("" for meetings, "meeting__" for items, "item__meeting__" for rows of an item)."""
    meeting = int_param(request, "meeting")
    body = int_param(request, "body")
    municipality = int_param(request, "municipality")
    since = datetime_param(request, "modified_since")
    start, end = date_param(request, "from"), date_param(request, "to")
    if meeting is not None:
        rows = rows.filter(**{f"{prefix}pk" if not prefix else f"{prefix[:-2]}_id": meeting})
    if body is not None:
        rows = rows.filter(**{f"{prefix}body_id": body})
    if municipality is not None:
        rows = rows.filter(**{f"{prefix}body__municipality_id": municipality})
    if since is not None:
        rows = rows.filter(**{f"{prefix}updated_at__gte": since})
    if start is not None:
        rows = rows.filter(**{f"{prefix}date__gte": start})
    if end is not None:
        rows = rows.filter(**{f"{prefix}date__lte": end})
    return rows


@api_view
def municipality_list(request):
    return _listing(request, queries.municipalities(), shapes.municipality)


@api_view
def municipality_detail(request, pk: int):
    return json_response(shapes.municipality(queries.municipalities().get(pk=pk), Links(request)))


@api_view
def body_list(request):
    rows = queries.bodies()
    municipality = int_param(request, "municipality")
    if municipality is not None:
        rows = rows.filter(municipality_id=municipality)
    return _listing(request, rows, shapes.body)


@api_view
def body_detail(request, pk: int):
    return json_response(shapes.body(queries.bodies().get(pk=pk), Links(request)))


@api_view
def meeting_list(request):
    return _listing(request, _by_meeting_filters(request, queries.meetings(), ""), shapes.meeting)


@api_view
def meeting_detail(request, pk: int):
    return json_response(shapes.meeting(queries.meetings().get(pk=pk), Links(request)))


@api_view
def meeting_protokoll(request, pk: int):
    """The meeting's ``protokoll/1`` document with withheld §§ reduced (``redact``)."""
    return json_response(public_document(pk))


@api_view
def agenda_item_list(request):
    rows = _by_meeting_filters(request, queries.items(), "meeting__")
    return _listing(request, rows, shapes.agenda_item)


@api_view
def agenda_item_detail(request, pk: int):
    return json_response(shapes.agenda_item(queries.items().get(pk=pk), Links(request)))


def _item_rows(request, rows: QuerySet, person_field: str | None) -> QuerySet:
    rows = _by_meeting_filters(request, rows, "item__meeting__")
    person = int_param(request, "person")
    if person is not None:
        if person_field is None:
            raise BadParameter("person: not a filter of this list")
        rows = rows.filter(**{person_field: person}).distinct()
    return rows


@api_view
def vote_list(request):
    return _listing(request, _item_rows(request, queries.votes(), "ballots__person"), shapes.vote_event)


@api_view
def vote_detail(request, pk: int):
    return json_response(shapes.vote_event(queries.votes().get(pk=pk), Links(request)))


@api_view
def reservation_list(request):
    rows = _item_rows(request, queries.reservations(), "by__person")
    return _listing(request, rows, shapes.reservation)


@api_view
def reservation_detail(request, pk: int):
    return json_response(shapes.reservation(queries.reservations().get(pk=pk), Links(request)))


@api_view
def conflict_list(request):
    return _listing(request, _item_rows(request, queries.conflicts(), "person"), shapes.conflict)


@api_view
def conflict_detail(request, pk: int):
    return json_response(shapes.conflict(queries.conflicts().get(pk=pk), Links(request)))


@api_view
def assignment_list(request):
    return _listing(request, _item_rows(request, queries.assignments(), None), shapes.assignment)


@api_view
def assignment_detail(request, pk: int):
    return json_response(shapes.assignment(queries.assignments().get(pk=pk), Links(request)))


def _latest_parties(person_ids: list[int]) -> dict[int, str | None]:
    rows = (
        m.AttendanceEntry.objects.filter(meeting__published=True, person__in=person_ids)
        .exclude(party=None)
        .order_by("-meeting__date", "position")
        .values_list("person", "party")
    )
    found: dict[int, str | None] = {}
    for pk, party in rows:
        found.setdefault(pk, party)
    return found


def _persons(rows: list[m.Person], links: Links) -> list[dict]:
    ids = [p.pk for p in rows]
    parties = _latest_parties(ids)
    held: dict[int, list] = {pk: [] for pk in ids}
    for row in memberships.filtered(persons=ids):
        held[row.person_id].append(row)
    return [
        shapes.person(p, links, memberships.serialize(held[p.pk], links), parties.get(p.pk)) for p in rows
    ]


@api_view
def person_list(request):
    rows = queries.persons()
    municipality = int_param(request, "municipality")
    if municipality is not None:
        rows = rows.filter(municipality_id=municipality)
    links = Links(request)
    return json_response(paginate(request, rows, lambda chunk: _persons(chunk, links)))


@api_view
def person_detail(request, pk: int):
    return json_response(_persons([queries.persons().get(pk=pk)], Links(request))[0])


@api_view
def membership_list(request):
    rows = memberships.filtered(
        body=int_param(request, "body"),
        persons=int_param(request, "person"),
        municipality=int_param(request, "municipality"),
        party=request.GET.get("party") or None,
    )
    links = Links(request)
    return json_response(paginate(request, rows, lambda chunk: memberships.serialize(chunk, links)))


@api_view
def membership_detail(request, key: str):
    return json_response(memberships.get(key, Links(request)))


@api_view
def party_list(request):
    return _listing(request, queries.parties(), shapes.party)


@api_view
def party_detail(request, abbreviation: str):
    if abbreviation not in queries.parties():
        raise m.Membership.DoesNotExist(abbreviation)
    return json_response(shapes.party(abbreviation, Links(request)))


@api_view
def case_list(request):
    rows = queries.cases()
    municipality = int_param(request, "municipality")
    if municipality is not None:
        rows = rows.filter(municipality_id=municipality)
    links = Links(request)

    def serialize(chunk):
        history = case_history([c.pk for c in chunk])
        return [shapes.case(c, links, history.get(c.pk, [])) for c in chunk]

    return json_response(paginate(request, rows, serialize))


def case_history(case_ids: list[int]) -> dict[int, list[m.Item]]:
    """The open §§ of each case, oldest first (the case page's history)."""
    rows = (
        open_items()
        .filter(case__in=case_ids)
        .select_related("meeting__body")
        .order_by("meeting__date", "meeting__body__name", "position")
    )
    out: dict[int, list[m.Item]] = {}
    for item in rows:
        out.setdefault(item.case_id, []).append(item)
    return out


def get_case(municipality: str, key: str) -> m.Case:
    return queries.cases().get(municipality__slug=municipality, key=key)


@api_view
def case_detail(request, municipality: str, key: str):
    row = get_case(municipality, key)
    return json_response(shapes.case(row, Links(request), case_history([row.pk]).get(row.pk, [])))
