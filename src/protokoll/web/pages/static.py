"""The tillgänglighetsredogörelse and the site's one stylesheet."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse

from protokoll.web.pages.common import page

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "protokoll" / "site.css"


def accessibility(request: HttpRequest) -> HttpResponse:
    return page(request, "accessibility.html", {})


@cache
def _css() -> bytes:
    return STYLESHEET.read_bytes()


def stylesheet(request: HttpRequest) -> HttpResponse:
    """Served by the site itself so that a plain ``protokoll serve`` needs no static-file setup."""
    response = HttpResponse(_css(), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response
