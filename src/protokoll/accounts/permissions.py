"""The permission API: every view, API endpoint and command that shows or changes anything not
public asks here (DOMAIN 1.10; KL 6:25, 5:69).

Who may do what (roles in ``protokoll.accounts.roles``; a role counts on a day when
``start <= day <= end``, open ends unbounded; inactive users have no permission at all):

==================  ===========================================================================
``view_unpublished``  the body's participants (secretary, chair, justerare, ledamot, ersättare)
                      on the day of access. Not administrators: a nämnd's drafts are its own.
``view_secret``       the same participants (KL 6:25: they sit behind the closed doors where the
                      sekretess content was handled). Never administrators, never another body.
``record``            the body's secretary (prepare and record meetings, edit before justering).
``publish``           the body's secretary (publication, masking, rättelse).
``adjust``            for one meeting: the body's chair, or a justerare, on the meeting's date
                      (a ``BodyRole`` adjuster covering that date, or a linked person named
                      among the meeting's justerare).
``view_audit``        the body's secretary, and administrators (loggkontroll).
==================  ===========================================================================

The public (anonymous users, and logged-in users without a role in the body) get none of these.

``visible_meetings`` / ``visible_items`` extend ``protokoll.web.public``: for the public they are
exactly the public querysets; a participant additionally sees their own bodies' unpublished
meetings and sekretess §§, never another body's. Content of a sekretess § is read through
``read_secret_item``, which checks the permission and writes a ``read_secret`` audit event.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from protokoll.accounts.roles import PARTICIPANT_ROLES, Role
from protokoll.archive.models import Body, Item, Meeting
from protokoll.archive.visibility import is_withheld, withheld_q
from protokoll.web.public import public_items


class Perm(StrEnum):
    """The permissions ``require`` checks; each maps to one ``can_…`` function."""

    VIEW_UNPUBLISHED = "view_unpublished"
    VIEW_SECRET = "view_secret"
    RECORD = "record"
    PUBLISH = "publish"
    ADJUST = "adjust"
    VIEW_AUDIT = "view_audit"


_CACHE = "_protokoll_body_roles"


def _active(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_administrator(user) -> bool:
    return _active(user) and bool(user.is_superuser)


def roles_by_body(user, day: dt.date | None = None) -> dict[int, frozenset[Role]]:
    """{body id: roles} the user holds on ``day`` (default today), cached on the user object
    for the request (call ``forget_roles`` after changing roles of a live user object)."""
    if not _active(user):
        return {}
    day = day or timezone.localdate()
    cache = user.__dict__.setdefault(_CACHE, {})
    if day not in cache:
        from protokoll.accounts.models import BodyRole

        rows = BodyRole.objects.filter(user=user).filter(
            Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day)
        )
        found: dict[int, set[Role]] = {}
        for body_id, role in rows.values_list("body_id", "role"):
            found.setdefault(body_id, set()).add(Role(role))
        cache[day] = {b: frozenset(r) for b, r in found.items()}
    return cache[day]


def forget_roles(user) -> None:
    user.__dict__.pop(_CACHE, None)


def roles_in(user, body: Body | int, day: dt.date | None = None) -> frozenset[Role]:
    """The roles ``user`` holds towards ``body`` on ``day``; administrators add ADMINISTRATOR."""
    roles = set(roles_by_body(user, day).get(_body_id(body), ()))
    if is_administrator(user):
        roles.add(Role.ADMINISTRATOR)
    return frozenset(roles) or frozenset({Role.PUBLIC})


def bodies_where(user, roles: frozenset[Role] | set[Role], day: dt.date | None = None) -> set[int]:
    """Ids of the bodies in which ``user`` holds any of ``roles`` on ``day``."""
    return {b for b, held in roles_by_body(user, day).items() if held & roles}


def _body_id(body: Body | int) -> int:
    return body if isinstance(body, int) else body.pk


def _participates(user, body: Body | int) -> bool:
    return bool(roles_by_body(user).get(_body_id(body), frozenset()) & PARTICIPANT_ROLES)


def can_view_unpublished(user, body: Body | int) -> bool:
    return _participates(user, body)


def can_view_secret(user, body: Body | int) -> bool:
    """Kept apart from ``can_view_unpublished`` although the same people hold both today: a
    municipality that narrows sekretess (e.g. ersättare not serving) changes this one only."""
    return _participates(user, body)


def can_record(user, body: Body | int) -> bool:
    return Role.SECRETARY in roles_by_body(user).get(_body_id(body), frozenset())


def can_publish(user, body: Body | int) -> bool:
    return Role.SECRETARY in roles_by_body(user).get(_body_id(body), frozenset())


def can_view_audit(user, body: Body | int | None) -> bool:
    """``body=None`` is the whole log (logins and events tied to no body): administrators only."""
    if is_administrator(user):
        return True
    return body is not None and can_record(user, body)


def can_adjust(user, meeting: Meeting) -> bool:
    """The chair or a justerare of ``meeting`` (KL 5:69), judged on the meeting's date."""
    held = roles_by_body(user, meeting.date).get(meeting.body_id, frozenset())
    if Role.CHAIR in held or Role.ADJUSTER in held:
        return True
    if not held & PARTICIPANT_ROLES:
        return False
    from protokoll.accounts.models import BodyRole

    persons = BodyRole.objects.filter(user=user, body_id=meeting.body_id).exclude(person=None)
    return meeting.adjusters.filter(person_id__in=persons.values("person_id")).exists()


def body_of(obj: Body | Meeting | Item | int) -> int:
    """The body id an object belongs to (a body, a meeting, an item, or a body id)."""
    if isinstance(obj, Item):
        return obj.meeting.body_id
    if isinstance(obj, Meeting):
        return obj.body_id
    return _body_id(obj)


def has_perm(user, perm: Perm | str, obj: Body | Meeting | Item | int | None) -> bool:
    perm = Perm(perm)
    if perm is Perm.ADJUST:
        if isinstance(obj, Item):
            obj = obj.meeting
        if not isinstance(obj, Meeting):
            raise TypeError("adjust is checked on a meeting (or an item of it)")
        return can_adjust(user, obj)
    if perm is Perm.VIEW_AUDIT and obj is None:
        return can_view_audit(user, None)
    check = {
        Perm.VIEW_UNPUBLISHED: can_view_unpublished,
        Perm.VIEW_SECRET: can_view_secret,
        Perm.RECORD: can_record,
        Perm.PUBLISH: can_publish,
        Perm.VIEW_AUDIT: can_view_audit,
    }[perm]
    return check(user, body_of(obj))


def require(user, perm: Perm | str, obj: Body | Meeting | Item | int | None) -> None:
    """Raise ``PermissionDenied`` (HTTP 403) unless ``user`` has ``perm`` on ``obj``."""
    if not has_perm(user, perm, obj):
        raise PermissionDenied(f"{perm} nekas")


def visible_meetings(user) -> QuerySet[Meeting]:
    """Meetings the user may open: published ones, plus unpublished ones of their own bodies."""
    own = bodies_where(user, PARTICIPANT_ROLES)
    q = Q(published=True) | Q(body_id__in=own) if own else Q(published=True)
    return Meeting.objects.filter(q).select_related("body", "body__municipality")


def listed_items(user) -> QuerySet[Item]:
    """Items the user may see listed (a withheld one shown as its number and a marker, see
    ``is_withheld_for``): ``public_items()`` plus their own bodies' unpublished items."""
    own = bodies_where(user, PARTICIPANT_ROLES)
    if not own:
        return public_items()
    q = Q(meeting__published=True) | Q(meeting__body_id__in=own)
    return Item.objects.filter(q).select_related("meeting", "meeting__body")


def visible_items(user) -> QuerySet[Item]:
    """Items whose content the user may read: ``open_items()`` for the public; a participant
    also reads their own bodies' unpublished and sekretess §§ (reading a sekretess § in full
    should still go through ``read_secret_item`` so that the read is logged)."""
    secret_ok = bodies_where(user, PARTICIPANT_ROLES)
    items = listed_items(user)
    if not secret_ok:
        return items.exclude(withheld_q())
    return items.exclude(withheld_q() & ~Q(meeting__body_id__in=secret_ok))


def is_withheld_for(user, item: Item) -> bool:
    """True when ``item`` is withheld from the public (sekretess, ``public.is_withheld``) and
    ``user`` may not read its content."""
    return is_withheld(item) and not can_view_secret(user, item.meeting.body_id)


def can_view_item(user, item: Item) -> bool:
    """May ``user`` see that ``item`` exists (its number and, if withheld, the marker)?"""
    return item.meeting.published or can_view_unpublished(user, item.meeting.body_id)


def read_secret_item(user, item: Item, *, request=None) -> Item:
    """Return ``item`` for reading its content, after checking permission. Reading a withheld
    § writes a ``read_secret`` audit event (who, which §, when); the summary names the § by
    number only, because the audit log is also read by administrators who may not see the
    content (DOMAIN 1.10)."""
    if not can_view_item(user, item):
        raise PermissionDenied("view_unpublished nekas")
    if is_withheld(item):
        require(user, Perm.VIEW_SECRET, item)
        from protokoll.audit import record
        from protokoll.audit.actions import Action

        record(
            Action.READ_SECRET,
            actor=user,
            body=item.meeting.body_id,
            obj=item,
            summary=f"Läste sekretessbelagd § {item.paragraph} i sammanträdet {item.meeting.date.isoformat()}",
            request=request,
        )
    return item
