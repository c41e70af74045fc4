"""What the public may see: the one place every public output (pages, search, API, feeds,
exports) takes its rows from, so that sekretess and unpublished content cannot leak through a
view that forgot a filter (KL 6:25; DOMAIN 1.10; checklist 36).

A secret § is shown with its number and a marker only (``protokoll.archive.visibility``, where
the rule lives; re-exported here for the views).
"""

from __future__ import annotations

from django.db.models import QuerySet

from protokoll.archive.models import Item, Meeting

# Re-exported: views, search and insights take the rule from here with the querysets.
from protokoll.archive.visibility import SECRET_MARKER as SECRET_MARKER
from protokoll.archive.visibility import is_withheld as is_withheld
from protokoll.archive.visibility import withheld_q as withheld_q


def public_meetings(base: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """Published meetings; ``base`` narrows or prefetches (e.g. ``exporting.meeting_queryset()``)."""
    rows = Meeting.objects.all() if base is None else base
    return rows.filter(published=True).select_related("body", "body__municipality")


def public_items() -> QuerySet[Item]:
    """Items of published meetings, including withheld ones (render them with ``is_withheld``)."""
    return Item.objects.filter(meeting__published=True).select_related("meeting", "meeting__body")


def open_items() -> QuerySet[Item]:
    """Items whose content the public may read: published and not withheld."""
    return public_items().exclude(withheld_q())
