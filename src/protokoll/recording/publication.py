"""The public version and publication (KL 6:25; DOMAIN 1.10; checklist 36–37).

The public document is derived, never stored over the original: sekretess §§ keep their number
and a marker only (``web.api.redact``), every personnummer is masked in every text, and names
marked protected on a § are masked throughout the document.
"""

from __future__ import annotations

import re

from django.db import transaction

from protokoll.accounts.permissions import Perm, require
from protokoll.archive import models as m
from protokoll.archive.exporting import meeting_dict, meeting_queryset
from protokoll.archive.signals import announce_saved
from protokoll.audit import record as audit
from protokoll.audit.actions import Action
from protokoll.document.model import Document
from protokoll.recording.errors import Refused
from protokoll.recording.models import ItemPrivacy
from protokoll.web.api.redact import redact_document, withheld_indexes
from protokoll.web.masking import PERSONNUMMER, PNR_MASK, mask_personnummer

NAME_MASK = "[namn maskerat]"
__all__ = ["NAME_MASK", "PERSONNUMMER", "PNR_MASK", "mask_text", "public_document", "publish"]


def mask_text(text: str, names: list[str]) -> str:
    text = mask_personnummer(text)
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(re.escape(name), NAME_MASK, text, flags=re.IGNORECASE)
    return text


def _mask(value, names: list[str]):
    if isinstance(value, str):
        return mask_text(value, names)
    if isinstance(value, list):
        return [_mask(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _mask(v, names) for k, v in value.items()}
    return value


def protected_names(meeting: m.Meeting) -> list[str]:
    names: list[str] = []
    for row in ItemPrivacy.objects.filter(item__meeting=meeting):
        names += [n for n in row.protected_names if n]
    return names


def public_document(meeting: m.Meeting | int) -> Document:
    """The public version of any meeting (published or a preview of an unpublished one)."""
    pk = meeting if isinstance(meeting, int) else meeting.pk
    row = meeting_queryset().get(pk=pk)
    data = Document.model_validate(meeting_dict(row)).to_json_dict()
    data = redact_document(data, withheld_indexes(row.items.all()))
    return Document.model_validate(_mask(data, protected_names(row)))


def publish(user, meeting_id: int, *, request=None) -> m.Meeting:
    """Make the meeting visible in the public archive (``published=True``); audited. Only a
    justerat protocol is published (KL 5:69: before justering it has no legal weight)."""
    from protokoll.recording.immutability import adjusted_paragraphs

    with transaction.atomic():
        meeting = m.Meeting.objects.select_for_update().select_related("body").get(pk=meeting_id)
        require(user, Perm.PUBLISH, meeting.body)
        numbers = set(meeting.items.values_list("paragraph", flat=True))
        if not numbers or not numbers <= adjusted_paragraphs(meeting.pk):
            raise Refused("Protokollet publiceras först när alla paragrafer är justerade")
        m.Meeting.objects.filter(pk=meeting.pk).update(published=True)
        meeting.published = True
        audit(
            Action.PUBLISH,
            actor=user,
            body=meeting.body,
            obj=meeting,
            summary=f"Sammanträdet {meeting.date} publicerades",
            request=request,
        )
        announce_saved(meeting)
    return meeting
