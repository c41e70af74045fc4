"""/intern/: the secretary's recording UI and its JSON API; the anslagstavla (also meant to be
mounted at /anslagstavla/ by the site, see ``public_urls``)."""

from django.urls import path

from protokoll.recording import views

app_name = "recording"

urlpatterns = [
    path("", views.home, name="home"),
    path("mote/<int:pk>/", views.meeting_page, name="meeting"),
    path("mote/<int:pk>/gor/<str:name>", views.act, name="act"),
    path("mote/<int:pk>/kallelse/", views.kallelse, name="kallelse"),
    path("mote/<int:pk>/justera/", views.sign, name="sign"),
    path("mote/<int:pk>/publicera/", views.publish, name="publish"),
    path("mote/<int:pk>/<str:kind>.<str:fmt>", views.document, name="document"),
    path("mote/<int:pk>/utdrag/<int:paragraph>.<str:fmt>", views.extract, name="extract"),
    path("organ/<int:body_id>/ersattare/", views.substitute_order, name="substitute-order"),
    path("api/organ/<int:body_id>/ersattarordning", views.api_substitute_order, name="api-substitute-order"),
    path("api/mote/<int:pk>", views.api_meeting, name="api-meeting"),
    path("api/mote/<int:pk>/<str:name>", views.api_act, name="api-act"),
    path("anslagstavla/", views.anslagstavla, name="anslagstavla"),
    path("anslagstavla/<int:pk>/ta-ned", views.posting_remove, name="posting-remove"),
]
