from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("konto/", include("protokoll.accounts.urls")),
    path("intern/", include("protokoll.recording.urls")),
    # The digital anslagstavla stands apart from the rest of the site (KL 8:9).
    path("anslagstavla/", include("protokoll.recording.public_urls")),
    path("", include("protokoll.web.urls")),
]
