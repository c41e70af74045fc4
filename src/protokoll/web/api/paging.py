"""OParl-style paginated lists: ``data``, ``pagination`` totals and ``links`` first/prev/next/last."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.dateparse import parse_date, parse_datetime

from protokoll.web.api.links import STOCKHOLM

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
# Larger ids cannot be database keys (SQLite and PostgreSQL integers are 64-bit signed).
MAX_ID = 2**63 - 1


class BadParameter(ValueError):
    """A query parameter the API cannot use; the message names it (answered with 400)."""


def int_param(request: HttpRequest, name: str, default: int | None = None, lo: int = 1) -> int | None:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"{name}: not a whole number: {raw!r}") from None
    if value < lo:
        raise BadParameter(f"{name}: must be at least {lo}")
    if value > MAX_ID:
        raise BadParameter(f"{name}: too large")
    return value


def date_param(request: HttpRequest, name: str) -> dt.date | None:
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        value = parse_date(raw)
    except ValueError:
        value = None
    if value is None:
        raise BadParameter(f"{name}: not a date (YYYY-MM-DD): {raw!r}")
    return value


def datetime_param(request: HttpRequest, name: str) -> dt.datetime | None:
    """An ISO 8601 date-time; without an offset it is Stockholm time, a bare date is midnight."""
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:
        value = None
    if value is None:
        day = parse_date(raw) if len(raw) == 10 else None
        if day is None:
            raise BadParameter(f"{name}: not an ISO 8601 date-time: {raw!r}")
        value = dt.datetime.combine(day, dt.time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=STOCKHOLM)
    return value


def paginate(request: HttpRequest, rows, serialize: Callable[[Sequence], list[dict]]) -> dict:
    """One page of ``rows`` (a queryset or a list), serialised by ``serialize(page_rows)``."""
    per_page = min(int_param(request, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
    page = int_param(request, "page", 1)
    total = rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)
    pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    chunk = list(rows[start : start + per_page]) if start < total else []

    def link(n: int) -> str:
        query = request.GET.copy()
        query["page"] = str(n)
        query["per_page"] = str(per_page)
        return request.build_absolute_uri(request.path) + "?" + urlencode(sorted(query.items()))

    links = {"self": link(page), "first": link(1), "last": link(pages)}
    if page > 1:
        links["prev"] = link(min(page - 1, pages))
    if page < pages:
        links["next"] = link(page + 1)
    return {
        "data": serialize(chunk),
        "pagination": {
            "totalElements": total,
            "elementsPerPage": per_page,
            "currentPage": page,
            "totalPages": pages,
        },
        "links": links,
    }
