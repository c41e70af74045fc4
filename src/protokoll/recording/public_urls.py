"""For the site's root urls: ``path("anslagstavla/", include("protokoll.recording.public_urls"))``."""

from django.urls import path

from protokoll.recording import views

urlpatterns = [path("", views.anslagstavla, name="anslagstavla-public")]
