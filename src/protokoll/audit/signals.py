"""Log logins, logouts, failed logins and lockouts (issue 5 "Audit log")."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from protokoll.audit.actions import Action


def _logged_in(sender, request, user, **kwargs) -> None:
    from protokoll.audit.log import record

    record(Action.LOGIN, actor=user, summary="Inloggad", request=request)


def _logged_out(sender, request, user, **kwargs) -> None:
    from protokoll.audit.log import record

    if user is not None:
        record(Action.LOGOUT, actor=user, summary="Utloggad", request=request)


def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    from protokoll.audit.log import record

    # Django already replaces the password in ``credentials`` by asterisks; keep only the name.
    username = str(credentials.get("username", ""))
    record(Action.LOGIN_FAILED, username=username, summary="Fel användarnamn eller lösenord", request=request)


def _locked_out(sender, request, username, ip_address, **kwargs) -> None:
    from protokoll.audit.log import record

    record(
        Action.LOCKOUT,
        username=username or "",
        summary="Inloggningen spärrad efter för många försök",
        request=request,
    )


def connect() -> None:
    user_logged_in.connect(_logged_in, dispatch_uid="protokoll.audit.login")
    user_logged_out.connect(_logged_out, dispatch_uid="protokoll.audit.logout")
    user_login_failed.connect(_login_failed, dispatch_uid="protokoll.audit.login_failed")
    from django.apps import apps

    # Importing axes.signals wires axes into the login signals, so only when axes is installed.
    if not apps.is_installed("axes"):
        return
    from axes.signals import user_locked_out

    user_locked_out.connect(_locked_out, dispatch_uid="protokoll.audit.lockout")
