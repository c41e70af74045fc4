"""Load a ``protokoll/1`` document into the archive, keyed by its natural keys (STYLE.md 5).

A meeting is (municipality, body, date); its §§ are keyed by number within it; a case by the
normalised Dnr within the municipality (DOMAIN 2.1). Loading happens in one transaction, so a
failure leaves nothing half-written. A document whose canonical JSON hashes to what is stored
is not written at all; a changed one replaces the meeting's children (rows that are archive
state rather than document content, ``published`` and a § ``visibility`` set in the archive,
are kept).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Literal

from django.db import transaction
from django.utils.text import slugify

from protokoll.archive import models as m
from protokoll.archive.signals import announce_saved
from protokoll.document.model import Document, Item, Person
from protokoll.domain.vocab import BodyKind, DocumentKind, Visibility

Status = Literal["created", "updated", "unchanged", "superseded"]

# A protocol is the fullest record of a meeting; a listing or a summary of the same meeting
# must not overwrite it (a folder often holds both), or re-import would flip between them.
KIND_RANK = {
    DocumentKind.SUMMARY: 0,
    DocumentKind.LISTING: 1,
    DocumentKind.EXTRACT: 2,
    DocumentKind.PROTOCOL: 3,
}


class LoadError(ValueError):
    """A document that cannot be stored; the message names the field."""


@dataclass(frozen=True)
class KeepIds:
    """Primary keys to give a new meeting and its §§ (restore keeps the ids that links, audit
    events and user roles refer to)."""

    meeting: int
    items: list[int]


@dataclass
class LoadResult:
    meeting: m.Meeting
    status: Status
    items: int = 0
    warnings: int = 0


def canonical_json(doc: Document) -> str:
    return json.dumps(doc.to_json_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def document_hash(doc: Document) -> str:
    return hashlib.sha256(canonical_json(doc).encode("utf-8")).hexdigest()


def _nul_at(value, path: str = "") -> str | None:
    """The path of the first string holding a NUL (PostgreSQL text cannot store one)."""
    if isinstance(value, str):
        return (path or "(document)") if "\x00" in value else None
    if isinstance(value, dict):
        items = ((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for sub, v in items:
        found = _nul_at(v, sub)
        if found:
            return found
    return None


def body_kind_from_name(name: str) -> BodyKind:
    """Guess the kind of organ from its name (DOMAIN 5 "Organ"); the archive may correct it.

    The head noun is the last word of a Swedish organ name ("Kommunstyrelsens arbetsutskott"
    is an utskott of the styrelse), so that word decides."""
    words = name.lower().split()
    head = words[-1] if words else ""
    if "utskott" in head or "beredning" in head or "presidium" in head:
        return BodyKind.SUBCOMMITTEE
    if "fullmäktige" in head:
        return BodyKind.COUNCIL
    if "styrelse" in head:
        return BodyKind.BOARD
    return BodyKind.COMMITTEE


def _unique_slug(model, base: str, **scope) -> str:
    base = (slugify(base) or "x")[:180]
    slug, n = base, 1
    while model.objects.filter(slug=slug, **scope).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def get_municipality(name: str) -> m.Municipality:
    found = m.Municipality.objects.filter(name=name).first()
    if found:
        return found
    return m.Municipality.objects.create(name=name, slug=_unique_slug(m.Municipality, name))


def get_body(municipality: m.Municipality, name: str, kind: BodyKind | None = None) -> m.Body:
    found = m.Body.objects.filter(municipality=municipality, name=name).first()
    if found:
        return found
    return m.Body.objects.create(
        municipality=municipality,
        name=name,
        kind=kind or body_kind_from_name(name),
        slug=_unique_slug(m.Body, name, municipality=municipality),
    )


def _keys(doc: Document, municipality: str | None) -> tuple[Document, str, str]:
    name = municipality if municipality is not None else doc.municipality
    if not name or not name.strip():
        raise LoadError("municipality: missing; the document names none and none was given")
    if not doc.body or not doc.body.strip():
        raise LoadError("body: missing; a meeting is keyed by municipality, body and date")
    if doc.meeting.date is None:
        raise LoadError("meeting.date: missing; a meeting is keyed by municipality, body and date")
    if name != doc.municipality:
        doc = doc.model_copy(update={"municipality": name})
    return doc, name, doc.body


def _find_meeting(municipality: str, body: str, date) -> m.Meeting | None:
    return (
        m.Meeting.objects.filter(body__municipality__name=municipality, body__name=body, date=date)
        .select_related("body__municipality")
        .first()
    )


def load_document(
    doc: Document, *, municipality: str | None = None, ids: KeepIds | None = None
) -> LoadResult:
    """Store ``doc``; ``municipality`` (when given) overrides the document's own. ``ids`` is
    for restore only: the new meeting and its items get these primary keys."""
    if ids is not None and len(ids.items) != len(doc.items):
        raise LoadError("items: the ids to keep do not match the items")
    doc, muni_name, body_name = _keys(doc, municipality)
    data = doc.to_json_dict()
    where = _nul_at(data)
    if where is not None:
        raise LoadError(f"{where}: contains a NUL character (\\u0000), which no database column stores")
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    n_items, n_warn = len(doc.items), len(doc.warnings)

    # Read before opening a write transaction: an unchanged document must cost no write at all.
    existing = _find_meeting(muni_name, body_name, doc.meeting.date)
    if existing is not None and existing.content_hash == digest:
        return LoadResult(existing, "unchanged", n_items, n_warn)
    if existing is not None and KIND_RANK[DocumentKind(existing.kind)] > KIND_RANK[doc.kind]:
        return LoadResult(existing, "superseded", n_items, n_warn)
    if existing is not None:
        _refuse_recorded(existing)

    with transaction.atomic():
        muni = get_municipality(muni_name)
        body = get_body(muni, body_name)
        meeting = m.Meeting.objects.select_for_update().filter(body=body, date=doc.meeting.date).first()
        if meeting is not None and meeting.content_hash == digest:
            return LoadResult(meeting, "unchanged", n_items, n_warn)
        if meeting is not None:
            _refuse_recorded(meeting)
        kept_visibility: dict[int, str] = {}
        if meeting is None:
            status: Status = "created"
            meeting = m.Meeting(body=body, date=doc.meeting.date)
            if ids is not None:
                meeting.pk = ids.meeting
        else:
            status = "updated"
            kept_visibility = _archive_visibility(meeting)
            old_cases = set(meeting.items.exclude(case=None).values_list("case_id", flat=True))
            _delete_children(meeting)
            meeting.version += 1
        persons = _PersonIndex(muni, doc)
        _fill_meeting(meeting, doc, digest, persons)
        meeting.save(force_insert=status == "created")
        _write_children(
            meeting, doc, persons, muni, kept_visibility, ids.items if ids and status == "created" else None
        )
        if status == "updated" and old_cases:
            m.Case.objects.filter(pk__in=old_cases, items=None).delete()
        announce_saved(meeting)
    return LoadResult(meeting, status, n_items, n_warn)


def _refuse_recorded(meeting: m.Meeting) -> None:
    """A meeting kept by the recording workflow is the original record (justering, rättelser
    and sekretess references hang on its rows): no imported document replaces it. Such a
    meeting was not stored from a document, so it has no content hash."""
    if not meeting.content_hash:
        raise LoadError(
            f"meeting: {meeting.body.name} {meeting.date.isoformat()} is kept by the recording workflow; "
            "an imported document does not replace it"
        )


def _archive_visibility(meeting: m.Meeting) -> dict[int, str]:
    """Visibility a person set in the archive (masking), as opposed to the confidential flag."""
    rows = (
        meeting.items.exclude(paragraph=None).exclude(visibility=Visibility.PUBLIC).filter(confidential=False)
    )
    return dict(rows.values_list("paragraph", "visibility"))


def _delete_children(meeting: m.Meeting) -> None:
    for model in (m.MotionAuthor, m.ReservationAuthor, m.StatementAuthor):
        parent = {
            m.MotionAuthor: "motion",
            m.ReservationAuthor: "reservation",
            m.StatementAuthor: "statement",
        }
        model.objects.filter(**{f"{parent[model]}__item__meeting": meeting}).delete()
    m.Ballot.objects.filter(vote__item__meeting=meeting).delete()
    for model in (
        m.Motion,
        m.Vote,
        m.Reservation,
        m.Statement,
        m.Conflict,
        m.Assignment,
        m.Dispatch,
        m.Attachment,
    ):
        model.objects.filter(item__meeting=meeting).delete()
    m.Item.objects.filter(meeting=meeting).delete()
    m.AdjustmentSigner.objects.filter(adjustment__meeting=meeting).delete()
    for model in (m.Adjustment, m.Notice, m.AttendanceEntry, m.Adjuster, m.Adjournment, m.MeetingWarning):
        model.objects.filter(meeting=meeting).delete()


class _PersonIndex:
    """Every name in the document mapped to the municipality's Person, fetched or created at once."""

    def __init__(self, municipality: m.Municipality, doc: Document) -> None:
        names = {p.name for p in _all_persons(doc)}
        found = {p.name: p for p in m.Person.objects.filter(municipality=municipality, name__in=names)}
        missing = sorted(names - found.keys())
        if missing:
            m.Person.objects.bulk_create([m.Person(municipality=municipality, name=n) for n in missing])
            found.update(
                (p.name, p) for p in m.Person.objects.filter(municipality=municipality, name__in=missing)
            )
        self._by_name = found

    def fields(self, person: Person) -> dict:
        return {
            "name": person.name,
            "party": person.party,
            "role": person.role,
            "person": self._by_name[person.name],
        }


def _all_persons(doc: Document):
    for p in (doc.chair, doc.secretary):
        if p is not None:
            yield p
    yield from doc.adjusters
    for a in doc.attendance:
        yield a
        if a.replaces is not None:
            yield a.replaces
    if doc.adjustment is not None:
        yield from doc.adjustment.signed_by
    for item in doc.items:
        for group in (item.motions, item.reservations, item.statements):
            for entry in group:
                yield from entry.by
        for vote in item.votes:
            yield from (b.person for b in vote.ballots)
        yield from item.conflicts


def _fill_meeting(meeting: m.Meeting, doc: Document, digest: str, persons: _PersonIndex) -> None:
    mt = doc.meeting
    meeting.start, meeting.end, meeting.place = mt.start, mt.end, mt.place
    meeting.kind = doc.kind.value
    for attr in ("chair", "secretary"):
        p = getattr(doc, attr)
        fields = persons.fields(p) if p else {"name": None, "party": None, "role": None, "person": None}
        for key, value in fields.items():
            setattr(meeting, attr if key == "person" else f"{attr}_{key}", value)
    meeting.summary = doc.summary
    src = doc.source
    meeting.has_source = src is not None
    meeting.source_file = src.file if src else None
    meeting.source_format = src.format if src else None
    meeting.source_pages = src.pages if src else None
    meeting.source_sha256 = src.sha256 if src else None
    meeting.content_hash = digest


def _write_children(
    meeting: m.Meeting,
    doc: Document,
    persons: _PersonIndex,
    muni: m.Municipality,
    kept: dict[int, str],
    item_ids: list[int] | None,
) -> None:
    m.Adjournment.objects.bulk_create(
        m.Adjournment(meeting=meeting, position=i, start=a.start, end=a.end)
        for i, a in enumerate(doc.meeting.adjournments)
    )
    m.Adjuster.objects.bulk_create(
        m.Adjuster(meeting=meeting, position=i, **persons.fields(p)) for i, p in enumerate(doc.adjusters)
    )
    m.AttendanceEntry.objects.bulk_create(
        m.AttendanceEntry(
            meeting=meeting,
            position=i,
            **persons.fields(a),
            group=a.group.value,
            status=a.status.value,
            serving=a.serving,
            replaces_name=a.replaces.name if a.replaces else None,
            replaces_party=a.replaces.party if a.replaces else None,
            replaces_role=a.replaces.role if a.replaces else None,
            replaces=persons.fields(a.replaces)["person"] if a.replaces else None,
            paragraphs=[list(r) for r in a.paragraphs] if a.paragraphs is not None else None,
            remote=a.remote,
            note=a.note,
        )
        for i, a in enumerate(doc.attendance)
    )
    if doc.adjustment is not None:
        adj = doc.adjustment
        row = m.Adjustment.objects.create(
            meeting=meeting,
            date=adj.date,
            time=adj.time,
            place=adj.place,
            method=adj.method.value if adj.method else None,
        )
        m.AdjustmentSigner.objects.bulk_create(
            m.AdjustmentSigner(adjustment=row, position=i, **persons.fields(p))
            for i, p in enumerate(adj.signed_by)
        )
    if doc.notice is not None:
        n = doc.notice
        m.Notice.objects.create(
            meeting=meeting,
            posted=n.posted,
            removed=n.removed,
            storage=n.storage,
            appeal_deadline=n.appeal_deadline,
        )
    m.MeetingWarning.objects.bulk_create(
        m.MeetingWarning(
            meeting=meeting,
            position=i,
            code=w.code,
            message=w.message,
            paragraph=w.paragraph,
            page=w.page,
            line=w.line,
        )
        for i, w in enumerate(doc.warnings)
    )
    _write_items(meeting, doc.items, persons, muni, kept, item_ids)


def _cases(muni: m.Municipality, items: list[Item]) -> dict[str, m.Case]:
    wanted = {}
    for item in items:
        if item.case is not None:
            wanted.setdefault(item.case.normalized, item)
    found = {c.key: c for c in m.Case.objects.filter(municipality=muni, key__in=wanted)}
    missing = [key for key in wanted if key not in found]
    if missing:
        m.Case.objects.bulk_create(
            m.Case(
                municipality=muni,
                key=key,
                prefix=wanted[key].case.prefix,
                year=wanted[key].case.year,
                serial=wanted[key].case.serial,
                classification=wanted[key].case.classification,
                title=wanted[key].title,
            )
            for key in missing
        )
        found.update((c.key, c) for c in m.Case.objects.filter(municipality=muni, key__in=missing))
    return found


def _visibility(item: Item, kept: dict[int, str]) -> str:
    if item.confidential:
        return Visibility.SECRET.value
    return (
        kept.get(item.paragraph, Visibility.PUBLIC.value)
        if item.paragraph is not None
        else Visibility.PUBLIC.value
    )


def _write_items(
    meeting: m.Meeting,
    items: list[Item],
    persons: _PersonIndex,
    muni: m.Municipality,
    kept: dict[int, str],
    item_ids: list[int] | None,
) -> None:
    cases = _cases(muni, items)
    rows = []
    for i, it in enumerate(items):
        c, prov = it.case, it.provenance
        rows.append(
            m.Item(
                pk=item_ids[i] if item_ids is not None else None,
                meeting=meeting,
                position=i,
                paragraph=it.paragraph,
                case_number=it.case_number,
                case=cases[c.normalized] if c else None,
                case_raw=c.raw if c else None,
                case_prefix=c.prefix if c else None,
                case_year=c.year if c else None,
                case_serial=c.serial if c else None,
                case_classification=c.classification if c else None,
                case_document=c.document if c else None,
                title=it.title,
                confidential=it.confidential,
                visibility=_visibility(it, kept),
                outcome=it.outcome.value if it.outcome else None,
                decision=it.decision,
                proposed_decision=it.proposed_decision,
                background=it.background,
                proposition_order=it.proposition_order,
                immediately_adjusted=it.immediately_adjusted,
                has_provenance=prov is not None,
                provenance_page=prov.page if prov else None,
                provenance_line_start=prov.line_start if prov else None,
                provenance_line_end=prov.line_end if prov else None,
            )
        )
    rows = m.Item.objects.bulk_create(rows)
    _write_item_children(list(zip(rows, items, strict=True)), persons)


def _write_item_children(pairs: list[tuple[m.Item, Item]], persons: _PersonIndex) -> None:
    motions, votes, reservations, statements = [], [], [], []
    simple: dict[type, list] = {m.Conflict: [], m.Assignment: [], m.Dispatch: [], m.Attachment: []}
    for row, it in pairs:
        motions += [
            (m.Motion(item=row, position=i, kind=x.kind.value, text=x.text, withdrawn=x.withdrawn), x)
            for i, x in enumerate(it.motions)
        ]
        votes += [
            (
                m.Vote(
                    item=row,
                    position=i,
                    question=v.question,
                    yes=v.yes,
                    no=v.no,
                    abstain=v.abstain,
                    absent=v.absent,
                    casting_vote=v.casting_vote,
                    lottery=v.lottery,
                ),
                v,
            )
            for i, v in enumerate(it.votes)
        ]
        reservations += [
            (m.Reservation(item=row, position=i, text=r.text, written=r.written), r)
            for i, r in enumerate(it.reservations)
        ]
        statements += [
            (m.Statement(item=row, position=i, kind=s.kind.value, text=s.text), s)
            for i, s in enumerate(it.statements)
        ]
        simple[m.Conflict] += [
            m.Conflict(item=row, position=i, **persons.fields(p)) for i, p in enumerate(it.conflicts)
        ]
        simple[m.Assignment] += [
            m.Assignment(
                item=row, position=i, assignee=a.assignee, task=a.task, due=a.due, report_to=a.report_to
            )
            for i, a in enumerate(it.assignments)
        ]
        simple[m.Dispatch] += [
            m.Dispatch(item=row, position=i, recipient=d.recipient, purpose=d.purpose.value)
            for i, d in enumerate(it.sent_to)
        ]
        simple[m.Attachment] += [
            m.Attachment(item=row, position=i, title=t) for i, t in enumerate(it.attachments)
        ]
    for model, rows in simple.items():
        model.objects.bulk_create(rows)
    _with_authors(m.Motion, m.MotionAuthor, "motion", motions, persons)
    _with_authors(m.Reservation, m.ReservationAuthor, "reservation", reservations, persons)
    _with_authors(m.Statement, m.StatementAuthor, "statement", statements, persons)
    created = m.Vote.objects.bulk_create([row for row, _ in votes])
    m.Ballot.objects.bulk_create(
        m.Ballot(vote=row, position=i, choice=b.vote.value, **persons.fields(b.person))
        for row, (_, v) in zip(created, votes, strict=True)
        for i, b in enumerate(v.ballots)
    )


def _with_authors(model, author_model, fk: str, pairs: list, persons: _PersonIndex) -> None:
    created = model.objects.bulk_create([row for row, _ in pairs])
    author_model.objects.bulk_create(
        author_model(**{fk: row}, position=i, **persons.fields(p))
        for row, (_, source) in zip(created, pairs, strict=True)
        for i, p in enumerate(source.by)
    )
