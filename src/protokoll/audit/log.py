"""Writing and reading the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Model, QuerySet

from protokoll.audit.actions import Action
from protokoll.audit.models import AuditEvent


def _client_ip(request) -> str | None:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a proxy is configured.
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    action: Action | str,
    *,
    actor=None,
    username: str | None = None,
    body=None,
    obj: Model | tuple[str, Any] | None = None,
    summary: str = "",
    details: dict | None = None,
    request=None,
) -> AuditEvent:
    """Append one event. ``actor`` is a user (anonymous or None for the system); ``username``
    names the actor when there is no user (a failed login); ``body`` a Body or its id; ``obj``
    a model instance or a (type, id) pair. The summary must not quote sekretess content: the
    log is read by administrators too (DOMAIN 1.10)."""
    action = Action(action)
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    body_id, body_name = None, ""
    if body is not None:
        from protokoll.archive.models import Body

        body_obj = body if isinstance(body, Body) else Body.objects.filter(pk=body).first()
        body_id = body_obj.pk if body_obj is not None else int(body)
        body_name = body_obj.name if body_obj is not None else ""
    if isinstance(obj, Model):
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
    elif obj is not None:
        object_type, object_id = str(obj[0]), str(obj[1])
    else:
        object_type, object_id = "", ""
    return AuditEvent.objects.create(
        actor=user,
        actor_username=(user.get_username() if user is not None else (username or ""))[:150],
        action=action.value,
        body_id=body_id,
        body_name=body_name,
        object_type=object_type[:64],
        object_id=object_id[:64],
        summary=summary,
        details=details or {},
        ip=_client_ip(request),
    )


def events(
    *,
    body: int | None = None,
    all_bodies: bool = False,
    action: str | None = None,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    """Events, newest first. ``body`` limits to one body; without it and without
    ``all_bodies`` only events tied to no body (logins) are returned. Dates are inclusive,
    in the server's time zone."""
    qs = AuditEvent.objects.all()
    if body is not None:
        qs = qs.filter(body_id=body)
    elif not all_bodies:
        qs = qs.filter(body_id__isnull=True)
    if action:
        qs = qs.filter(action=action)
    if actor:
        qs = qs.filter(actor_username__icontains=actor)
    if since:
        qs = qs.filter(at__date__gte=since)
    if until:
        qs = qs.filter(at__date__lte=until)
    return qs
