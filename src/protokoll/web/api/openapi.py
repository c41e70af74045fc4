"""The OpenAPI 3.1 description of /api/: every endpoint and the shape of every resource.

Schemas are JSON Schema 2020-12 (what OpenAPI 3.1 uses), so a test validates real responses
against them with ``jsonschema``. The ``protokoll/1`` document schema is taken from
``protokoll.document.json_schema`` rather than copied, so the two cannot drift apart.
"""

from __future__ import annotations

import copy
import json
from functools import cache

from protokoll.document import json_schema
from protokoll.web.api.links import Links
from protokoll.web.api.paging import DEFAULT_PER_PAGE, MAX_PER_PAGE
from protokoll.web.api.respond import api_view, json_response
from protokoll.web.api.schemas import (
    DATE,
    DATETIME,
    INT,
    SCHEMAS,
    STR,
    obj,
    ref,
)


def list_schema(item: str) -> dict:
    return obj(
        {
            "data": {"type": "array", "items": ref(item)},
            "pagination": ref("Pagination"),
            "links": ref("ListLinks"),
        }
    )


def _param(name: str, where: str, schema: dict, description: str, required: bool = False) -> dict:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": description}


PAGE = [
    _param("page", "query", {"type": "integer", "minimum": 1}, "Page number, from 1."),
    _param(
        "per_page",
        "query",
        {"type": "integer", "minimum": 1},
        f"Objects per page (default {DEFAULT_PER_PAGE}, at most {MAX_PER_PAGE}).",
    ),
]
PK = [_param("pk", "path", {"type": "integer"}, "Numeric id.", required=True)]
F = {
    "meeting": _param("meeting", "query", INT, "Only rows of this meeting (id)."),
    "body": _param("body", "query", INT, "Only rows of this body (id)."),
    "municipality": _param("municipality", "query", INT, "Only rows of this municipality (id)."),
    "person": _param("person", "query", INT, "Only rows naming this person (id)."),
    "from": _param("from", "query", DATE, "Meetings on or after this date."),
    "to": _param("to", "query", DATE, "Meetings on or before this date."),
    "modified_since": _param(
        "modified_since",
        "query",
        DATETIME,
        "Only rows whose meeting changed at or after this time (ISO 8601; Stockholm time without offset).",
    ),
}
MEETING_FILTERS = [F[k] for k in ("meeting", "body", "municipality", "from", "to", "modified_since")]
SEARCH_PARAMS = [
    _param("q", "query", STR, "Words; quotes, colons and brackets are read as plain words."),
    _param("municipality", "query", STR, "Municipality slug (alias kommun)."),
    _param("body", "query", STR, 'Body id or "municipality-slug/body-slug" (alias organ).'),
    _param("from", "query", DATE, "From date (alias fran)."),
    _param("to", "query", DATE, "To date (alias till)."),
    _param("party", "query", STR, "Party abbreviation (alias parti)."),
    _param(
        "outcome", "query", STR, "decision, referral, tabled, withdrawn, information, report (alias utfall)."
    ),
    _param("has_vote", "query", STR, "1: only §§ with a vote (alias omrostning)."),
    _param("has_reservation", "query", STR, "1: only §§ with a reservation (alias reservation)."),
    _param("order", "query", {"enum": ["relevance", "date"]}, "Sort order (alias ordning)."),
]


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _other(media: str, description: str) -> dict:
    return {"description": description, "content": {media: {"schema": {"type": "string"}}}}


ERRORS = {
    "400": _json(ref("Error"), "A parameter could not be used; the message names it."),
    "404": _json(ref("Error"), "No such public object."),
}


def _op(summary: str, ok: dict, params: list | None = None, tag: str = "resources") -> dict:
    return {
        "get": {
            "summary": summary,
            "tags": [tag],
            "parameters": params or [],
            "responses": {"200": ok, **ERRORS},
        }
    }


def _resource(path: str, schema: str, plural: str, filters: list, tag: str = "resources") -> dict:
    return {
        f"/api/{path}/": _op(f"List {plural} (paginated).", _json(list_schema(schema)), PAGE + filters, tag),
        f"/api/{path}/{{pk}}": _op(f"One {schema}.", _json(ref(schema)), PK, tag),
    }


def _paths() -> dict:
    paths = {
        "/api/": _op("Entry point (an OParl System object).", _json(ref("Index"))),
        "/api/openapi.json": _op("This description.", _json({"type": "object"})),
        **_resource("municipalities", "Municipality", "municipalities", []),
        **_resource("bodies", "Body", "bodies (organs)", [F["municipality"]]),
        "/api/bodies/{pk}/meetings.ics": _op(
            "The body's published meetings as iCalendar (RFC 5545).",
            _other("text/calendar", "VCALENDAR, Europe/Stockholm times"),
            PK,
            "exports",
        ),
        "/api/bodies/{pk}/meetings.atom": _op(
            "Atom feed of the body's published meetings.",
            _other("application/atom+xml", "Atom 1.0"),
            PK,
            "feeds",
        ),
        "/api/bodies/{pk}/decisions.atom": _op(
            "Atom feed of the body's decisions (open §§).",
            _other("application/atom+xml", "Atom 1.0"),
            PK,
            "feeds",
        ),
        **_resource("meetings", "Meeting", "published meetings", MEETING_FILTERS),
        "/api/meetings/{pk}/protokoll.json": _op(
            "The meeting as a protokoll/1 document, withheld §§ reduced to number and marker.",
            _json(ref("ProtokollDocument")),
            PK,
            "exports",
        ),
        **_resource("agenda-items", "AgendaItem", "agenda items (§§)", MEETING_FILTERS),
        **_resource("persons", "Person", "persons", [F["municipality"]]),
        "/api/memberships/": _op(
            "List memberships (paginated), ledamot and ersättare: the stored roster rows, then the"
            " seats the published attendance lists show on dates no roster row of the same person,"
            " body and group covers.",
            _json(list_schema("Membership")),
            PAGE
            + [
                F["body"],
                F["person"],
                F["municipality"],
                _param(
                    "party", "query", STR, "Party abbreviation (a seat's party, see the Membership schema)."
                ),
            ],
        ),
        "/api/memberships/{key}": _op(
            "One membership.",
            _json(ref("Membership")),
            [_param("key", "path", STR, 'Membership key ("r…" roster, "a…" attendance).', required=True)],
        ),
        "/api/parties/": _op(
            "List parties seen in published attendance lists.", _json(list_schema("Party")), PAGE
        ),
        "/api/parties/{abbreviation}": _op(
            "One party.",
            _json(ref("Party")),
            [_param("abbreviation", "path", STR, "Party abbreviation, e.g. S.", required=True)],
        ),
        **_resource(
            "votes", "VoteEvent", "votes (omröstningar)", MEETING_FILTERS + [F["person"]], "extensions"
        ),
        **_resource(
            "reservations", "Reservation", "reservations", MEETING_FILTERS + [F["person"]], "extensions"
        ),
        **_resource("conflicts", "Jav", "jäv", MEETING_FILTERS + [F["person"]], "extensions"),
        **_resource("assignments", "Uppdrag", "uppdrag", MEETING_FILTERS, "extensions"),
        "/api/uppdrag/": _op(
            "The uppdrag ledger: every uppdrag given in an open § with its status (paginated).",
            _json(
                obj(
                    {
                        "data": {"type": "array", "items": ref("UppdragLedgerEntry")},
                        "pagination": ref("Pagination"),
                        "links": ref("ListLinks"),
                        "today": DATE,
                    }
                )
            ),
            PAGE
            + [
                F["municipality"],
                F["body"],
                _param(
                    "status",
                    "query",
                    {"enum": ["open", "reported", "closed", "overdue"]},
                    "Only this status.",
                ),
                _param("today", "query", DATE, "The day statuses are computed for (default: today)."),
            ],
            "extensions",
        ),
        "/api/cases/": _op(
            "List cases with at least one open § (paginated).",
            _json(list_schema("Case")),
            PAGE + [F["municipality"]],
            "extensions",
        ),
        "/api/cases/{municipality}/{key}": _op(
            "One case and its history.",
            _json(ref("Case")),
            _case_params(),
            "extensions",
        ),
        "/api/cases/{municipality}/{key}/feed.atom": _op(
            "Atom feed of a case's §§.", _other("application/atom+xml", "Atom 1.0"), _case_params(), "feeds"
        ),
        "/api/search": _op(
            "Full-text search over open §§.", _json(ref("SearchResult")), SEARCH_PARAMS + PAGE, "search"
        ),
        "/api/search/feed.atom": _op(
            "Atom feed of a saved search (newest first).",
            _other("application/atom+xml", "Atom 1.0"),
            SEARCH_PARAMS,
            "feeds",
        ),
        "/api/export/decisions.csv": _op(
            "CSV of decisions (open §§), one row per §.",
            _other("text/csv", "UTF-8 with BOM; formula-like cells prefixed with an apostrophe"),
            [F["body"], F["municipality"], F["from"], F["to"]],
            "exports",
        ),
        "/api/export/ballots.csv": _op(
            "CSV of ballots in open §§, one row per member and vote.",
            _other("text/csv", "UTF-8 with BOM; formula-like cells prefixed with an apostrophe"),
            [F["body"], F["municipality"], F["from"], F["to"]],
            "exports",
        ),
        "/api/export/dump.jsonl.gz": _op(
            "Every published meeting's redacted protokoll/1 document, one JSON line each, gzip.",
            _other("application/gzip", "gzip of JSON lines"),
            [],
            "exports",
        ),
    }
    paths["/api/search"]["get"]["responses"]["503"] = _json(ref("Error"), "Search is not installed.")
    paths["/api/search/feed.atom"]["get"]["responses"]["503"] = _json(
        ref("Error"), "Search is not installed."
    )
    return paths


def _case_params() -> list:
    return [
        _param("municipality", "path", STR, "Municipality slug.", required=True),
        _param("key", "path", STR, "Normalised Dnr, e.g. SN-2025-12.", required=True),
    ]


def _document_schemas() -> dict:
    """The protokoll/1 schema's ``$defs`` moved into components (refs rewritten to match)."""
    schema = copy.deepcopy(json_schema())
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    text = json.dumps({"ProtokollDocument": schema, **{f"Protokoll{k}": v for k, v in defs.items()}})
    return json.loads(text.replace('"#/$defs/', '"#/components/schemas/Protokoll'))


@cache
def _spec_without_server() -> str:
    spec = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "protokoll API",
            "version": "1",
            "description": "Published Swedish municipal committee protocols as data. Resources follow "
            "OParl 1.1 where OParl has them; votes, reservations, jäv, uppdrag, justering, anslag and "
            "cases are documented extensions (type urn:protokoll:1:…). See docs/api.md.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "paths": _paths(),
        "components": {"schemas": {**SCHEMAS, **_document_schemas()}},
    }
    return json.dumps(spec, ensure_ascii=False)


def spec(base: str = "") -> dict:
    out = json.loads(_spec_without_server())
    if base:
        out["servers"] = [{"url": base}]
    return out


@api_view
def view(request):
    return json_response(spec(Links(request).base))
