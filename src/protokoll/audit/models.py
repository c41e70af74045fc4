"""``AuditEvent``: one row per event, never changed or removed.

Append-only twice over: in Python the model and its querysets refuse ``save`` of an existing row,
``update`` and ``delete``; in the database triggers refuse UPDATE and DELETE (and TRUNCATE on
PostgreSQL), so neither a bug, raw SQL from the application nor an injected statement rewrites
history (``protokoll.audit.db``). Actor and body are kept as a snapshot (username, body name)
beside a reference without a database constraint, so deleting a user or a body changes no
event."""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from protokoll.audit.actions import Action


class AppendOnlyError(RuntimeError):
    """An attempt to change or remove an audit event."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("the audit log is append-only: events cannot be updated")

    def delete(self):
        raise AppendOnlyError("the audit log is append-only: events cannot be deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("the audit log is append-only: events cannot be updated")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only: events cannot be updated")


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_username = models.CharField(max_length=150, blank=True, default="")
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    body = models.ForeignKey(
        "archive.Body",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    body_name = models.TextField(blank=True, default="")
    object_type = models.CharField(max_length=64, blank=True, default="", help_text='e.g. "archive.item"')
    object_id = models.CharField(max_length=64, blank=True, default="")
    summary = models.TextField(blank=True, default="")
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    ip = models.GenericIPAddressField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "logghändelse"
        verbose_name_plural = "logghändelser"
        indexes = [models.Index(fields=["body", "at"], name="audit_event_body_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username or '-'} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("the audit log is append-only: events cannot be changed")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only: events cannot be deleted")
