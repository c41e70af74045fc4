"""The OpenAPI description covers every /api/ URL, and real responses validate against it."""

from __future__ import annotations

import re

import pytest
from jsonschema import Draft202012Validator

from protokoll.archive.loading import load_document
from protokoll.demo.generate import iter_documents
from protokoll.web.api import urls
from protokoll.web.api.openapi import spec

pytestmark = pytest.mark.django_db


def _template(route: str) -> str:
    return "/api/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def test_every_url_pattern_is_described_and_nothing_else():
    described = set(spec()["paths"])
    routed = {_template(p.pattern._route) for p in urls.urlpatterns}
    assert routed - described == set(), "undescribed endpoints"
    assert described - routed == set(), "described endpoints that do not exist"


def test_spec_is_openapi_31_with_resolvable_refs(client):
    data = client.get("/api/openapi.json").json()
    assert data["openapi"].startswith("3.1")
    assert data["servers"] == [{"url": "http://testserver"}]
    schemas = data["components"]["schemas"]
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', str(data).replace("'", '"')))
    assert refs and refs <= set(schemas)
    for schema in schemas.values():
        Draft202012Validator.check_schema(schema)


def _validator(response_schema: dict, components: dict) -> Draft202012Validator:
    return Draft202012Validator({**response_schema, "components": components})


def _json_schema(data: dict, path: str) -> dict:
    return data["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


@pytest.fixture
def demo_archive(archive):
    """The API fixture archive plus the first meetings of the demo municipality (votes, uppdrag,
    substitutes, several bodies)."""
    for doc in iter_documents(seed=7, meetings=12):
        load_document(doc)
    return archive


LISTS = {
    "/api/municipalities/": "/api/municipalities/{pk}",
    "/api/bodies/": "/api/bodies/{pk}",
    "/api/meetings/": "/api/meetings/{pk}",
    "/api/agenda-items/": "/api/agenda-items/{pk}",
    "/api/persons/": "/api/persons/{pk}",
    "/api/memberships/": "/api/memberships/{key}",
    "/api/parties/": "/api/parties/{abbreviation}",
    "/api/votes/": "/api/votes/{pk}",
    "/api/reservations/": "/api/reservations/{pk}",
    "/api/conflicts/": "/api/conflicts/{pk}",
    "/api/assignments/": "/api/assignments/{pk}",
    "/api/cases/": "/api/cases/{municipality}/{key}",
    "/api/uppdrag/": None,
}


def test_responses_validate_against_the_description(client, demo_archive):
    data = client.get("/api/openapi.json").json()
    components = data["components"]
    checked = 0

    def check(url: str, path: str) -> dict:
        nonlocal checked
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        body = response.json()
        errors = sorted(_validator(_json_schema(data, path), components).iter_errors(body), key=str)
        assert not errors, (url, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]])
        checked += 1
        return body

    check("/api/", "/api/")
    for list_path, detail_path in LISTS.items():
        listing = check(f"{list_path}?per_page=200", list_path)
        assert listing["data"], f"no {list_path} in the demo data"
        for obj in listing["data"][:25] if detail_path else []:
            check(obj["id"], detail_path)
    for meeting in client.get("/api/meetings/?per_page=200").json()["data"]:
        check(meeting["protokoll"], "/api/meetings/{pk}/protokoll.json")
    assert checked > 100


def test_withheld_items_cannot_carry_content_under_the_schema():
    data = spec()
    v = _validator({"$ref": "#/components/schemas/AgendaItem"}, data["components"])
    withheld = {
        "id": "http://x/api/agenda-items/1",
        "type": "https://schema.oparl.org/1.1/AgendaItem",
        "meeting": "http://x/api/meetings/1",
        "number": "24",
        "order": 3,
        "date": "2025-03-18",
        "public": False,
        "confidential": True,
        "marker": data["components"]["schemas"]["WithheldAgendaItem"]["properties"]["marker"]["const"],
    }
    assert v.is_valid(withheld)
    assert not v.is_valid({**withheld, "name": "Ansökan om kontaktfamilj"})


def test_every_endpoint_is_in_docs_api_md():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    documented = re.sub(r"<[^>]+>", "<>", docs)
    for template in spec()["paths"]:
        assert re.sub(r"\{[^}]+\}", "<>", template) in documented, template


def test_every_path_parameter_is_declared():
    for template, item in spec()["paths"].items():
        declared = {p["name"] for p in item["get"]["parameters"] if p["in"] == "path"}
        assert declared == set(re.findall(r"\{(\w+)\}", template)), template
        assert all(p["required"] for p in item["get"]["parameters"] if p["in"] == "path"), template
        assert "200" in item["get"]["responses"], template
