"""The JSON API (OParl-shaped resources plus votes), feeds and exports, under /api/.

Every pattern here is described in ``openapi.json`` (a test checks it)."""

from django.urls import path, register_converter

from protokoll.web.api import exports, feeds, ical, ledger, openapi, search, views

app_name = "api"


class _Id:
    """A numeric id of at most 18 digits: a longer one is no row (404), not a database error."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(_Id, "apiid")

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", openapi.view, name="openapi"),
    path("municipalities/", views.municipality_list, name="municipality-list"),
    path("municipalities/<apiid:pk>", views.municipality_detail, name="municipality-detail"),
    path("bodies/", views.body_list, name="body-list"),
    path("bodies/<apiid:pk>", views.body_detail, name="body-detail"),
    path("bodies/<apiid:pk>/meetings.ics", ical.body_calendar, name="body-ics"),
    path("bodies/<apiid:pk>/meetings.atom", feeds.body_meetings, name="body-meetings-feed"),
    path("bodies/<apiid:pk>/decisions.atom", feeds.body_decisions, name="body-decisions-feed"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/<apiid:pk>", views.meeting_detail, name="meeting-detail"),
    path("meetings/<apiid:pk>/protokoll.json", views.meeting_protokoll, name="meeting-protokoll"),
    path("agenda-items/", views.agenda_item_list, name="agenda-item-list"),
    path("agenda-items/<apiid:pk>", views.agenda_item_detail, name="agenda-item-detail"),
    path("persons/", views.person_list, name="person-list"),
    path("persons/<apiid:pk>", views.person_detail, name="person-detail"),
    path("memberships/", views.membership_list, name="membership-list"),
    path("memberships/<str:key>", views.membership_detail, name="membership-detail"),
    path("parties/", views.party_list, name="party-list"),
    path("parties/<str:abbreviation>", views.party_detail, name="party-detail"),
    path("votes/", views.vote_list, name="vote-list"),
    path("votes/<apiid:pk>", views.vote_detail, name="vote-detail"),
    path("reservations/", views.reservation_list, name="reservation-list"),
    path("reservations/<apiid:pk>", views.reservation_detail, name="reservation-detail"),
    path("conflicts/", views.conflict_list, name="conflict-list"),
    path("conflicts/<apiid:pk>", views.conflict_detail, name="conflict-detail"),
    path("assignments/", views.assignment_list, name="assignment-list"),
    path("assignments/<apiid:pk>", views.assignment_detail, name="assignment-detail"),
    path("uppdrag/", ledger.uppdrag_ledger, name="uppdrag-ledger"),
    path("cases/", views.case_list, name="case-list"),
    # A Dnr key may hold any character, "/" too: the feed pattern comes first so that
    # ".../feed.atom" is the feed of the case, not a case key.
    path("cases/<slug:municipality>/<path:key>/feed.atom", feeds.case_feed, name="case-feed"),
    path("cases/<slug:municipality>/<path:key>", views.case_detail, name="case-detail"),
    path("search", search.search_view, name="search"),
    path("search/feed.atom", feeds.search_feed, name="search-feed"),
    path("export/decisions.csv", exports.decisions_csv, name="export-decisions"),
    path("export/ballots.csv", exports.ballots_csv, name="export-ballots"),
    path("export/dump.jsonl.gz", exports.dump, name="export-dump"),
]
