"""Bulk exports: CSV of decisions and of ballots, and the full dump of public documents.

All three stream (``StreamingHttpResponse``), so an archive of any size is sent without
holding it in memory. Only open §§ of published meetings appear in the CSV files; the dump
holds every published meeting's document with withheld §§ reduced (``redact``).
"""

from __future__ import annotations

import csv
import gzip
import io
import json

from django.db.models import Count
from django.http import HttpRequest, StreamingHttpResponse
from django.views.decorators.http import require_safe

from protokoll.archive.exporting import meeting_queryset
from protokoll.archive.models import Ballot
from protokoll.web.api.links import Links
from protokoll.web.api.paging import BadParameter, date_param, int_param
from protokoll.web.api.redact import public_document_from_row
from protokoll.web.api.respond import error
from protokoll.web.masking import mask_personnummer
from protokoll.web.public import open_items, public_meetings, withheld_q

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP);
# tab and carriage return are on OWASP's list too because some programs strip them first.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """The cell text, personnummer masked (DOMAIN 1.10), with a leading apostrophe when a
    spreadsheet would read a formula."""
    if value is None:
        return ""
    text = mask_personnummer(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_stream(header: list[str], rows):
    writer = csv.writer(_Echo())
    # A BOM lets spreadsheet programs read the UTF-8 (å, ä, ö) without an import dialog.
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow([neutralise(v) for v in row])


def _csv_response(name: str, header: list[str], rows) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_csv_stream(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _filters(request: HttpRequest, prefix: str) -> dict:
    out = {}
    body, municipality = int_param(request, "body"), int_param(request, "municipality")
    start, end = date_param(request, "from"), date_param(request, "to")
    if body is not None:
        out[f"{prefix}meeting__body_id"] = body
    if municipality is not None:
        out[f"{prefix}meeting__body__municipality_id"] = municipality
    if start is not None:
        out[f"{prefix}meeting__date__gte"] = start
    if end is not None:
        out[f"{prefix}meeting__date__lte"] = end
    return out


DECISION_COLUMNS = [
    "municipality",
    "body",
    "meeting_date",
    "paragraph",
    "case_number",
    "title",
    "outcome",
    "decision",
    "votes",
    "reservations",
    "url",
]


@require_safe
def decisions_csv(request: HttpRequest):
    """One row per open § (filters: ``body``, ``municipality``, ``from``, ``to``)."""
    try:
        filters = _filters(request, "")
    except BadParameter as exc:
        return error(400, str(exc))
    links = Links(request)
    # Counted in the query: a count per row would cost two queries a row.
    rows = (
        open_items()
        .filter(**filters)
        .select_related("meeting__body__municipality")
        .annotate(n_votes=Count("votes", distinct=True), n_res=Count("reservations", distinct=True))
        .order_by("meeting__date", "meeting__body__name", "position")
    )

    def lines():
        for item in rows.iterator(chunk_size=500):
            yield [
                item.meeting.body.municipality.name,
                item.meeting.body.name,
                item.meeting.date.isoformat(),
                item.paragraph,
                item.case_number,
                item.title,
                item.outcome,
                item.decision,
                item.n_votes,
                item.n_res,
                links.url("agenda-item-detail", item.pk),
            ]

    return _csv_response("decisions.csv", DECISION_COLUMNS, lines())


BALLOT_COLUMNS = [
    "municipality",
    "body",
    "meeting_date",
    "paragraph",
    "title",
    "vote_number",
    "question",
    "name",
    "party",
    "vote",
    "vote_url",
]


@require_safe
def ballots_csv(request: HttpRequest):
    """One row per ballot in an open § (same filters as decisions)."""
    try:
        filters = _filters(request, "vote__item__")
    except BadParameter as exc:
        return error(400, str(exc))
    links = Links(request)
    rows = (
        Ballot.objects.filter(vote__item__meeting__published=True, **filters)
        .exclude(withheld_q("vote__item__"))
        .select_related("vote__item__meeting__body__municipality")
        .order_by(
            "vote__item__meeting__date",
            "vote__item__meeting_id",
            "vote__item__position",
            "vote__position",
            "position",
        )
    )

    def lines():
        for b in rows.iterator(chunk_size=1000):
            item = b.vote.item
            yield [
                item.meeting.body.municipality.name,
                item.meeting.body.name,
                item.meeting.date.isoformat(),
                item.paragraph,
                item.title,
                b.vote.position + 1,
                b.vote.question,
                b.name,
                b.party,
                b.choice,
                links.url("vote-detail", b.vote_id),
            ]

    return _csv_response("ballots.csv", BALLOT_COLUMNS, lines())


DUMP_BATCH = 50


def dump_lines():
    """One JSON line per published meeting (redacted ``protokoll/1``), oldest first."""
    pks = list(public_meetings().order_by("date", "body_id", "pk").values_list("pk", flat=True))
    for start in range(0, len(pks), DUMP_BATCH):
        batch = pks[start : start + DUMP_BATCH]
        rows = {row.pk: row for row in meeting_queryset().filter(pk__in=batch, published=True)}
        for pk in batch:
            if pk in rows:
                doc = public_document_from_row(rows[pk])
                yield json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _gzip_stream(lines, level: int = 6):
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=level, mtime=0) as archive:
        for line in lines:
            archive.write(line.encode("utf-8"))
            if buffer.tell() >= 64 * 1024:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue()


@require_safe
def dump(request: HttpRequest):
    response = StreamingHttpResponse(_gzip_stream(dump_lines()), content_type="application/gzip")
    response["Content-Disposition"] = 'attachment; filename="protokoll-dump.jsonl.gz"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
