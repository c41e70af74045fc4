"""The protocol page's data: one published meeting with every row it shows, fetched in a fixed
number of queries, and turned into a view in which a withheld § carries nothing but its number
(KL 6:25; DOMAIN 1.10): the template cannot show what it is never given."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from protokoll.archive import models as m
from protokoll.archive.exporting import meeting_queryset
from protokoll.domain.vocab import AttendanceGroup, AttendanceStatus, StatementKind
from protokoll.web import public
from protokoll.web.pages import labels


def protocol_queryset() -> QuerySet[m.Meeting]:
    return public.public_meetings(meeting_queryset())


@dataclass
class ItemView:
    paragraph: int | None
    anchor: str
    withheld: bool
    item: m.Item | None = None  # None when withheld
    outcome: str = ""
    special_statements: list = field(default_factory=list)
    protocol_notes: list = field(default_factory=list)

    @property
    def heading(self) -> str:
        number = f"§ {self.paragraph}" if self.paragraph is not None else "§"
        if self.item is None or not self.item.title:
            return number
        return f"{number} {self.item.title}"


def item_view(item: m.Item) -> ItemView:
    anchor = f"p{item.paragraph}" if item.paragraph is not None else f"i{item.position}"
    if public.is_withheld(item):
        return ItemView(item.paragraph, anchor, True)
    statements = list(item.statements.all())
    # Swedish words for the codes, set on the prefetched rows the template walks.
    for motion in item.motions.all():
        motion.kind_label = labels.label(labels.MOTION, motion.kind)
    # Prefetched as ``_by`` (the name archive.exporting reads), which templates may not touch.
    for row in [*item.motions.all(), *item.reservations.all(), *statements]:
        row.authors = row._by
    for vote in item.votes.all():
        for ballot in vote.ballots.all():
            ballot.choice_label = labels.label(labels.CHOICE, ballot.choice)
    for dispatch in item.sent_to.all():
        dispatch.purpose_label = labels.label(labels.DISPATCH, dispatch.purpose)
    return ItemView(
        item.paragraph,
        anchor,
        False,
        item,
        labels.label(labels.OUTCOME, item.outcome),
        [s for s in statements if s.kind == StatementKind.SPECIAL_STATEMENT],
        [s for s in statements if s.kind == StatementKind.PROTOCOL_NOTE],
    )


def ranges(paragraphs) -> str:
    if not paragraphs:
        return ""
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in paragraphs]
    return ("§ " if len(parts) == 1 and "–" not in parts[0] else "§§ ") + ", ".join(parts)


def attendance_groups(entries: list[m.AttendanceEntry]) -> list[tuple[str, list]]:
    """The attendance list in the order protocols write it (KL 5:66: who served first)."""
    for e in entries:
        e.ranges_text = ranges(e.paragraphs)
    present = [e for e in entries if e.status == AttendanceStatus.PRESENT]
    groups = [
        ("Beslutande ledamöter", [e for e in present if e.group == AttendanceGroup.MEMBER]),
        (
            "Tjänstgörande ersättare",
            [e for e in present if e.group == AttendanceGroup.SUBSTITUTE and e.serving],
        ),
        (
            "Ej tjänstgörande ersättare",
            [e for e in present if e.group == AttendanceGroup.SUBSTITUTE and not e.serving],
        ),
        ("Tjänstepersoner", [e for e in present if e.group == AttendanceGroup.OFFICIAL]),
        ("Övriga närvarande", [e for e in present if e.group == AttendanceGroup.OTHER]),
        ("Frånvarande", [e for e in entries if e.status == AttendanceStatus.ABSENT]),
    ]
    return [(title, rows) for title, rows in groups if rows]


def clock(value: dt.time | None) -> str:
    return value.strftime("%H.%M") if value else ""
