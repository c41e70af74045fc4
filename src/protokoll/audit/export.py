"""Audit events as CSV and JSON Lines, for the loggkontroller municipalities run."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.core.serializers.json import DjangoJSONEncoder

from protokoll.audit.models import AuditEvent

FIELDS = [
    "id",
    "at",
    "actor_username",
    "action",
    "body_id",
    "body_name",
    "object_type",
    "object_id",
    "summary",
    "ip",
    "details",
]
FORMATS = ("csv", "jsonl")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}


def as_dict(event: AuditEvent) -> dict:
    return {
        "id": event.pk,
        "at": event.at.isoformat(),
        "actor_username": event.actor_username,
        "action": event.action,
        "body_id": event.body_id,
        "body_name": event.body_name,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "summary": event.summary,
        "ip": event.ip,
        "details": event.details,
    }


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (CSV injection): text starting
    with = + - @ or a control character gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder, sort_keys=True)
    text = str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(FIELDS)  # BOM: spreadsheets then read UTF-8 correctly
    for event in events:
        row = as_dict(event)
        yield writer.writerow([_cell(row[f]) for f in FIELDS])


def jsonl_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    for event in events:
        yield json.dumps(as_dict(event), ensure_ascii=False, cls=DjangoJSONEncoder) + "\n"


def lines(events: Iterable[AuditEvent], fmt: str) -> Iterator[str]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return csv_lines(events) if fmt == "csv" else jsonl_lines(events)
