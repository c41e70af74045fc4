"""Fixture archive for the API tests: the full example, a later meeting of the same body that
takes up the same case again, and an unpublished meeting of another body."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.document import example


def later_meeting():
    """The full example moved to a later date: § 22's case comes back, § 24 stays confidential."""
    doc = example("full")
    items = [it.model_copy(update={"paragraph": it.paragraph + 20}) for it in doc.items]
    items[1] = items[1].model_copy(
        update={
            "title": "Återrapport av uppdrag om riktlinjer för hemtjänst",
            "votes": [],
            "reservations": [],
        }
    )
    return doc.model_copy(
        update={
            "meeting": doc.meeting.model_copy(update={"date": dt.date(2025, 4, 15)}),
            "items": items,
            "warnings": [],
        }
    )


def unpublished_meeting(text: str = "Opublicerad text"):
    doc = example("full")
    items = [it.model_copy(update={"title": f"{text} {it.paragraph}", "decision": text}) for it in doc.items]
    return doc.model_copy(
        update={
            "body": "Byggnadsnämnden",
            "meeting": doc.meeting.model_copy(update={"date": dt.date(2025, 5, 20)}),
            "items": items,
        }
    )


@pytest.fixture
def archive(db):
    """{'full': Meeting, 'later': Meeting, 'hidden': Meeting (unpublished)}."""
    full = load_document(example("full")).meeting
    later = load_document(later_meeting()).meeting
    hidden = load_document(unpublished_meeting()).meeting
    m.Meeting.objects.filter(pk=hidden.pk).update(published=False)
    return {"full": full, "later": later, "hidden": m.Meeting.objects.get(pk=hidden.pk)}


@pytest.fixture
def full_meeting(db):
    return load_document(example("full")).meeting
