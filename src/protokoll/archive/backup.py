"""Dump and restore the whole database (issue 5, "Integrity").

The dump is JSON Lines (gzip-compressed when the file name ends in ``.gz``): a header line,
then one record per line. Meetings are ``protokoll/1`` documents, so a dump is readable by any
program that reads the format; beside them go the archive rows a document does not carry
(municipalities, bodies with their kind, persons, memberships, cases), the archive state of
each meeting (published, version, timestamps, each §'s visibility) and the primary keys of
municipalities, bodies, persons, cases, meetings and §§, which links, user roles and audit
events refer to. Every other app's rows (users, roles, the audit log, …) follow as Django
serialised objects with their own keys. Left out: what Django or the app rebuilds
(content types, permissions, sessions, the search index, which ``meeting_saved`` refills).

Restore goes into an empty archive, in one transaction, through the same ``load_document`` as
any import, then moves the database sequences past the restored keys (PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from protokoll.archive import models as m
from protokoll.archive.exporting import meeting_dict, meeting_queryset
from protokoll.archive.loading import KeepIds, load_document
from protokoll.document.io import DocumentError, parse_document

FORMAT = "protokoll-dump"
VERSION = 1
# Rebuilt by migrate or by the apps themselves; never dumped.
SKIPPED_APPS = {"archive", "contenttypes", "sessions", "search"}
SKIPPED_MODELS = {"auth.permission"}


class BackupError(ValueError):
    """A dump that cannot be read or restored; the message says which line and why."""


@dataclass
class RestoreSummary:
    counts: dict[str, int] = field(default_factory=dict)


class _Encoder(DjangoJSONEncoder):
    """Full microseconds: DjangoJSONEncoder cuts datetimes to milliseconds, which would lose
    part of every timestamp in a round trip."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def _open(path: str | Path, mode: str):
    path = Path(path)
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, mode + "b"), encoding="utf-8")
    return path.open(mode, encoding="utf-8")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def records() -> Iterator[dict]:
    """Every record of the dump, header first, in an order restore can follow."""
    yield {"type": "header", "format": FORMAT, "version": VERSION}
    for mu in m.Municipality.objects.order_by("name"):
        yield {"type": "municipality", "id": mu.pk, "name": mu.name, "slug": mu.slug}
    for b in m.Body.objects.select_related("municipality").order_by("municipality__name", "name"):
        yield {
            "type": "body",
            "id": b.pk,
            "municipality": b.municipality.name,
            "name": b.name,
            "kind": b.kind,
            "slug": b.slug,
        }
    for p in m.Person.objects.select_related("municipality").order_by("municipality__name", "name"):
        yield {"type": "person", "id": p.pk, "municipality": p.municipality.name, "name": p.name}
    for c in m.Case.objects.select_related("municipality").order_by("municipality__name", "key"):
        yield {
            "type": "case",
            "id": c.pk,
            "municipality": c.municipality.name,
            "key": c.key,
            "prefix": c.prefix,
            "year": c.year,
            "serial": c.serial,
            "classification": c.classification,
            "title": c.title,
        }
    memberships = m.Membership.objects.select_related("person", "body__municipality").order_by("pk")
    for ms in memberships:
        yield {
            "type": "membership",
            "id": ms.pk,
            "municipality": ms.body.municipality.name,
            "body": ms.body.name,
            "person": ms.person.name,
            "role": ms.role,
            "party": ms.party,
            "group": ms.group,
            "substitute_order": ms.substitute_order,
            "start": _iso(ms.start),
            "end": _iso(ms.end),
        }
    meetings = meeting_queryset().order_by("body__municipality__name", "body__name", "date")
    for row in meetings.iterator(chunk_size=50):
        yield {
            "type": "meeting",
            "id": row.pk,
            "item_ids": [i.pk for i in row.items.all()],
            "document": meeting_dict(row),
            "published": row.published,
            "content_hash": row.content_hash,
            "version": row.version,
            "created_at": _iso(row.created_at),
            "updated_at": _iso(row.updated_at),
            "visibility": [i.visibility for i in row.items.all()],
            "item_versions": [i.version for i in row.items.all()],
        }
    for model in other_models():
        for chunk in _chunks(model._default_manager.order_by("pk").iterator(chunk_size=500), 500):
            for obj in serializers.serialize("python", chunk, use_natural_foreign_keys=True):
                yield {"type": "row", "object": obj}


def other_models() -> list:
    """Every other app's stored models, in an order where a row's references come first."""
    app_list = []
    tables = set(connection.introspection.table_names())  # a model not yet migrated holds no rows
    for config in apps.get_app_configs():
        if config.label in SKIPPED_APPS:
            continue
        wanted = [
            model
            for model in config.get_models()
            if model._meta.managed
            and not model._meta.proxy
            and model._meta.label_lower not in SKIPPED_MODELS
            and model._meta.db_table in tables
        ]
        if wanted:
            app_list.append((config, wanted))
    return serializers.sort_dependencies(app_list, allow_cycles=True)


def _chunks(iterable, size: int):
    chunk = []
    for obj in iterable:
        chunk.append(obj)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def dump(path: str | Path) -> dict[str, int]:
    """Write the whole archive to ``path``; returns the number of records of each type."""
    counts: dict[str, int] = {}
    with transaction.atomic(), _open(path, "w") as out:  # one consistent snapshot
        for record in records():
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":"), cls=_Encoder) + "\n")
            counts[record["type"]] = counts.get(record["type"], 0) + 1
    counts.pop("header", None)
    return counts


def _read(path: str | Path) -> Iterator[tuple[int, dict]]:
    try:
        with _open(path, "r") as src:
            for number, line in enumerate(src, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise BackupError(f"line {number}: not valid JSON ({exc.msg})") from exc
                if not isinstance(record, dict) or "type" not in record:
                    raise BackupError(f"line {number}: a record must be an object with a type")
                yield number, record
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise BackupError(f"cannot read {path}: {exc}") from exc


def restore(path: str | Path) -> dict[str, int]:
    """Restore a dump into an empty archive, all or nothing."""
    if m.Municipality.objects.exists() or m.Meeting.objects.exists():
        raise BackupError("restore needs an empty archive; this database already holds data")
    holding = [model._meta.label for model in other_models() if model._default_manager.exists()]
    if holding:
        raise BackupError(f"restore needs an empty database; it already holds {', '.join(holding)} rows")
    counts: dict[str, int] = {}
    with transaction.atomic():
        first = True
        for number, rec in _read(path):
            kind = rec["type"]
            if first:
                if kind != "header" or rec.get("format") != FORMAT:
                    raise BackupError(f"line {number}: not a protokoll dump (no header)")
                if rec.get("version") != VERSION:
                    raise BackupError(f"line {number}: dump version {rec.get('version')} is not supported")
                first = False
                continue
            try:
                _restore_record(rec)
            except (KeyError, TypeError, ValueError, ObjectDoesNotExist, DeserializationError) as exc:
                raise BackupError(f"line {number} ({kind}): {type(exc).__name__}: {exc}") from exc
            counts[kind] = counts.get(kind, 0) + 1
        if first:
            raise BackupError("empty dump")
        _reset_sequences()
    return counts


def _reset_sequences() -> None:
    """Explicit keys were inserted: move PostgreSQL's sequences past them (a no-op on SQLite)."""
    models = list(apps.get_app_config("archive").get_models()) + other_models()
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _municipality(name: str) -> m.Municipality:
    return m.Municipality.objects.get(name=name)


def _restore_record(rec: dict) -> None:
    kind = rec["type"]
    if kind == "municipality":
        m.Municipality.objects.create(id=rec["id"], name=rec["name"], slug=rec["slug"])
    elif kind == "body":
        muni = _municipality(rec["municipality"])
        m.Body.objects.create(
            id=rec["id"], municipality=muni, name=rec["name"], kind=rec["kind"], slug=rec["slug"]
        )
    elif kind == "person":
        m.Person.objects.create(
            id=rec["id"], municipality=_municipality(rec["municipality"]), name=rec["name"]
        )
    elif kind == "case":
        fields = {k: rec[k] for k in ("id", "key", "prefix", "year", "serial", "classification", "title")}
        m.Case.objects.create(municipality=_municipality(rec["municipality"]), **fields)
    elif kind == "membership":
        muni = _municipality(rec["municipality"])
        m.Membership.objects.create(
            id=rec["id"],
            person=m.Person.objects.get(municipality=muni, name=rec["person"]),
            body=m.Body.objects.get(municipality=muni, name=rec["body"]),
            role=rec["role"],
            party=rec["party"],
            group=rec["group"],
            substitute_order=rec["substitute_order"],
            start=rec["start"],
            end=rec["end"],
        )
    elif kind == "meeting":
        _restore_meeting(rec)
    elif kind == "row":
        for obj in serializers.deserialize("python", [rec["object"]], handle_forward_references=True):
            obj.save()
    else:
        raise ValueError(f"unknown record type {kind!r}")


def _restore_meeting(rec: dict) -> None:
    try:
        doc = parse_document(rec["document"])
    except DocumentError as exc:
        raise ValueError(f"document: {exc}") from exc
    result = load_document(doc, ids=KeepIds(meeting=rec["id"], items=rec["item_ids"]))
    if result.status != "created":
        raise ValueError(f"meeting {doc.body} {doc.meeting.date} occurs twice in the dump")
    meeting = result.meeting
    # update() bypasses auto_now, so the original timestamps survive the restore.
    m.Meeting.objects.filter(pk=meeting.pk).update(
        published=rec["published"],
        content_hash=rec["content_hash"],
        version=rec["version"],
        created_at=dt.datetime.fromisoformat(rec["created_at"]),
        updated_at=dt.datetime.fromisoformat(rec["updated_at"]),
    )
    items = list(meeting.items.order_by("position"))
    if len(items) != len(rec["visibility"]) or len(items) != len(rec["item_versions"]):
        raise ValueError("visibility list does not match the document's items")
    for item, visibility, version in zip(items, rec["visibility"], rec["item_versions"], strict=True):
        if (item.visibility, item.version) != (visibility, version):
            item.visibility, item.version = visibility, version
            item.save(update_fields=["visibility", "version"])
