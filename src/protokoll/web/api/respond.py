"""JSON responses and errors for the API: UTF-8 JSON, open to any origin, errors as JSON."""

from __future__ import annotations

import functools

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_safe

from protokoll.web.api.paging import BadParameter
from protokoll.web.masking import mask_value

JSON = "application/json; charset=utf-8"


def json_response(data, status: int = 200) -> JsonResponse:
    """Every JSON answer of the public API; its texts are archive text, so personnummer are
    masked here once for all of them (DOMAIN 1.10, checklist 37)."""
    response = JsonResponse(
        mask_value(data),
        status=status,
        safe=False,
        json_dumps_params={"ensure_ascii": False},
        content_type=JSON,
    )
    # Public open data: any site may read it from a browser (no cookies are involved).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status: int, message: str) -> JsonResponse:
    return json_response({"error": {"status": status, "message": message}}, status=status)


def api_view(view):
    """GET/HEAD only; a bad parameter is a 400 and a missing object a 404, both as JSON."""

    @require_safe
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        # PostgreSQL text cannot hold NUL: a lookup with one would be a database error.
        if any("\x00" in str(v) for v in kwargs.values()):
            return error(404, "not found")
        bad = [k for k, v in request.GET.items() if "\x00" in v and k != "q"]
        if bad:
            return error(400, f"{bad[0]}: contains a NUL character")
        try:
            return view(request, *args, **kwargs)
        except BadParameter as exc:
            return error(400, str(exc))
        except (ObjectDoesNotExist, Http404):
            return error(404, "not found")

    return wrapper
