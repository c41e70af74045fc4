"""Resource shapes of the API as JSON Schema 2020-12 (OpenAPI 3.1 components): the OParl
objects, the extensions, and the guarantee that a withheld § carries nothing but its number."""

from __future__ import annotations

from protokoll.web.public import SECRET_MARKER


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


STR = {"type": "string"}
NSTR = nullable(STR)
URI = {"type": "string", "format": "uri"}
NURI = nullable(URI)
BOOL = {"type": "boolean"}
INT = {"type": "integer"}
DATE = {"type": "string", "format": "date"}
NDATE = nullable(DATE)
DATETIME = {"type": "string", "format": "date-time"}
NDATETIME = nullable(DATETIME)


def obj(properties: dict, required: list[str] | None = None, description: str = "", closed=False) -> dict:
    schema = {"type": "object", "properties": properties, "required": required or list(properties)}
    if description:
        schema["description"] = description
    if closed:
        schema["additionalProperties"] = False
    return schema


def const_type(uri: str) -> dict:
    return {"const": uri}


OPARL = "https://schema.oparl.org/1.1/"
EXT = "urn:protokoll:1:"

PERSON_REF = obj(
    {"name": STR, "party": NSTR, "role": NSTR, "person": NURI},
    description="A person as the protocol writes them, with a link to the Person when known.",
)
VOTE_OPTION = {"enum": ["yes", "no", "abstain", "absent"]}

SCHEMAS: dict = {
    "Error": obj({"error": obj({"status": INT, "message": STR})}),
    "Pagination": obj(
        {"totalElements": INT, "elementsPerPage": INT, "currentPage": INT, "totalPages": INT},
        description="OParl list pagination.",
    ),
    "ListLinks": obj(
        {"self": URI, "first": URI, "last": URI, "prev": URI, "next": URI},
        required=["self", "first", "last"],
    ),
    "PersonRef": PERSON_REF,
    "Index": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "System"),
            "oparlVersion": STR,
            "name": STR,
            "body": URI,
            "openapi": URI,
            "lists": {"type": "object", "additionalProperties": URI},
            "search": URI,
            "exports": {"type": "object", "additionalProperties": URI},
        }
    ),
    "Municipality": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "Body"),
            "system": URI,
            "name": STR,
            "shortName": STR,
            "organization": URI,
            "person": URI,
            "meeting": URI,
            "agendaItem": URI,
            "membership": URI,
        },
        description="A kommun, as an OParl Body (the körperschaft whose organs meet).",
    ),
    "Body": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "Organization"),
            "body": URI,
            "name": STR,
            "shortName": STR,
            "organizationType": const_type("Gremium"),
            "classification": STR,
            "kind": {"enum": ["fullmaktige", "styrelse", "namnd", "utskott"]},
            "municipality": STR,
            "meeting": URI,
            "membership": URI,
            "calendar": URI,
            "meetingFeed": URI,
            "decisionFeed": URI,
        },
        description="An organ (fullmäktige, styrelse, nämnd, utskott), as an OParl Organization.",
    ),
    "Justering": obj(
        {
            "type": const_type(EXT + "Justering"),
            "date": NDATE,
            "time": NSTR,
            "place": NSTR,
            "method": nullable({"enum": ["paper", "digital"]}),
            "signedBy": {"type": "array", "items": ref("PersonRef")},
        },
        description="Justering of the protocol (KL 5:69). Extension.",
    ),
    "Anslag": obj(
        {
            "type": const_type(EXT + "Anslag"),
            "posted": NDATE,
            "removed": NDATE,
            "storage": NSTR,
            "appealDeadline": NDATE,
        },
        description="Anslag on the notice board and the appeal deadline (KL 8:12, 13:5). Extension.",
    ),
    "Attendance": {
        "allOf": [
            ref("PersonRef"),
            obj(
                {
                    "group": {"enum": ["member", "substitute", "official", "other"]},
                    "status": {"enum": ["present", "absent"]},
                    "serving": BOOL,
                    "replaces": nullable(ref("PersonRef")),
                    "paragraphs": nullable({"type": "array", "items": {"type": "array", "items": INT}}),
                    "remote": BOOL,
                    "note": NSTR,
                }
            ),
        ]
    },
    "Meeting": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "Meeting"),
            "name": STR,
            "date": DATE,
            "start": NDATETIME,
            "end": NDATETIME,
            "location": nullable(obj({"type": const_type(OPARL + "Location"), "description": STR})),
            "organization": {"type": "array", "items": URI},
            "body": URI,
            "kind": {"enum": ["protocol", "extract", "listing", "summary"]},
            "participant": {"type": "array", "items": URI},
            "chair": nullable(ref("PersonRef")),
            "secretary": nullable(ref("PersonRef")),
            "adjusters": {"type": "array", "items": ref("PersonRef")},
            "attendance": {"type": "array", "items": ref("Attendance")},
            "justering": nullable(ref("Justering")),
            "anslag": nullable(ref("Anslag")),
            "agendaItem": {"type": "array", "items": ref("AgendaItem")},
            "protokoll": URI,
            "created": DATETIME,
            "modified": DATETIME,
        }
    ),
    "AgendaItem": {"oneOf": [ref("OpenAgendaItem"), ref("WithheldAgendaItem")]},
    "WithheldAgendaItem": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "AgendaItem"),
            "meeting": URI,
            "number": NSTR,
            "order": INT,
            "date": DATE,
            "public": {"const": False},
            "confidential": {"const": True},
            "marker": {"const": SECRET_MARKER},
        },
        closed=True,
        description="A § under sekretess: number and marker only, nothing else (KL 6:25).",
    ),
    "Motion": obj(
        {
            "kind": {
                "enum": ["approval", "rejection", "amendment", "addition", "referral", "tabling", "other"]
            },
            "text": STR,
            "withdrawn": BOOL,
            "by": {"type": "array", "items": ref("PersonRef")},
        }
    ),
    "Statement": obj(
        {
            "kind": {"enum": ["special_statement", "protocol_note"]},
            "text": STR,
            "by": {"type": "array", "items": ref("PersonRef")},
        }
    ),
    "OpenAgendaItem": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "AgendaItem"),
            "meeting": URI,
            "number": NSTR,
            "order": INT,
            "date": DATE,
            "public": {"const": True},
            "confidential": {"const": False},
            "name": NSTR,
            "caseNumber": NSTR,
            "case": NURI,
            "result": NSTR,
            "outcome": nullable(
                {"enum": ["decision", "referral", "tabled", "withdrawn", "information", "report"]}
            ),
            "resolutionText": NSTR,
            "proposedDecision": NSTR,
            "background": NSTR,
            "motions": {"type": "array", "items": ref("Motion")},
            "propositionOrder": NSTR,
            "votes": {"type": "array", "items": ref("VoteEvent")},
            "reservations": {"type": "array", "items": ref("Reservation")},
            "statements": {"type": "array", "items": ref("Statement")},
            "conflicts": {"type": "array", "items": ref("Jav")},
            "assignments": {"type": "array", "items": ref("Uppdrag")},
            "sentTo": {
                "type": "array",
                "items": obj({"recipient": STR, "purpose": {"enum": ["action", "information"]}}),
            },
            "attachments": {"type": "array", "items": STR},
            "immediatelyAdjusted": BOOL,
        },
        closed=True,
    ),
    "VoteEvent": obj(
        {
            "id": URI,
            "type": const_type(EXT + "VoteEvent"),
            "agendaItem": URI,
            "meeting": URI,
            "organization": URI,
            "startDate": DATE,
            "number": NSTR,
            "order": INT,
            "question": NSTR,
            "counts": {
                "type": "array",
                "items": obj({"option": VOTE_OPTION, "value": {"type": "integer", "minimum": 0}}),
                "minItems": 4,
                "maxItems": 4,
            },
            "votes": {
                "type": "array",
                "items": obj({"voter": ref("PersonRef"), "option": VOTE_OPTION, "group": NSTR}),
            },
            "castingVote": BOOL,
            "lottery": BOOL,
        },
        description="An omröstning, shaped like a Popolo VoteEvent with its Votes (KL 5:54-56). Extension.",
    ),
    "Reservation": obj(
        {
            "id": URI,
            "type": const_type(EXT + "Reservation"),
            "agendaItem": URI,
            "meeting": URI,
            "by": {"type": "array", "items": ref("PersonRef")},
            "text": STR,
            "written": BOOL,
        },
        description="A reservation against the decision (KL 4:27). Extension.",
    ),
    "Jav": obj(
        {
            "id": URI,
            "type": const_type(EXT + "Jav"),
            "agendaItem": URI,
            "meeting": URI,
            "person": ref("PersonRef"),
        },
        description="Jäv: a person who did not take part in the § (KL 6:28-32). Extension.",
    ),
    "Uppdrag": obj(
        {
            "id": URI,
            "type": const_type(EXT + "Uppdrag"),
            "agendaItem": URI,
            "meeting": URI,
            "organization": URI,
            "givenOn": DATE,
            "assignee": STR,
            "task": STR,
            "due": NDATE,
            "reportTo": NSTR,
        },
        description="An uppdrag given in a decision (DOMAIN 1.12). Extension.",
    ),
    "LedgerRef": obj(
        {
            "agendaItem": NURI,
            "meeting": NURI,
            "municipality": STR,
            "bodyName": STR,
            "date": DATE,
            "number": NSTR,
            "name": NSTR,
        }
    ),
    "UppdragLedgerEntry": obj(
        {
            "type": const_type(EXT + "UppdragLedgerEntry"),
            "givenIn": ref("LedgerRef"),
            "assignee": STR,
            "task": STR,
            "due": NDATE,
            "reportTo": NSTR,
            "source": {"enum": ["recorded", "extracted"]},
            "status": {"enum": ["open", "reported", "closed", "overdue"]},
            "reportedIn": nullable(ref("LedgerRef")),
            "closedIn": nullable(ref("LedgerRef")),
            "reports": {"type": "array", "items": ref("LedgerRef")},
        },
        description="One uppdrag of the ledger: given where, to whom, due when, reported back where. Extension.",
    ),
    "Membership": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "Membership"),
            "person": URI,
            "organization": URI,
            "role": STR,
            "group": {"enum": ["member", "substitute"]},
            "votingRight": BOOL,
            "party": NSTR,
            "onBehalfOf": NURI,
            "startDate": NDATE,
            "endDate": NDATE,
            "source": {"enum": ["roster", "attendance"]},
        },
        description="A seat (protokoll.insights.seats). source roster: a stored roster row as stored."
        " source attendance: the published lists naming the person in that group at meetings no"
        " roster row covers, first to last; party from the latest of them that names one, role from"
        " the latest.",
    ),
    "Person": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "Person"),
            "body": URI,
            "name": STR,
            "party": NSTR,
            "membership": {"type": "array", "items": ref("Membership")},
            "votes": URI,
            "reservations": URI,
        }
    ),
    "Party": obj(
        {
            "id": URI,
            "type": const_type(OPARL + "Organization"),
            "name": STR,
            "shortName": STR,
            "organizationType": const_type("Partei"),
            "membership": URI,
        }
    ),
    "Case": obj(
        {
            "id": NURI,
            "type": const_type(EXT + "Case"),
            "body": URI,
            "reference": STR,
            "name": NSTR,
            "rawForms": {"type": "array", "items": STR},
            "classification": NSTR,
            "feed": NURI,
            "agendaItem": {
                "type": "array",
                "items": obj(
                    {
                        "id": URI,
                        "meeting": URI,
                        "organization": URI,
                        "bodyName": STR,
                        "date": DATE,
                        "number": NSTR,
                        "name": NSTR,
                        "result": NSTR,
                        "resolutionText": NSTR,
                    }
                ),
            },
        },
        description="An ärende (one normalised Dnr in a municipality) and its open §§ in time order.",
    ),
    "SearchHit": obj(
        {
            "agendaItem": URI,
            "meeting": URI,
            "number": NSTR,
            "name": NSTR,
            "date": DATE,
            "bodyName": STR,
            "municipalityName": STR,
            "snippetHtml": STR,
            "score": {"type": "number"},
        }
    ),
    "SearchResult": obj(
        {
            "query": STR,
            "data": {"type": "array", "items": ref("SearchHit")},
            "pagination": ref("Pagination"),
            "totalIsLowerBound": BOOL,
            "links": ref("ListLinks"),
            "feed": URI,
        }
    ),
}
