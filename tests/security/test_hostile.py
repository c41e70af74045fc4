"""Hostile input through the web: CSRF on every POST, scripts in imported text, malformed
search, SQL/FTS injection in every query parameter. (Uploads: test_uploads.py; wrong passwords
and lockout: tests/accounts/test_login.py; zip bombs and malicious PDFs: tests/importing.)"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from protokoll.archive.loading import load_document
from protokoll.archive.models import Item
from protokoll.document import example, parse_document
from tests.security.urls import body_text, cases

_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.I | re.S)
_NAME = re.compile(r"""<(?:input|select|textarea)\b[^>]*\bname=["']([^"']+)""", re.I)


def _one_case_per_route(world):
    seen, out = set(), []
    for case in cases(world):
        if case.route.pattern not in seen and case.tag in (None, "A"):
            seen.add(case.route.pattern)
            out.append(case)
    return out


@pytest.mark.parametrize("who", [None, "sekr_a", "admin"])
def test_every_post_without_a_csrf_token_is_refused(world, who):
    client = Client(enforce_csrf_checks=True)
    if who:
        client.force_login(world.users[who])
    accepted = []
    for case in _one_case_per_route(world):
        response = client.post(case.path, {"username": "sekr_a", "password": "x"})
        if response.status_code not in (403, 405):
            accepted.append(f"{case.path}: {response.status_code}")
    assert not accepted, "POST accepted without a CSRF token:\n" + "\n".join(accepted)


def test_every_post_form_carries_a_csrf_token(world):
    missing = []
    for who in (None, "sekr_a", "admin"):
        client = Client()
        if who:
            client.force_login(world.users[who])
        for case in _one_case_per_route(world):
            response = client.get(case.path)
            if "html" not in response.get("Content-Type", ""):
                continue
            for attrs, inner in _FORM.findall(body_text(response)):
                if re.search(r"method\s*=\s*[\"']?post", attrs, re.I) and "csrfmiddlewaretoken" not in inner:
                    missing.append(f"{case.path} ({who})")
    assert not missing, "POST forms without a CSRF token:\n" + "\n".join(missing)


HOSTILE = '<script>alert("pwnd")</script>'
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def hostile_meeting(db):
    data = example("full").to_json_dict()
    data["body"] = f"Nämnd {HOSTILE_IMG}"
    data["chair"]["name"] = f"Ordförande {HOSTILE}"
    for item in data["items"]:
        if item["paragraph"] == 22:
            item["title"] = f"Riktlinjer {HOSTILE}"
            item["decision"] = f"Beslut {HOSTILE_IMG} och <a href=javascript:alert(2)>länk</a>"
            item["motions"][0]["text"] = 'Yrkande "><svg onload=alert(3)>'
    return load_document(parse_document(data)).meeting


def _raw_markup(text: str) -> list[str]:
    return [
        bad
        for bad in ("<script>alert", "<img src=x onerror", "<svg onload", "<a href=javascript")
        if bad in text
    ]


def test_imported_markup_is_escaped_on_every_page(hostile_meeting):
    client = Client()
    body, muni = hostile_meeting.body, hostile_meeting.body.municipality
    paths = [
        "/",
        f"/kommun/{muni.slug}/",
        f"/kommun/{muni.slug}/{body.slug}/",
        f"/kommun/{muni.slug}/{body.slug}/{hostile_meeting.date}/",
        f"/kommun/{muni.slug}/personer/",
        f"/kommun/{muni.slug}/uppdrag/",
        "/sok/?q=Riktlinjer",
        "/sok/?q=" + HOSTILE,
        "/konto/logga-in/?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    ]
    shown = 0
    for path in paths:
        try:
            resolve(path.split("?")[0])
        except Resolver404:
            continue
        response = client.get(path)
        text = body_text(response)
        if "html" in response.get("Content-Type", ""):
            assert not _raw_markup(text), f"{path}: {_raw_markup(text)}"
        shown += "&lt;script&gt;" in text
    assert shown >= 2, "the hostile title was never shown (escaped) at all: the test proves nothing"


def test_json_and_csv_are_never_sniffed_as_html(hostile_meeting):
    client = Client()
    for path in ("/api/meetings/", f"/api/meetings/{hostile_meeting.pk}", "/api/export/decisions.csv"):
        try:
            resolve(path)
        except Resolver404:
            continue
        response = client.get(path)
        assert response.status_code == 200
        assert "html" not in response["Content-Type"]
        assert response["X-Content-Type-Options"] == "nosniff"


def test_audit_log_escapes_what_it_shows(world):
    from protokoll import audit

    audit.record("mask", actor=world.users["sekr_a"], body=world.bodies["A"], summary=HOSTILE)
    client = Client()
    client.force_login(world.users["sekr_a"])
    text = client.get(f"/konto/logg/{world.bodies['A'].pk}/").content.decode()
    assert "&lt;script&gt;" in text and not _raw_markup(text)


@pytest.mark.parametrize("path", ["/sok/", "/api/search"])
@pytest.mark.parametrize("q", ['"(:*', "NEAR(", "*", '"', "AND OR NOT", "a\x00b", "x" * 5000, "åäö OR 1=1"])
def test_malformed_search_query(db, path, q):
    try:
        resolve(path)
    except Resolver404:
        pytest.skip(f"{path} is not routed")
    assert Client().get(path, {"q": q}).status_code == 200


PAYLOADS = [
    "' OR '1'='1",
    "1; DROP TABLE archive_item; --",
    '") UNION SELECT password FROM auth_user --',
    '"(:* NEAR',
    "a\x00b",
    "-1",
    "99999999999999999999999999",
    "2025-13-45",
    "../../etc/passwd",
    "",
]


def _query_parameters(world) -> dict[str, set[str]]:
    """path → query parameter names: the API's from its OpenAPI document, the pages' from the
    GET forms they render."""
    client = Client()
    found: dict[str, set[str]] = {}
    spec = client.get("/api/openapi.json")
    if spec.status_code == 200:
        for path, ops in json.loads(spec.content)["paths"].items():
            for op in ops.values():
                for prm in op.get("parameters", []) if isinstance(op, dict) else []:
                    if prm.get("in") == "query" and "{" not in path:
                        found.setdefault(path, set()).add(prm["name"])
    for case in _one_case_per_route(world):
        response = client.get(case.path)
        if "html" not in response.get("Content-Type", ""):
            continue
        for attrs, inner in _FORM.findall(body_text(response)):
            if re.search(r"method\s*=\s*[\"']?post", attrs, re.I):
                continue
            action = re.search(r"""action\s*=\s*["']([^"']*)""", attrs)
            target = action.group(1) if action and action.group(1).startswith("/") else case.path
            found.setdefault(target, set()).update(_NAME.findall(inner))
    return found


def test_injection_in_every_query_parameter(world):
    params = _query_parameters(world)
    assert sum(len(v) for v in params.values()) >= 10, params
    client = Client(raise_request_exception=False)
    before = Item.objects.count()
    errors = []
    for path, names in sorted(params.items()):
        for payload in PAYLOADS:
            response = client.get(path, dict.fromkeys(names, payload))
            if response.status_code >= 500:
                errors.append(f"{path} all={payload!r}: {response.status_code}")
        for name in sorted(names):
            for payload in PAYLOADS[:5]:
                response = client.get(path, {name: payload})
                if response.status_code >= 500:
                    errors.append(f"{path} {name}={payload!r}: {response.status_code}")
    assert not errors, "\n".join(errors)
    assert Item.objects.count() == before
