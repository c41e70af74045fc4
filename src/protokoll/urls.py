from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("konto/", include("protokoll.accounts.urls")),
    path("intern/", include("protokoll.recording.urls")),
    path("", include("protokoll.web.urls")),
]
