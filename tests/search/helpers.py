"""Small hand-built archives for the search tests (invented names and text)."""

from __future__ import annotations

import datetime as dt

from protokoll.archive.loading import load_document
from protokoll.document.model import Document, Item
from protokoll.domain.dnr import parse_dnr


def item(paragraph: int, title: str, decision: str | None = None, **fields) -> Item:
    number = fields.pop("case_number", None)
    if number:
        fields["case_number"] = number
        fields["case"] = parse_dnr(number)
    return Item(paragraph=paragraph, title=title, decision=decision, **fields)


def meeting(
    items: list[Item], *, body="Socialnämnden", date="2025-03-12", municipality="Exempelby", published=True
):
    doc = Document(
        municipality=municipality,
        body=body,
        meeting={"date": dt.date.fromisoformat(date)},
        items=items,
    )
    stored = load_document(doc).meeting
    if not published:
        stored.published = False
        stored.save(update_fields=["published"])
    return stored
