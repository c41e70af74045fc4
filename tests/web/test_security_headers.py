"""The Content-Security-Policy and the other security headers (protokoll.web.csp, settings)."""

from __future__ import annotations

import pytest

from tests.web.helpers import url

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "{protocol}", "/api/meetings/", "/sok/?q=x", "/stil.css", "/nope/"])
def test_public_answers_carry_a_strict_policy_and_the_other_headers(client, full, path):
    response = client.get(path.format(protocol=url(full)))
    d = _directives(response)
    assert d["default-src"] == ["'none'"] and d["script-src"] == ["'none'"]
    assert d["style-src"] == ["'self'"] and d["frame-ancestors"] == ["'none'"]
    assert d["base-uri"] == ["'none'"] and d["form-action"] == ["'self'"]
    assert not any("unsafe" in v for values in d.values() for v in values)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_a_cached_answer_carries_the_same_headers(client, full):
    client.get("/api/meetings/")
    hit = client.get("/api/meetings/")
    assert hit["X-Protokoll-Cache"] == "hit"
    assert _directives(hit)["script-src"] == ["'none'"] and hit["Referrer-Policy"] == "same-origin"


def test_public_pages_have_no_inline_style_or_script(client, full):
    from protokoll.demo import generate
    from tests.web.helpers import load

    for doc in list(generate(1))[:8]:
        load(doc)
    for path in ["/", "/kommun/exempelstad/", "/kommun/exempelstad/kommunstyrelsen/", url(full)]:
        html = client.get(path).content.decode()
        assert "style=" not in html and "<script" not in html, path


def test_the_admin_alone_may_run_its_own_scripts(admin_client):
    d = _directives(admin_client.get("/admin/"))
    assert d["script-src"] == ["'self'"] and d["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in v for v in d["script-src"])
