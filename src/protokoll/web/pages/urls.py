from django.urls import path

from protokoll.web.pages import views

urlpatterns = [
    path("", views.home, name="home"),
]
