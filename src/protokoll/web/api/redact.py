"""The public version of a ``protokoll/1`` document: withheld §§ reduced to number and marker.

A § under sekretess (KL 6:25; DOMAIN 1.10) keeps only its number and ``confidential: true``;
its title, Dnr, decision, background, motions, votes, names, outcome and provenance are
removed, because any of them can reveal who the matter is about (the title included).
Warnings that point at a withheld § go too: their messages quote the §. The result still
validates as a ``protokoll/1`` document, so the public dump can be loaded elsewhere.
Every personnummer in the public document is masked (``web.masking``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from protokoll.archive import models as m
from protokoll.archive.exporting import meeting_dict, meeting_queryset
from protokoll.document.model import Document
from protokoll.document.model import Item as DocItem
from protokoll.web.masking import mask_value
from protokoll.web.public import is_withheld, public_meetings


def withheld_indexes(items: Iterable[m.Item]) -> set[int]:
    """Indexes (in document order, i.e. by ``position``) of the items the public may not read."""
    ordered = sorted(items, key=lambda i: i.position)
    return {n for n, item in enumerate(ordered) if is_withheld(item)}


def redacted_item(paragraph: int | None) -> dict:
    return DocItem(paragraph=paragraph, confidential=True).model_dump(mode="json", by_alias=True)


def redact_document(data: dict, withheld: Collection[int]) -> dict:
    """A copy of the document dict ``data`` with the items at indexes ``withheld`` reduced."""
    if not withheld:
        return data
    items = data.get("items", [])
    hidden_paragraphs = {items[n].get("paragraph") for n in withheld if n < len(items)} - {None}
    out = dict(data)
    out["items"] = [
        redacted_item(item.get("paragraph")) if n in withheld else item for n, item in enumerate(items)
    ]
    out["warnings"] = [w for w in data.get("warnings", []) if w.get("paragraph") not in hidden_paragraphs]
    return out


def public_document_from_row(row: m.Meeting) -> dict:
    """The redacted document of a meeting fetched with ``meeting_queryset()`` (prefetched), its
    personnummer masked (DOMAIN 1.10, checklist 37): every public copy of it comes from here."""
    data = Document.model_validate(meeting_dict(row)).to_json_dict()
    return mask_value(redact_document(data, withheld_indexes(row.items.all())))


def public_document(meeting: m.Meeting | int) -> dict:
    """The redacted document of a published meeting; ``Meeting.DoesNotExist`` otherwise."""
    pk = meeting if isinstance(meeting, int) else meeting.pk
    public_pks = public_meetings().filter(pk=pk).values("pk")
    row = meeting_queryset().get(pk__in=public_pks)
    return public_document_from_row(row)
