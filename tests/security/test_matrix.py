"""The authorisation matrix: every role × every URL of the site (enumerated from the resolver,
so views added later are covered) × own/other body × published/unpublished/sekretess content.

For each request:
- never a server error;
- the response holds no canary string of content the user may not see (sekretess § of a body
  they do not sit in; an unpublished meeting of a body they do not sit in), checked against
  the permission API (protokoll.accounts.permissions, DOMAIN 1.10);
- internal views (/intern/, /konto/logg/, /konto/) refuse the public, and the audit log is
  allowed exactly to that body's secretary and administrators; /intern/ views about a body
  refuse everyone who sits in no role of that body (another nämnd's secretary included).
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from protokoll.accounts import permissions as p
from protokoll.audit.export import FORMATS
from tests.security.urls import TAGS, UrlCase, body_text, cases, leaks
from tests.security.world import USERS

ROLES = [None, *USERS]  # None: the anonymous public
#: Roles whose permissions another role already shows in full (a chair, a justerare and an
#: ersättare see what a ledamot sees; led_b mirrors led_a): every route, but only the fillings
#: about body A, to keep the suite fast. Every other role gets every filling.
MIRRORED = {"ordf_a", "just_a", "ers_a", "led_b", "fore_detta_a"}


def _client(world, who: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if who:
        client.force_login(world.users[who])
    return client


def _expect(world, who, user, case: UrlCase, response) -> str | None:
    """A description of what is wrong with ``response``, or None."""
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    route = case.route
    if not route.internal:
        return None
    if who is None:
        if status == 200:
            return "internal view shown to the public"
        if status == 302 and not response["Location"].startswith(settings.LOGIN_URL):
            return f"public redirected to {response['Location']}, not to the login"
        return None
    if route.pattern.startswith("konto/logg/"):
        body = world.bodies[case.tag].pk if "body_id" in route.params else None
        allowed = p.can_view_audit(user, body)
        fmt_ok = "fmt" not in route.params or case.path.rsplit(".", 1)[-1] in FORMATS
        want = (200 if fmt_ok else 404) if allowed else 403
        return None if status == want else f"audit log: {status}, expected {want}"
    if route.pattern == "konto/":
        return None if status == 200 else f"account page {status}"
    if case.tag is not None and not p.can_view_unpublished(user, world.bodies[case.tag]) and status == 200:
        return f"internal view of body {case.tag} shown to {who}, who has no role there"
    return None


@pytest.mark.parametrize("who", ROLES, ids=[r or "anonymous" for r in ROLES])
def test_matrix(world, who):
    user = world.users.get(who)
    client = _client(world, who)
    may_secret = {t: user is not None and p.can_view_secret(user, world.bodies[t]) for t in TAGS}
    may_draft = {t: user is not None and p.can_view_unpublished(user, world.bodies[t]) for t in TAGS}
    problems = []
    all_cases = cases(world)
    assert len(all_cases) > 50  # the resolver really was walked
    if who in MIRRORED:
        all_cases = [c for c in all_cases if c.tag in (None, "A")]
    for case in all_cases:
        response = client.get(case.path)
        wrong = _expect(world, who, user, case, response)
        if wrong:
            problems.append(f"{case.path} [{case.kind}]: {wrong}")
        for leak in leaks(world, body_text(response), may_secret, may_draft):
            problems.append(f"{case.path} [{case.kind}]: leaks {leak}")
    assert not problems, f"{who or 'anonymous'}:\n" + "\n".join(problems)


@pytest.mark.parametrize("who", [None, "sekr_b", "led_a", "inloggad"])
def test_django_admin_is_for_staff_only(world, who):
    client = _client(world, who)
    item = world.secret_items["A"]
    for path in ("/admin/", f"/admin/archive/item/{item.pk}/change/", "/admin/archive/item/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "KanarieTitelA" not in response.content.decode()


def test_matrix_would_catch_a_leak(world):
    """The leak check is not vacuous: the secretary's own audit page, given a summary with a
    canary, is flagged for another body's secretary's permissions."""
    text = "… KanarieTitelA …"
    assert leaks(world, text, {"A": False, "B": True}, {"A": True, "B": True}) == ["A/secret: KanarieTitelA"]
    assert leaks(world, text, {"A": True, "B": False}, {"A": False, "B": False}) == []


@pytest.mark.xfail(
    strict=True,
    reason="the recording views (/intern/mote/<pk>/protokoll.*, utdrag, kallelse) show sekretess "
    "content without writing a read_secret event; they should read through "
    "protokoll.accounts.permissions.read_secret_item (reported to the recording area)",
)
def test_every_internal_read_of_secret_content_is_logged(world):
    from protokoll.audit.models import AuditEvent

    client = _client(world, "sekr_a")
    unlogged = []
    for case in cases(world):
        if not case.route.internal or case.route.pattern.startswith("konto/logg/"):
            continue
        before = AuditEvent.objects.filter(action="read_secret").count()
        response = client.get(case.path)
        shown = leaks(world, body_text(response), {"A": False, "B": False}, {"A": True, "B": True})
        if shown and AuditEvent.objects.filter(action="read_secret").count() == before:
            unlogged.append(f"{case.path}: {shown[0]}")
    assert not unlogged, "sekretess content shown without a read_secret event:\n" + "\n".join(unlogged)
