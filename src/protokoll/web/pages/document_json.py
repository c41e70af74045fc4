"""The protocol as data: the sekretess-reduced ``protokoll/1`` document of a published meeting.

The API area owns the redaction (``protokoll.web.api.redact``) and content negotiation
(``protokoll.web.api.negotiation``); until they exist the rules below apply: a withheld § keeps
its number only, marked confidential, and warnings about it are dropped (KL 6:25; DOMAIN 1.10).
"""

from __future__ import annotations

from django.http import HttpRequest

from protokoll.archive import models as m
from protokoll.archive.exporting import meeting_dict
from protokoll.document.model import Document
from protokoll.web import public
from protokoll.web.pages.sources import attribute


def wants_json(request: HttpRequest) -> bool:
    negotiated = attribute("protokoll.web.api.negotiation", "wants_json")
    if negotiated is not None:
        return bool(negotiated(request))
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def redacted_dict(row: m.Meeting) -> dict:
    """The public document of a meeting fetched with ``protocol_queryset`` (no further query)."""
    data = meeting_dict(row)
    withheld: set[int] = set()
    items = []
    for item, exported in zip(row.items.all(), data["items"], strict=True):
        if public.is_withheld(item):
            if item.paragraph is not None:
                withheld.add(item.paragraph)
            items.append({"paragraph": item.paragraph, "confidential": True})
        else:
            items.append(exported)
    data["items"] = items
    data["warnings"] = [w for w in data["warnings"] if w.get("paragraph") not in withheld]
    return Document.model_validate(data).to_json_dict()


def public_document(row: m.Meeting) -> dict:
    redact = attribute("protokoll.web.api.redact", "public_document_from_row")
    return redact(row) if redact is not None else redacted_dict(row)
