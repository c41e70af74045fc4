"""Filling the archive for page tests."""

from __future__ import annotations

from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.demo import generate
from protokoll.document import example
from protokoll.search.api import reindex_all
from protokoll.web.pages.common import meeting_url

MUNICIPALITY = "exempelstad"


def reindex() -> None:
    """Search keeps its own index of what was loaded."""
    reindex_all()


def load(doc=None) -> m.Meeting:
    meeting = load_document(doc if doc is not None else example("full")).meeting
    reindex()
    return meeting


def load_demo() -> list[m.Meeting]:
    meetings = [load_document(doc).meeting for doc in generate(1)]
    reindex()
    return meetings


def url(meeting: m.Meeting) -> str:
    return meeting_url(m.Meeting.objects.select_related("body__municipality").get(pk=meeting.pk))


def text_of(response) -> str:
    return response.content.decode("utf-8")
