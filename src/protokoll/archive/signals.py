"""What the archive announces to other parts (the search index, caches): a meeting was stored
or deleted. Both are sent only once the transaction has committed, so a receiver never sees a
meeting that a rollback then takes back; a failing receiver is logged and never undoes or
fails the store (``robust=True``).

- ``meeting_saved``: ``meeting=`` the stored Meeting (created or replaced by ``load_document``).
- ``meeting_deleted``: ``meeting_id=`` the id the deleted meeting had.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

meeting_saved = Signal()
meeting_deleted = Signal()


def announce_saved(meeting) -> None:
    """Call after changing a meeting outside ``load_document`` (e.g. publishing it)."""
    from protokoll.archive.models import Meeting

    transaction.on_commit(lambda: meeting_saved.send(sender=Meeting, meeting=meeting), robust=True)


def _on_meeting_delete(sender, instance, **kwargs) -> None:
    meeting_id = instance.pk
    transaction.on_commit(lambda: meeting_deleted.send(sender=sender, meeting_id=meeting_id), robust=True)


def connect() -> None:
    from django.db.models.signals import post_delete

    from protokoll.archive.models import Meeting

    post_delete.connect(_on_meeting_delete, sender=Meeting, dispatch_uid="protokoll.archive.meeting_deleted")
