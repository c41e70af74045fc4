"""The protocol URL answers the (redacted) protokoll/1 document with .json or Accept: JSON."""

from __future__ import annotations

import json

import pytest

from protokoll.document.model import Document
from tests.web.helpers import text_of, url

pytestmark = pytest.mark.django_db


def _document(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    Document.model_validate(data)
    return data


def test_json_suffix_and_accept_header_give_the_same_document(client, full):
    by_suffix = _document(client.get(url(full)[:-1] + ".json"))
    by_header = _document(client.get(url(full), HTTP_ACCEPT="application/json"))
    assert by_suffix == by_header
    assert by_suffix["schema"] == "protokoll/1"
    assert by_suffix["body"] == "Socialnämnden" and by_suffix["meeting"]["date"] == "2025-03-18"


def test_withheld_paragraph_is_reduced_in_the_document(client, full):
    data = _document(client.get(url(full)[:-1] + ".json"))
    item = next(i for i in data["items"] if i["paragraph"] == 24)
    assert item["confidential"] is True
    assert item["title"] is None and item["decision"] is None and item["case"] is None
    assert "kontaktfamilj" not in json.dumps(data, ensure_ascii=False)


def test_browser_accept_header_gets_html(client, full):
    response = client.get(url(full), HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response["Content-Type"].startswith("text/html")
    assert "Accept" in response["Vary"]
    assert '<link rel="alternate" type="application/json"' in text_of(response)
