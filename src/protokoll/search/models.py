"""The search index: one row per public § (an ``Entry``), plus the engine's full-text index.

On SQLite an FTS5 table ``search_fts`` (external content: it reads ``title_index``,
``text_index`` and ``facet_index`` from this table, with ``sort_key`` as its rowid, kept in
step by triggers) indexes the Snowball stems written into the first two columns and the filter
tokens in the third. On PostgreSQL the two columns hold the text itself and a generated
``document`` tsvector column (``to_tsvector('swedish', …)``, GIN-indexed) is the index. Both are
created by this app's migrations (docs/search.md).

Only content the public may read is ever written here (``protokoll.web.public.open_items``);
the filter columns are copies so that a search needs no join with the archive tables.
"""

from __future__ import annotations

from django.db import models

from protokoll.archive.models import Item


class Entry(models.Model):
    # No database constraint: the benchmark writes index rows in bulk, and the row is deleted
    # with its § by Django's cascade (which does not need the constraint).
    item = models.OneToOneField(
        Item, primary_key=True, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )
    meeting_id = models.BigIntegerField()
    body_id = models.BigIntegerField()
    municipality_id = models.BigIntegerField()
    date = models.DateField()
    paragraph = models.IntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=16, null=True, blank=True)
    has_vote = models.BooleanField(default=False)
    has_reservation = models.BooleanField(default=False)
    parties = models.TextField(
        default="", blank=True, help_text='"|S|M|": parties with a yrkande, reservation or statement'
    )
    title_index = models.TextField(default="", blank=True)
    text_index = models.TextField(default="", blank=True)
    # The FTS5 rowid: (date ordinal << 40) | item id, so rowid order is date order
    # (protokoll.search.facets). Used for date order on PostgreSQL too.
    sort_key = models.BigIntegerField(unique=True)
    # The filter values as reserved tokens ("_b12 _m3 _v1 …"), a third FTS5 column on SQLite.
    facet_index = models.TextField(default="", blank=True)

    class Meta:
        db_table = "search_entry"
        indexes = [
            models.Index(fields=["meeting_id"], name="search_entry_meeting"),
            models.Index(fields=["date"], name="search_entry_date"),
            models.Index(fields=["body_id", "date"], name="search_entry_body_date"),
            models.Index(fields=["municipality_id", "date"], name="search_entry_muni_date"),
        ]
