"""Filling the archive for page tests."""

from __future__ import annotations

from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.demo import generate
from protokoll.document import example
from protokoll.web.pages.common import meeting_url
from protokoll.web.pages.sources import attribute

MUNICIPALITY = "exempelstad"


def reindex() -> None:
    """Search indexes what was loaded (the search area keeps its own index, when installed)."""
    reindex_all = attribute("protokoll.search.api", "reindex_all")
    if reindex_all is not None:
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
