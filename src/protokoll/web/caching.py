"""Whole-response cache of the public site and API, keyed on the archive version.

Every public page and API answer is built from archive rows only (``web.public``), so it can be
reused until the archive changes. The key holds ``archive.version.key()``, a counter the
database raises in every transaction that changes an archive table (publication, withholding a
§, a meeting stored or deleted, an edit in the admin) and the random epoch of the database. One small query per request
reads it; a cached answer is then served without rendering. Because the counter lives in the
database, every server process sees the same version, and a process-local cache (each gunicorn
worker has its own) can never serve a § after it has been withheld: the next request after the
commit computes a new key.

Not cached: search (its key space is every query typed), the full dump (a download of the
whole archive), anything but GET/HEAD, answers other than 200, answers that set a cookie,
answers larger than ``MAX_BYTES``, requests with a query parameter no public view reads
(``PARAMETERS``), and every view outside ``protokoll.web`` (admin, accounts, recording,
anslagstavla).

The key holds what the answer is built from and nothing a visitor can vary freely, so nobody can
fill the cache's memory with copies of one page: the scheme and host (API, Atom and iCal answers
hold absolute URLs built from them), today's date in Stockholm (pages that say what is upcoming
or overdue change at midnight), the negotiated type (HTML or JSON; never the raw Accept header,
which a client can write a thousand ways), the path and the sorted query parameters. Unknown
parameters are refused rather than dropped from the key because the API echoes every parameter
into its paging and feed links.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.core.cache import caches
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from protokoll.archive import version
from protokoll.web.api.negotiation import wants_json

CACHE = "public"
SECONDS = 600
# With MAX_ENTRIES in settings this bounds what the cache can hold. The full example protocol
# is ~10 KB as HTML and ~13 KB as /api/meetings/<pk>; long API lists (per_page=200) can be
# larger and are then rendered on every request.
MAX_BYTES = 256 * 1024
# URL names whose answers are not cached (see the module docstring).
UNCACHED = {"search", "api:search", "api:search-feed", "api:export-dump"}
MARK = "X-Protokoll-Cache"
# Every query parameter a cached view reads (web/api/paging.py, views.py, exports.py, ledger.py,
# negotiation.py, pages/places.py, pages/uppdrag.py). A request with any other is answered but
# not stored; tests/web/test_public_cache.py checks this list against the views' code.
PARAMETERS = frozenset(
    {
        "ar",
        "body",
        "format",
        "from",
        "meeting",
        "modified_since",
        "municipality",
        "page",
        "party",
        "per_page",
        "person",
        "status",
        "to",
        "today",
    }
)


def _key(request, archive_version: str) -> str:
    raw = "\n".join(
        [
            archive_version,
            timezone.localdate().isoformat(),
            request.method,
            request.scheme,
            request.get_host(),
            "json" if wants_json(request) else "html",
            request.path,
            urlencode(sorted(request.GET.lists()), doseq=True),
        ]
    )
    return "protokoll:public:" + hashlib.sha256(raw.encode()).hexdigest()


def _eligible(request, view_func) -> bool:
    match = request.resolver_match
    return (
        request.method in ("GET", "HEAD")
        and getattr(view_func, "__module__", "").startswith("protokoll.web.")
        and match is not None
        and match.view_name not in UNCACHED
        and PARAMETERS.issuperset(request.GET)
    )


class PublicCacheMiddleware:
    """Placed last in ``MIDDLEWARE`` so the security headers (CSP and the rest) are still added
    to every answer by the middleware before it, cached or not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_public_cache_key", None)
        # A page that asked for a CSRF token holds one visitor's token: never shared.
        if (
            key is None
            or response.status_code != 200
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            return response
        if response.streaming:
            return _buffered(response, key)
        if len(response.content) > MAX_BYTES:
            return response
        response[MARK] = "miss"
        caches[CACHE].set(key, response, SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _eligible(request, view_func):
            return None
        key = _key(request, version.key())
        stored = caches[CACHE].get(key)
        if stored is not None:
            stored[MARK] = "hit"
            return _as_stream(stored) if getattr(stored, "streamed", False) else stored
        request._public_cache_key = key  # the answer is stored on its way out (__call__)
        return None


def _buffered(response: StreamingHttpResponse, key: str):
    """A streamed answer (CSV export) up to ``MAX_BYTES`` is read whole and cached as a plain
    answer; a larger one goes on streaming from where the reading stopped, uncached."""
    chunks: list[bytes] = []
    size = 0
    stream = iter(response.streaming_content)
    for chunk in stream:
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:

            def rest(first=tuple(chunks)):
                yield from first
                yield from stream

            response.streaming_content = rest()
            return response
    plain = HttpResponse(b"".join(chunks), status=response.status_code)
    for header, value in response.items():
        plain[header] = value
    plain.streamed = True
    caches[CACHE].set(key, plain, SECONDS)
    plain[MARK] = "miss"
    return _as_stream(plain)


def _as_stream(plain: HttpResponse) -> StreamingHttpResponse:
    """A streamed view's answer stays a streamed answer, cached or not."""
    response = StreamingHttpResponse([plain.content], status=plain.status_code)
    for header, value in plain.items():
        response[header] = value
    return response
