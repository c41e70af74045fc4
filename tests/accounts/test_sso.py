"""The single sign-on seam: a custom authentication backend plugs in and its roles apply."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import authenticate
from django.test import Client, RequestFactory

from protokoll.accounts import permissions as p
from protokoll.accounts.roles import Role
from protokoll.accounts.sso import ExternalIdentity, RoleGrant, RoleSource, sync_roles, user_for_identity
from protokoll.audit.models import AuditEvent


@dataclass(frozen=True)
class FakeIdentity:
    subject: str
    username: str
    email: str
    display_name: str
    groups: tuple[str, ...]


class GroupRoles:
    """A directory's groups named "<body id>:<role>"."""

    def grants_for(self, identity) -> list[RoleGrant]:
        out = []
        for group in identity.groups:
            body_id, role = group.split(":")
            out.append(RoleGrant(int(body_id), Role(role)))
        return out


ASSERTIONS: dict[str, FakeIdentity] = {}


class FakeProviderBackend:
    """Stands in for an OIDC/SAML backend: trusts a token it issued itself."""

    def authenticate(self, request, sso_token=None, **kwargs):
        identity = ASSERTIONS.get(sso_token) if sso_token else None
        if identity is None:
            return None
        user = user_for_identity(identity)
        sync_roles(user, GroupRoles().grants_for(identity))
        return user

    def get_user(self, user_id):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(pk=user_id).first()


def test_protocols_are_satisfied():
    identity = FakeIdentity("s1", "u", "u@example.invalid", "U", ())
    assert isinstance(identity, ExternalIdentity)
    assert isinstance(GroupRoles(), RoleSource)


def test_custom_backend_plugs_in(world, settings):
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "tests.accounts.test_sso.FakeProviderBackend",
    ]
    body_a, body_b = world.bodies["A"], world.bodies["B"]
    ASSERTIONS["tok"] = FakeIdentity(
        "sub-1", "extern_sekr", "x@example.invalid", "Extern Sekreterare", (f"{body_a.pk}:secretary",)
    )
    request = RequestFactory().get("/")
    user = authenticate(request, sso_token="tok")
    assert user is not None and user.username == "extern_sekr" and not user.has_usable_password()
    assert p.can_record(user, body_a) and not p.can_view_secret(user, body_b)
    assert AuditEvent.objects.filter(action="role_change", body_id=body_a.pk).count() == 1
    assert authenticate(request, sso_token="forged") is None

    # the directory moves the person to body B: the old role goes, the new one comes
    ASSERTIONS["tok"] = FakeIdentity(
        "sub-1", "extern_sekr", "x@example.invalid", "X", (f"{body_b.pk}:member",)
    )
    user = authenticate(request, sso_token="tok")
    assert not p.can_record(user, body_a) and p.can_view_secret(user, body_b)

    client = Client()
    client.force_login(user, backend="tests.accounts.test_sso.FakeProviderBackend")
    assert client.get("/konto/").status_code == 200
