"""After justering the signed §§ are immutable (KL 5:69; JO 581-2013; DOMAIN 1.1 "Model
consequence"). Enforced here at the model layer with signals on every archive row of a §, so
that no code path — view, API, shell — can change a justerat § by ``save()`` or ``delete()``;
the recording services check the same before their own ``update()`` calls."""

from __future__ import annotations

from django.db.models.signals import pre_delete, pre_save

from protokoll.archive import models as m
from protokoll.recording.errors import Immutable

# child model → how to reach its Item
_CHILDREN = {
    m.Motion: "item",
    m.Vote: "item",
    m.Reservation: "item",
    m.Statement: "item",
    m.Conflict: "item",
    m.Assignment: "item",
    m.Dispatch: "item",
    m.Attachment: "item",
    m.MotionAuthor: "motion__item",
    m.ReservationAuthor: "reservation__item",
    m.StatementAuthor: "statement__item",
    m.Ballot: "vote__item",
}


def adjusted_paragraphs(meeting_id: int) -> set[int]:
    from protokoll.recording.models import Justering

    done: set[int] = set()
    for numbers in Justering.objects.filter(meeting_id=meeting_id, completed_on__isnull=False).values_list(
        "paragraphs", flat=True
    ):
        done.update(numbers)
    return done


def is_adjusted(item: m.Item) -> bool:
    return item.paragraph in adjusted_paragraphs(item.meeting_id)


def guard_item(item: m.Item) -> None:
    if item.pk is not None and is_adjusted(item):
        raise Immutable(
            f"§ {item.paragraph} är justerad och kan inte ändras; gör en rättelse i stället (JO 581-2013)"
        )


def _item_of(instance) -> m.Item | None:
    path = _CHILDREN[type(instance)].split("__")
    obj = instance
    for step in path:
        obj = getattr(obj, step, None)
        if obj is None:
            return None
    return obj


def _on_item_save(sender, instance: m.Item, **kwargs) -> None:
    if instance.pk is None:
        return
    stored = m.Item.objects.filter(pk=instance.pk).values_list("meeting_id", "paragraph").first()
    if stored and stored[1] in adjusted_paragraphs(stored[0]):
        raise Immutable(
            f"§ {stored[1]} är justerad och kan inte ändras; gör en rättelse i stället (JO 581-2013)"
        )


def _on_item_delete(sender, instance: m.Item, **kwargs) -> None:
    guard_item(instance)


def _on_child(sender, instance, **kwargs) -> None:
    item = _item_of(instance)
    if item is not None:
        guard_item(item)


def connect() -> None:
    from protokoll.recording.models import PropositionStep

    _CHILDREN[PropositionStep] = "item"  # the propositionsordning's steps are part of the signed §
    pre_save.connect(_on_item_save, sender=m.Item, dispatch_uid="recording.immutable.item.save")
    pre_delete.connect(_on_item_delete, sender=m.Item, dispatch_uid="recording.immutable.item.delete")
    for model in _CHILDREN:
        pre_save.connect(_on_child, sender=model, dispatch_uid=f"recording.immutable.{model.__name__}.save")
        pre_delete.connect(
            _on_child, sender=model, dispatch_uid=f"recording.immutable.{model.__name__}.delete"
        )
