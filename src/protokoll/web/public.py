"""What the public may see: the one place every public output (pages, search, API, feeds,
exports) takes its rows from, so that sekretess and unpublished content cannot leak through a
view that forgot a filter (KL 6:25; DOMAIN 1.10; checklist 36).

A secret § is shown with its number and a marker only: its title, Dnr and content are withheld,
because a title can itself reveal who the case is about.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from protokoll.archive.models import Item, Meeting
from protokoll.domain.vocab import Visibility

SECRET_MARKER = "Sekretess – innehållet redovisas inte i den offentliga versionen."


def public_meetings(base: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """Published meetings; ``base`` narrows or prefetches (e.g. ``exporting.meeting_queryset()``)."""
    rows = Meeting.objects.all() if base is None else base
    return rows.filter(published=True).select_related("body", "body__municipality")


def is_withheld(item: Item) -> bool:
    return item.confidential or item.visibility == Visibility.SECRET


def withheld_q(prefix: str = "") -> Q:
    """Q matching items whose content is withheld; ``prefix`` like "item__" for related lookups."""
    return Q(**{f"{prefix}confidential": True}) | Q(**{f"{prefix}visibility": Visibility.SECRET})


def public_items() -> QuerySet[Item]:
    """Items of published meetings, including withheld ones (render them with ``is_withheld``)."""
    return Item.objects.filter(meeting__published=True).select_related("meeting", "meeting__body")


def open_items() -> QuerySet[Item]:
    """Items whose content the public may read: published and not withheld."""
    return public_items().exclude(withheld_q())
