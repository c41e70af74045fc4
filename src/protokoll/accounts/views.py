"""Login, logout, the account page and the lockout page (Swedish, CSRF-protected)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from protokoll.accounts.forms import LoginForm
from protokoll.accounts.permissions import can_view_audit, is_administrator, roles_by_body
from protokoll.accounts.roles import Role


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("accounts:home")


class LogoutView(auth_views.LogoutView):
    """GET shows a button (logging out by a link would let any page log a user out); POST
    logs out."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logged_out.html"

    def get(self, request, *args, **kwargs):
        return render(request, "accounts/logout.html")


@login_required
def home(request):
    from protokoll.archive.models import Body

    held = roles_by_body(request.user)
    bodies = Body.objects.filter(pk__in=held).select_related("municipality")
    rows = [
        {
            "body": body,
            "roles": sorted(Role(r).label for r in held[body.pk]),
            "audit": can_view_audit(request.user, body),
        }
        for body in bodies
    ]
    return render(request, "accounts/home.html", {"rows": rows, "admin": is_administrator(request.user)})


def locked_out(request, response=None, credentials=None):
    """django-axes' lockout response: 429 and a Swedish explanation."""
    cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
    minutes = int(cooloff.total_seconds() // 60) if cooloff else None
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
