"""Roles held by users towards bodies, over time."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from protokoll.accounts.roles import BODY_ROLES, Role


class BodyRole(models.Model):
    """``user`` holds ``role`` towards ``body`` from ``start`` to ``end`` (both inclusive; an
    open end means "until further notice"). A user may hold several roles, in several bodies.

    ``person`` optionally links the user to the name protocols write for them, so that a
    justerare named in a stored protocol (``archive.Adjuster``) is recognised (KL 5:69)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_roles")
    body = models.ForeignKey("archive.Body", on_delete=models.CASCADE, related_name="user_roles")
    role = models.CharField(max_length=16, choices=[(r.value, r.label) for r in BODY_ROLES])
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    person = models.ForeignKey(
        "archive.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="user_roles"
    )

    class Meta:
        ordering = ["body", "role", "user"]
        verbose_name = "roll"
        verbose_name_plural = "roller"
        indexes = [models.Index(fields=["user", "body", "role"], name="accounts_bodyrole_lookup")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(start__lte=models.F("end")),
                name="accounts_bodyrole_period",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in BODY_ROLES]), name="accounts_bodyrole_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {Role(self.role).label}, {self.body.name}"
