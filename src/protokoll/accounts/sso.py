"""The seam for single sign-on (SAML, OpenID Connect) — an interface, no implementation yet.

How to add a provider later:

1. Write a Django authentication backend (e.g. wrapping mozilla-django-oidc or pysaml2) whose
   ``authenticate(request, **credentials)`` verifies the provider's assertion and returns an
   ``ExternalIdentity``-shaped object turned into a user by ``user_for_identity``.
2. Implement ``RoleSource`` to read the provider's groups or claims into ``RoleGrant``s (for
   instance group "socialnamnden-sekreterare" → secretary of Socialnämnden), and call
   ``sync_roles`` at each login so that roles follow the municipality's directory.
3. Add the backend's dotted path to ``AUTHENTICATION_BACKENDS`` after ModelBackend
   (``protokoll.accounts.settings_extra``), and a login button linking to its start URL.

Everything else (permissions, audit log, session expiry) stays as it is: the permission API
looks only at ``BodyRole`` rows, and Django fires the same ``user_logged_in`` signal that the
audit log records. tests/accounts/test_sso.py plugs a fake provider in through this seam.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from django.contrib.auth import get_user_model
from django.db import transaction

from protokoll.accounts.roles import BODY_ROLES, Role


@runtime_checkable
class ExternalIdentity(Protocol):
    """What a provider asserts about a person."""

    @property
    def subject(self) -> str:
        """The provider's stable id for the person (OIDC ``sub``, SAML NameID)."""

    @property
    def username(self) -> str: ...

    @property
    def email(self) -> str: ...

    @property
    def display_name(self) -> str: ...


@dataclass(frozen=True)
class RoleGrant:
    body_id: int
    role: Role
    start: dt.date | None = None
    end: dt.date | None = None


@runtime_checkable
class RoleSource(Protocol):
    """Turns a provider's groups or claims into roles per body."""

    def grants_for(self, identity: ExternalIdentity) -> list[RoleGrant]: ...


def user_for_identity(identity: ExternalIdentity):
    """The local user for ``identity``, created on first login without a usable password (the
    provider is the only way in)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=identity.username, defaults={"email": identity.email})
    if created:
        user.set_unusable_password()
        user.first_name = identity.display_name[:150]
        user.save()
    return user


@transaction.atomic
def sync_roles(user, grants: list[RoleGrant]) -> None:
    """Make ``user``'s roles exactly ``grants`` (the directory is the source of truth); every
    change is written to the audit log as ``role_change``."""
    from protokoll.accounts.models import BodyRole
    from protokoll.accounts.permissions import forget_roles
    from protokoll.audit import record
    from protokoll.audit.actions import Action

    wanted = {(g.body_id, Role(g.role).value, g.start, g.end) for g in grants if Role(g.role) in BODY_ROLES}
    current = {(r.body_id, r.role, r.start, r.end): r for r in BodyRole.objects.filter(user=user)}
    for key in current.keys() - wanted:
        current[key].delete()
        record(Action.ROLE_CHANGE, actor=user, body=key[0], summary=f"Roll borttagen: {Role(key[1]).label}")
    for body_id, role, start, end in wanted - current.keys():
        BodyRole.objects.create(user=user, body_id=body_id, role=role, start=start, end=end)
        record(Action.ROLE_CHANGE, actor=user, body=body_id, summary=f"Roll tilldelad: {Role(role).label}")
    forget_roles(user)
