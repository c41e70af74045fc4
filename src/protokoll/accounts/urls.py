"""/konto/: login, logout, the account page and the audit log."""

from django.urls import include, path

from protokoll.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-ut/", views.LogoutView.as_view(), name="logout"),
    path("logg/", include("protokoll.audit.urls")),
]
