"""The canary test: nothing from a sekretess § or an unpublished meeting reaches any public
output (DOMAIN 1.10; KL 6:25).

Every URL of the resolver is requested as the public with real parameters (tests/security/urls.py),
as HTML and as JSON, every search endpoint is asked for each canary, and a crawler follows every
link the public site and API offer (pages, feeds, exports, next pages). Gzip bodies are opened
and PDF text extracted before looking.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.security.urls import body_text, cases, leaks, routes, search_queries

NOBODY = {"A": False, "B": False}
CRAWL_LIMIT = 600
_HREF = re.compile(r"""(?:href|src|action)\s*=\s*["']([^"'#]+)""", re.I)


def _links(response, text: str, base: str) -> list[str]:
    found: list[str] = []
    ctype = response.get("Content-Type", "")
    if "json" in ctype:
        for line in text.splitlines() if "jsonl" in ctype else [text]:
            try:
                found += _json_urls(json.loads(line))
            except ValueError:
                continue
    else:
        found += _HREF.findall(text)  # HTML links, and Atom <link href=…>
        found += re.findall(r"<(?:link|id|url)>([^<]+)</", text)  # RSS-style links, feed ids
    out = []
    for url in found:
        url = urljoin(base, url.strip())
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith(("/konto/", "/admin/", "/intern/")):
            continue
        out.append(path)
    return out


def _json_urls(value) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(("/", "http://testserver/")) else []
    if isinstance(value, dict):
        return [u for v in value.values() for u in _json_urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in _json_urls(v)]
    return []


def _check(client: Client, world, path: str, problems: list[str], **headers) -> tuple[object, str]:
    response = client.get(path, **headers)
    text = body_text(response)
    if response.status_code >= 500:
        problems.append(f"{path}: {response.status_code}")
    problems += [f"{path} {headers or ''}: {leak}" for leak in leaks(world, text, NOBODY, NOBODY)]
    return response, text


def test_no_canary_in_any_enumerated_public_url(world):
    client = Client(raise_request_exception=False)
    problems: list[str] = []
    public = [c for c in cases(world) if not c.route.internal]
    for case in public:
        _check(client, world, case.path, problems)
        _check(client, world, case.path, problems, HTTP_ACCEPT="application/json")
        sep = "&" if "?" in case.path else "?"
        _check(client, world, f"{case.path}{sep}format=json", problems)
    assert not problems, "\n".join(problems)


def test_no_canary_through_search(world):
    client = Client(raise_request_exception=False)
    problems: list[str] = []
    searches = [r for r in routes() if not r.params and ("search" in (r.name or "") or "sok" in r.pattern)]
    assert searches, "no search route found"
    for route in searches:
        for q in search_queries(world):
            for params in ({"q": q}, {"q": q, "format": "json"}, {"q": q, "organ": "socialnamnden"}):
                query = "&".join(f"{k}={v}" for k, v in params.items())
                _check(client, world, f"/{route.pattern}?{query}", problems)
    assert not problems, "\n".join(problems)


def test_no_canary_anywhere_a_crawler_reaches(world):
    client = Client(raise_request_exception=False)
    problems: list[str] = []
    queue, seen = deque(["/", "/api/", "/sok/?q=Riktlinjer", "/api/search?q=Riktlinjer"]), set()
    routes_seen = set()
    while queue and len(seen) < CRAWL_LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        with contextlib.suppress(Resolver404):
            routes_seen.add(resolve(urlsplit(path).path).route)
        response, text = _check(client, world, path, problems)
        if response.status_code == 200:
            queue.extend(u for u in _links(response, text, "http://testserver" + path) if u not in seen)
    assert not problems, "\n".join(problems)
    assert len(routes_seen) >= 10, f"the crawler reached only {sorted(routes_seen)}"
    print(f"crawled {len(seen)} URLs of {len(routes_seen)} routes")


def test_public_pages_do_show_public_content(world):
    """A positive control: the checks above would be empty if the public saw nothing at all."""
    client = Client()
    meeting = world.published["A"]
    page = client.get(f"/kommun/{meeting.body.municipality.slug}/{meeting.body.slug}/{meeting.date}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Riktlinjer för hemtjänst 2025" in text
    assert "24" in text  # the sekretess § is still listed by its number


def test_public_versions_made_internally_hold_no_secret(world):
    """The derived public version of a protocol (DOMAIN 1.10) is made by the secretary, who may
    read the sekretess §§; the version itself must still hold none of them, in every format."""
    client = Client(raise_request_exception=False)
    client.force_login(world.users["sekr_a"])
    targets = [c.path for c in cases(world) if "offentlig" in c.path]
    targets += [f"{c.path}?offentlig=1" for c in cases(world) if "utdrag" in c.path and c.kind == "secret"]
    if not targets:
        pytest.skip("no route renders a public version yet")
    problems = []
    for path in targets:
        response = client.get(path)
        if response.status_code >= 500:
            problems.append(f"{path}: {response.status_code}")
        text = body_text(response)
        problems += [f"{path}: {leak}" for leak in leaks(world, text, NOBODY, {"A": True, "B": True})]
    assert not problems, "\n".join(problems)
