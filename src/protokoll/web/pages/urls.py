"""The public site's HTML pages. The protocol page also answers JSON: the same URL with ``.json``
or with ``Accept: application/json``."""

from django.urls import path, register_converter

from protokoll.web.pages import meeting, people, places, search, static, uppdrag


class _Date:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str):
        import datetime as dt

        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:  # 2025-02-30 looks like a date but is none: 404
            raise ValueError(value) from exc

    def to_url(self, value) -> str:
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


register_converter(_Date, "isodate")

urlpatterns = [
    path("", places.home, name="home"),
    path("sok/", search.search_page, name="search"),
    path("tillganglighet/", static.accessibility, name="accessibility"),
    path("stil.css", static.stylesheet, name="stylesheet"),
    path("konto.css", static.accounts_stylesheet, name="accounts-stylesheet"),
    path("anslagstavla.css", static.anslagstavla_stylesheet, name="anslagstavla-stylesheet"),
    path("kommun/<slug:municipality>/", places.municipality, name="municipality"),
    path("kommun/<slug:municipality>/uppdrag/", uppdrag.ledger_page, name="uppdrag"),
    path("kommun/<slug:municipality>/personer/", people.person_index, name="persons"),
    path("kommun/<slug:municipality>/person/<int:pk>/", people.person, name="person"),
    path("kommun/<slug:municipality>/parti/<str:party>/", people.party, name="party"),
    path("kommun/<slug:municipality>/arende/<path:key>/", meeting.case, name="case"),
    path("kommun/<slug:municipality>/<slug:body>/", places.body, name="body"),
    path(
        "kommun/<slug:municipality>/<slug:body>/<isodate:date>.json",
        meeting.protocol_json,
        name="protocol-json",
    ),
    path("kommun/<slug:municipality>/<slug:body>/<isodate:date>/", meeting.protocol, name="protocol"),
]
