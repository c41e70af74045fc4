from django.urls import include, path

urlpatterns = [
    path("api/", include("protokoll.web.api.urls")),
    path("", include("protokoll.web.pages.urls")),
]
