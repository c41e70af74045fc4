"""Keep the index in step with the archive's ``meeting_saved`` / ``meeting_deleted`` signals
(sent on transaction commit, with ``meeting=``)."""

from __future__ import annotations


def _saved(sender, meeting=None, **kwargs) -> None:
    from protokoll.search.indexing import reindex_meeting

    if meeting is not None:
        reindex_meeting(meeting)


def _deleted(sender, meeting=None, meeting_id=None, **kwargs) -> None:
    from protokoll.search.indexing import remove_meeting

    target = meeting_id if meeting_id is not None else getattr(meeting, "pk", meeting)
    if target is not None:
        remove_meeting(int(target))


def connect() -> None:
    from protokoll.archive import signals

    for name, receiver in (("meeting_saved", _saved), ("meeting_deleted", _deleted)):
        signal = getattr(signals, name, None)
        if signal is not None:
            signal.connect(receiver, dispatch_uid=f"protokoll.search.{name}")
