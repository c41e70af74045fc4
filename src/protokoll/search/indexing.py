"""Keep the search index in step with the archive.

Only rows from ``protokoll.web.public`` are indexed: items of published meetings whose content
the public may read. A withheld § (sekretess, DOMAIN 1.10) is never written to the index, so no
query can find it. A masked § is left out too: masking hides names in the text, and the raw
text must not be findable by those names (docs/search.md).
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Prefetch

from protokoll.archive.models import Item, Meeting, Motion, Reservation, Statement
from protokoll.domain.vocab import Visibility
from protokoll.search.facets import facet_terms, sort_key
from protokoll.search.models import Entry
from protokoll.search.text import IndexText, index_terms, item_text, parties_key, tokens
from protokoll.web.public import open_items, public_meetings

BATCH = 2000


def engine_columns(text: IndexText, vendor: str | None = None) -> tuple[str, str]:
    """What the two index columns hold on this engine: stems on SQLite (FTS5 indexes them as
    they are); on PostgreSQL the words (its ``swedish`` configuration stems them), split by our
    tokenizer so that both engines see the same words (PostgreSQL's own parser would read
    "2025/00012-1.2.4" as one file-path token)."""
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        return " ".join(tokens(text.title)), " ".join(tokens(text.text))
    return index_terms(text.title), index_terms(text.text)


def _items(meeting_ids: list[int]):
    authors = ("by",)
    return (
        open_items()
        .exclude(visibility=Visibility.MASKED)
        .filter(meeting_id__in=meeting_ids)
        .select_related("meeting__body")
        .prefetch_related(
            Prefetch("motions", queryset=Motion.objects.prefetch_related(*authors)),
            Prefetch("reservations", queryset=Reservation.objects.prefetch_related(*authors)),
            Prefetch("statements", queryset=Statement.objects.prefetch_related(*authors)),
            "votes",
        )
    )


def entry_for(item: Item) -> Entry:
    motions = list(item.motions.all())
    reservations = list(item.reservations.all())
    statements = list(item.statements.all())
    text = item_text(
        item.title,
        item.case_number,
        item.decision,
        item.proposed_decision,
        item.background,
        (mo.text for mo in motions),
    )
    title_index, text_index = engine_columns(text)
    parties = [
        a.party for group in (motions, reservations, statements) for row in group for a in row.by.all()
    ]
    meeting = item.meeting
    has_vote = bool(item.votes.all())
    return Entry(
        item_id=item.pk,
        meeting_id=meeting.pk,
        body_id=meeting.body_id,
        municipality_id=meeting.body.municipality_id,
        date=meeting.date,
        paragraph=item.paragraph,
        outcome=item.outcome,
        has_vote=has_vote,
        has_reservation=bool(reservations),
        parties=parties_key(parties),
        title_index=title_index,
        text_index=text_index,
        sort_key=sort_key(meeting.date, item.pk),
        facet_index=facet_terms(
            meeting.body_id,
            meeting.body.municipality_id,
            item.outcome,
            has_vote,
            bool(reservations),
            parties,
        ),
    )


def _index_meetings(meeting_ids: list[int]) -> int:
    entries = [entry_for(item) for item in _items(meeting_ids)]
    Entry.objects.bulk_create(entries, batch_size=500)
    return len(entries)


def remove_meeting(meeting_id: int) -> int:
    """Drop a meeting's §§ from the index; the number of rows removed."""
    deleted, _ = Entry.objects.filter(meeting_id=meeting_id).delete()
    return deleted


def reindex_meeting(meeting: Meeting | int) -> int:
    """Rewrite a meeting's rows from what the public may read now; the number indexed.
    An unpublished meeting ends with no rows at all."""
    meeting_id = meeting if isinstance(meeting, int) else meeting.pk
    with transaction.atomic():
        remove_meeting(meeting_id)
        if not public_meetings().filter(pk=meeting_id).exists():
            return 0
        return _index_meetings([meeting_id])


def reindex_all(progress=None) -> int:
    """Rebuild the whole index; ``progress(n_indexed)`` is called after each batch."""
    total = 0
    with transaction.atomic():
        Entry.objects.all().delete()
        ids = list(public_meetings().order_by("pk").values_list("pk", flat=True))
        step = max(1, BATCH // 20)
        for start in range(0, len(ids), step):
            total += _index_meetings(ids[start : start + step])
            if progress:
                progress(total)
        if connection.vendor == "sqlite":
            with connection.cursor() as cur:
                cur.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    return total
