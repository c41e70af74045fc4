from django.urls import path

from protokoll.web import views

urlpatterns = [
    path("", views.home, name="home"),
]
