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


def _staff(world, who: str) -> Client:
    """``who`` made staff with every archive permission the admin asks for (view and change)."""
    from django.contrib.auth.models import Permission

    user = world.users[who]
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="archive"))
    return _client(world, who)


@pytest.mark.parametrize("who", ["sekr_b", "led_b"])
def test_staff_of_another_body_see_no_sekretess_or_drafts_in_the_admin(world, who):
    client = _staff(world, who)
    secret, draft = world.secret_items["A"], world.drafts["A"]
    for path in (f"/admin/archive/item/{secret.pk}/change/", f"/admin/archive/meeting/{draft.pk}/change/"):
        response = client.get(path)
        assert response.status_code == 302 and "KanarieTitelA" not in response.content.decode(), path
    # searching the admin for a withheld § finds nothing (the term itself is echoed in the form)
    assert client.get("/admin/archive/item/?q=KanarieTitelA").context["cl"].result_count == 0
    for path in (
        "/admin/archive/item/",
        "/admin/archive/meeting/",
        f"/admin/archive/meeting/{world.published['A'].pk}/change/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert leaks(world, body_text(response), {"A": False, "B": True}, {"A": False, "B": True}) == [], path
    # their own body's sekretess § is theirs to open
    assert client.get(f"/admin/archive/item/{world.secret_items['B'].pk}/change/").status_code == 200


def test_the_admin_logs_every_read_of_sekretess_content(world):
    from protokoll.audit.models import AuditEvent

    client = _staff(world, "sekr_a")
    secret = world.secret_items["A"]
    assert not AuditEvent.objects.filter(action="read_secret").exists()
    opened = client.get(f"/admin/archive/item/{secret.pk}/change/")
    assert opened.status_code == 200
    event = AuditEvent.objects.get(action="read_secret")
    assert event.actor_id == world.users["sekr_a"].pk and event.body_id == world.bodies["A"].pk


@pytest.mark.parametrize("who", ["sekr_a", "led_a", "sekr_b", "led_b", "inloggad"])
@pytest.mark.parametrize("view", ["change", "delete"])
def test_the_admin_names_a_withheld_paragraph_by_number_and_marker_only(world, who, view):
    """The meeting's change page (its § table) and its delete confirmation (every row the delete
    would take) name §§ by ``Item.__str__``: for a withheld § that is its number and the marker,
    for everyone, its own body's secretary included (the content is read on the §'s own page,
    where the read is logged)."""
    from protokoll.web.public import SECRET_MARKER

    client = _staff(world, who)
    secret = world.secret_items["A"]
    response = client.get(f"/admin/archive/meeting/{secret.meeting_id}/{view}/")
    assert response.status_code == 200
    text = body_text(response)
    assert leaks(world, text, {"A": False, "B": False}, {"A": False, "B": False}) == []
    if view == "delete" or who in ("sekr_a", "led_a"):  # the delete lists every § of the meeting
        assert f"§ {secret.paragraph} {SECRET_MARKER}" in text
