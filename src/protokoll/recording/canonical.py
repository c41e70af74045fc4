"""The bytes a justerare signs: the canonical JSON of the signed §§ (docs/recording.md).

``canonical_bytes`` is the one definition: JSON with sorted keys, no whitespace, UTF-8
(``ensure_ascii=False``). The payload holds the meeting's identity and, per signed §, the §'s
content as the ``protokoll/1`` document stores it plus who served on it (KL 5:66–67), so any
change to a signed § — its text, a vote, a ballot, a reservation, its attendance — changes the
bytes. Who served is read from the stored attendance lines, so later changes to the body's
memberships leave a signed § as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from protokoll.archive import models as m
from protokoll.archive.exporting import meeting_dict, meeting_queryset


def canonical_bytes(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def payload(meeting: m.Meeting | int, paragraphs: Iterable[int]) -> dict:
    from protokoll.recording.roster import served_by_entries

    pk = meeting if isinstance(meeting, int) else meeting.pk
    row = meeting_queryset().get(pk=pk)
    wanted = sorted(set(paragraphs))
    doc = meeting_dict(row)
    items = [i for i in doc["items"] if i["paragraph"] in wanted]
    served = served_by_entries(row, [i["paragraph"] for i in items])
    return {
        "municipality": doc["municipality"],
        "body": doc["body"],
        "date": doc["meeting"]["date"],
        "paragraphs": wanted,
        "items": items,
        "serving": {str(p): sorted(names) for p, names in served.items()},
    }


def payload_bytes(meeting: m.Meeting | int, paragraphs: Iterable[int]) -> bytes:
    return canonical_bytes(payload(meeting, paragraphs))
