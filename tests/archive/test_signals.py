"""The archive announces stored and deleted meetings after commit (the search index listens)."""

from __future__ import annotations

import pytest

from protokoll.archive import loading
from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.archive.signals import meeting_deleted, meeting_saved
from protokoll.document import example

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    events: list[tuple[str, int]] = []

    def saved(sender, meeting, **kwargs):
        events.append(("saved", meeting.pk))

    def deleted(sender, meeting_id, **kwargs):
        events.append(("deleted", meeting_id))

    meeting_saved.connect(saved, dispatch_uid="test.saved")
    meeting_deleted.connect(deleted, dispatch_uid="test.deleted")
    yield events
    meeting_saved.disconnect(dispatch_uid="test.saved")
    meeting_deleted.disconnect(dispatch_uid="test.deleted")


def test_saved_after_commit_for_created_and_updated_not_for_unchanged(
    heard, django_capture_on_commit_callbacks
):
    doc = example("full")
    with django_capture_on_commit_callbacks(execute=True):
        pk = load_document(doc).meeting.pk
    with django_capture_on_commit_callbacks(execute=True):
        load_document(doc)
    with django_capture_on_commit_callbacks(execute=True):
        load_document(doc.model_copy(update={"warnings": []}))
    assert heard == [("saved", pk), ("saved", pk)]


def test_nothing_is_announced_for_a_load_that_rolled_back(
    heard, monkeypatch, django_capture_on_commit_callbacks
):
    def explode(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(loading, "_write_item_children", explode)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        load_document(example("full"))
    assert callbacks == []
    assert heard == []


def test_deleted_after_commit(heard, django_capture_on_commit_callbacks):
    pk = load_document(example("minimal")).meeting.pk
    with django_capture_on_commit_callbacks(execute=True):
        m.Meeting.objects.filter(pk=pk).delete()
    assert heard == [("deleted", pk)]


def test_a_failing_receiver_does_not_fail_the_load(django_capture_on_commit_callbacks):
    def broken(sender, **kwargs):
        raise RuntimeError("index down")

    meeting_saved.connect(broken, dispatch_uid="test.broken")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            result = load_document(example("minimal"))
    finally:
        meeting_saved.disconnect(dispatch_uid="test.broken")
    assert result.status == "created"
    assert m.Meeting.objects.count() == 1
