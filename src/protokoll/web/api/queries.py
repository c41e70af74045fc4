"""Public rows for each API resource, all built on ``protokoll.web.public`` (never on
``Model.objects`` directly), with the related rows each serializer needs fetched up front."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from protokoll.archive import models as m
from protokoll.web.public import open_items, public_items, public_meetings, withheld_q

_BY = Prefetch("by", to_attr="_by")


def item_prefetch(prefix: str = "") -> list:
    """Prefetches for serialising items (``prefix`` like "items__" from a meeting queryset)."""
    return [
        Prefetch(f"{prefix}motions", queryset=m.Motion.objects.prefetch_related(_BY)),
        Prefetch(f"{prefix}reservations", queryset=m.Reservation.objects.prefetch_related(_BY)),
        Prefetch(f"{prefix}statements", queryset=m.Statement.objects.prefetch_related(_BY)),
        f"{prefix}votes__ballots",
        f"{prefix}conflicts",
        f"{prefix}assignments",
        f"{prefix}sent_to",
        f"{prefix}attachments",
    ]


def municipalities() -> QuerySet[m.Municipality]:
    return m.Municipality.objects.filter(pk__in=public_meetings().values("body__municipality")).order_by(
        "name"
    )


def bodies() -> QuerySet[m.Body]:
    return (
        m.Body.objects.filter(pk__in=public_meetings().values("body"))
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )


def meetings() -> QuerySet[m.Meeting]:
    return (
        public_meetings()
        .select_related("adjustment", "notice")
        .prefetch_related(
            "attendance",
            "adjusters",
            "adjustment__signed_by",
            Prefetch("items", queryset=m.Item.objects.select_related("case", "case__municipality")),
            *item_prefetch("items__"),
        )
        .order_by("-date", "body__name", "pk")
    )


def items() -> QuerySet[m.Item]:
    return (
        public_items()
        .select_related("case", "case__municipality", "meeting__body__municipality")
        .prefetch_related(*item_prefetch())
        .order_by("-meeting__date", "meeting__body__name", "meeting_id", "position")
    )


def _open(model) -> QuerySet:
    """Rows hanging off items (``item`` foreign key) whose item the public may read."""
    return (
        model.objects.filter(item__meeting__published=True)
        .exclude(withheld_q("item__"))
        .select_related("item__meeting__body__municipality")
        .order_by("-item__meeting__date", "item__meeting_id", "item__position", "position")
    )


def votes() -> QuerySet[m.Vote]:
    return _open(m.Vote).prefetch_related("ballots")


def reservations() -> QuerySet[m.Reservation]:
    return _open(m.Reservation).prefetch_related(_BY)


def conflicts() -> QuerySet[m.Conflict]:
    return _open(m.Conflict)


def assignments() -> QuerySet[m.Assignment]:
    return _open(m.Assignment)


def cases() -> QuerySet[m.Case]:
    return (
        m.Case.objects.filter(pk__in=open_items().exclude(case=None).values("case"))
        .select_related("municipality")
        .order_by("municipality__name", "key")
    )


def persons() -> QuerySet[m.Person]:
    """Persons named in something the public may read: a published meeting's attendance,
    chair, secretary, justerare and signers, or the motions, ballots, reservations,
    statements and jäv of an open §. A person named only in a withheld § or an unpublished
    meeting is not listed (the name alone can reveal the matter)."""
    published = {"meeting__published": True}
    open_q = ~withheld_q("item__")
    sources = [
        m.AttendanceEntry.objects.filter(**published).values("person"),
        m.AttendanceEntry.objects.filter(**published).values("replaces"),
        m.Meeting.objects.filter(published=True).values("chair"),
        m.Meeting.objects.filter(published=True).values("secretary"),
        m.Adjuster.objects.filter(**published).values("person"),
        m.AdjustmentSigner.objects.filter(adjustment__meeting__published=True).values("person"),
        m.Ballot.objects.filter(vote__item__meeting__published=True)
        .exclude(withheld_q("vote__item__"))
        .values("person"),
        m.MotionAuthor.objects.filter(motion__item__meeting__published=True)
        .exclude(withheld_q("motion__item__"))
        .values("person"),
        m.ReservationAuthor.objects.filter(reservation__item__meeting__published=True)
        .exclude(withheld_q("reservation__item__"))
        .values("person"),
        m.StatementAuthor.objects.filter(statement__item__meeting__published=True)
        .exclude(withheld_q("statement__item__"))
        .values("person"),
        m.Conflict.objects.filter(item__meeting__published=True).filter(open_q).values("person"),
    ]
    q = Q()
    for source in sources:
        q |= Q(pk__in=source)
    return m.Person.objects.filter(q).select_related("municipality").order_by("municipality__name", "name")


def parties() -> list[str]:
    rows = (
        m.AttendanceEntry.objects.filter(meeting__published=True)
        .exclude(party=None)
        .values_list("party", flat=True)
        .distinct()
    )
    return sorted(set(rows))
