"""Absolute URLs for API objects (OParl: every ``id`` is the object's own URL)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

STOCKHOLM = ZoneInfo("Europe/Stockholm")
OPARL = "https://schema.oparl.org/1.1/"
# Types OParl lacks. A URN rather than a URL of this deployment, so that the type string is
# the same on every server; docs/api.md and the OpenAPI description define each one.
EXTENSION = "urn:protokoll:1:"


_SENTINEL = 987654321987654321


@cache
def _split_route(name: str) -> tuple[str, str]:
    """The path of ``name`` around its one numeric argument. A large list serialises tens of
    thousands of links; cutting the reversed path once saves most of the request's time."""
    prefix, _, suffix = reverse(f"api:{name}", args=[_SENTINEL]).partition(str(_SENTINEL))
    return prefix, suffix


class Links:
    def __init__(self, request: HttpRequest) -> None:
        self.base = f"{request.scheme}://{request.get_host()}"

    def url(self, name: str, *args, **query) -> str:
        if len(args) == 1 and isinstance(args[0], int) and name.endswith("-detail") and not query:
            prefix, suffix = _split_route(name)
            return f"{self.base}{prefix}{args[0]}{suffix}"
        path = reverse(f"api:{name}", args=args)
        query = {k: v for k, v in query.items() if v is not None}
        return self.base + path + (f"?{urlencode(query)}" if query else "")

    def maybe(self, name: str, *args) -> str | None:
        """The URL, or None when an argument cannot be part of one (an empty Dnr key)."""
        try:
            return self.url(name, *args)
        except NoReverseMatch:
            return None

    def absolute(self, path: str) -> str:
        return self.base + path


def local_datetime(date: dt.date | None, time: dt.time | None) -> str | None:
    """An ISO 8601 date-time with the Stockholm offset of that day (protocols use local time)."""
    if date is None or time is None:
        return None
    return dt.datetime.combine(date, time, tzinfo=STOCKHOLM).isoformat()


def iso(value) -> str | None:
    return value.isoformat() if value is not None else None
