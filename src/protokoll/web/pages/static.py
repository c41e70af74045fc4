"""The tillgänglighetsredogörelse and the site's stylesheets: the public site's, and the small
ones of the account pages and the anslagstavla, which stand apart from the public site's look."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse

from protokoll.web.pages.common import page

STATIC = Path(__file__).resolve().parents[1] / "static" / "protokoll"
STYLESHEET = STATIC / "site.css"


def accessibility(request: HttpRequest) -> HttpResponse:
    return page(request, "accessibility.html", {})


# The bar charts' widths as classes (.w0 … .w100): the Content-Security-Policy allows no
# ``style`` attribute on public pages (protokoll.web.csp).
BAR_WIDTHS = "".join(f".w{n}{{width:{n}%}}" for n in range(101))


@cache
def _css() -> bytes:
    return STYLESHEET.read_bytes() + b"\n" + BAR_WIDTHS.encode() + b"\n"


@cache
def _file(name: str) -> bytes:
    return (STATIC / name).read_bytes()


def _css_response(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def stylesheet(request: HttpRequest) -> HttpResponse:
    """Served by the site itself so that a plain ``protokoll serve`` needs no static-file setup."""
    return _css_response(_css())


def accounts_stylesheet(request: HttpRequest) -> HttpResponse:
    return _css_response(_file("konto.css"))


def anslagstavla_stylesheet(request: HttpRequest) -> HttpResponse:
    return _css_response(_file("anslagstavla.css"))


# URL name → the bytes served there (for the version in the URL, web.templatetags.stylesheets).
STYLESHEETS = {
    "stylesheet": _css,
    "accounts-stylesheet": lambda: _file("konto.css"),
    "anslagstavla-stylesheet": lambda: _file("anslagstavla.css"),
}
