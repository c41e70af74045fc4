"""Login and logout at /konto/: Swedish messages, CSRF, audit events, session expiry, lockout."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher
from django.test import Client

from protokoll.audit.models import AuditEvent
from tests.security.world import PASSWORD

LOGIN = "/konto/logga-in/"
LOGOUT = "/konto/logga-ut/"
needs_axes = pytest.mark.skipif(
    "axes" not in settings.INSTALLED_APPS,
    reason="django-axes is not in INSTALLED_APPS yet (protokoll.accounts.settings_extra lists what to add)",
)


def _post(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7", **extra)


def test_login_page_is_swedish_with_csrf_token(db):
    response = Client().get(LOGIN)
    text = response.content.decode()
    assert response.status_code == 200
    assert 'lang="sv"' in text and "Användarnamn" in text and "Lösenord" in text
    assert "csrfmiddlewaretoken" in text


def test_right_password_logs_in_and_is_logged(world):
    client = Client()
    response = _post(client, "sekr_a", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/konto/"
    home = client.get("/konto/")
    assert home.status_code == 200 and "Socialnämnden" in home.content.decode()
    event = AuditEvent.objects.get(action="login")
    assert (event.actor_username, event.ip) == ("sekr_a", "10.0.0.7")


def test_wrong_password_gives_a_clear_message_and_is_counted(world):
    response = _post(Client(), "sekr_a", "fel-losenord")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Fel användarnamn eller lösenord" in text
    assert "spärras" in text  # says what happens after repeated failures
    assert "_auth_user_id" not in response.wsgi_request.session
    event = AuditEvent.objects.get(action="login_failed")
    assert event.actor_username == "sekr_a"
    assert "fel-losenord" not in str(event.details) + event.summary


def test_next_must_stay_on_this_site(world):
    response = Client().post(
        f"{LOGIN}?next=https://angripare.example/", {"username": "sekr_a", "password": PASSWORD}
    )
    assert response.status_code == 302 and not response["Location"].startswith("https://angripare")


def test_logout_is_a_post_and_is_logged(world):
    client = Client()
    client.force_login(world.users["led_a"])
    page = client.get(LOGOUT)
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert client.get("/konto/").status_code == 200  # GET did not log out
    response = client.post(LOGOUT)
    assert response.status_code in (200, 302)
    assert client.get("/konto/").status_code == 302
    assert AuditEvent.objects.filter(action="logout", actor_username="led_a").exists()


def test_csrf_enforced_on_login_and_logout(world):
    client = Client(enforce_csrf_checks=True)
    assert _post(client, "sekr_a", PASSWORD).status_code == 403
    client.force_login(world.users["sekr_a"])
    assert client.post(LOGOUT).status_code == 403
    assert client.get("/konto/").status_code == 200


def test_password_hashing_is_slow_and_salted(world):
    user = world.users["sekr_a"]
    assert identify_hasher(user.password).algorithm in {"pbkdf2_sha256", "scrypt"}
    assert user.check_password(PASSWORD)


def test_sessions_expire(world):
    assert 0 < settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST  # idle timeout, not a fixed one
    client = Client()
    _post(client, "sekr_a", PASSWORD)
    session = client.session
    assert 0 < session.get_expiry_age() <= settings.SESSION_COOKIE_AGE
    session.set_expiry(-1)  # as if the idle time had passed
    session.save()
    assert client.get("/konto/").status_code == 302


@needs_axes
def test_lockout_after_repeated_failures(world):
    limit = settings.AXES_FAILURE_LIMIT
    client = Client()
    for _ in range(limit - 1):
        assert _post(client, "sekr_a", "fel").status_code == 200
    locked = _post(client, "sekr_a", "fel")
    assert locked.status_code == 429
    assert "spärrad" in locked.content.decode()
    # the right password no longer helps from this address …
    assert _post(client, "sekr_a", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="lockout", actor_username="sekr_a").exists()
    # … but the same person from another address, and another user, are not locked out
    other = Client()
    assert (
        other.post(LOGIN, {"username": "sekr_a", "password": PASSWORD}, REMOTE_ADDR="10.0.0.8").status_code
        == 302
    )
    assert _post(Client(), "led_a", PASSWORD).status_code == 302


@needs_axes
def test_success_resets_the_count(world):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _post(client, "led_a", "fel")
    assert _post(client, "led_a", PASSWORD).status_code == 302
    client.post(LOGOUT)
    assert _post(client, "led_a", "fel").status_code == 200  # counting starts again
