"""The frame of every write: one transaction, the ``record`` permission, the immutability and
optimistic-locking checks, the version bump and an audit event (issue 6 "Record")."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import F

from protokoll.accounts.permissions import Perm, require
from protokoll.archive import models as m
from protokoll.audit import record as audit
from protokoll.audit.actions import Action
from protokoll.recording.errors import Stale
from protokoll.recording.immutability import guard_item


def _check_version(kind: str, label: str, stored: int, given: int | None) -> None:
    if given is not None and int(given) != stored:
        raise Stale(
            f"{label} har ändrats av någon annan sedan du läste {kind} (version {given}, nu {stored}). "
            "Ladda om sidan; dina uppgifter står kvar i formuläret."
        )


@contextmanager
def item_write(user, item_id: int, version: int | None, summary: str, *, request=None) -> Iterator[m.Item]:
    """Yield the locked § for changing. ``version`` is the one the writer read (None only for
    calls that append without depending on what they read, e.g. the API's "add a ballot")."""
    with transaction.atomic():
        item = m.Item.objects.select_for_update().select_related("meeting__body").get(pk=item_id)
        require(user, Perm.RECORD, item.meeting.body)
        guard_item(item)
        _check_version("paragrafen", f"§ {item.paragraph}", item.version, version)
        yield item
        m.Item.objects.filter(pk=item.pk).update(version=F("version") + 1)
        item.version += 1
        audit(
            Action.CHANGE_BEFORE_JUSTERING,
            actor=user,
            body=item.meeting.body,
            obj=item,
            summary=f"§ {item.paragraph} ({item.meeting.date.isoformat()}): {summary}",
            request=request,
        )


@contextmanager
def meeting_write(
    user, meeting_id: int, version: int | None, summary: str, *, request=None
) -> Iterator[m.Meeting]:
    with transaction.atomic():
        meeting = m.Meeting.objects.select_for_update().select_related("body").get(pk=meeting_id)
        require(user, Perm.RECORD, meeting.body)
        _check_version("sammanträdet", f"Sammanträdet {meeting.date}", meeting.version, version)
        yield meeting
        m.Meeting.objects.filter(pk=meeting.pk).update(version=F("version") + 1)
        meeting.version += 1
        audit(
            Action.CHANGE_BEFORE_JUSTERING,
            actor=user,
            body=meeting.body,
            obj=meeting,
            summary=f"Sammanträdet {meeting.date.isoformat()}: {summary}",
            request=request,
        )
