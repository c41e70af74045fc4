"""wants_json: the same URL answers HTML or JSON."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from protokoll.web.api.negotiation import wants_json

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


@pytest.mark.parametrize(
    ("path", "accept", "expected"),
    [
        ("/kommun/x/organ/2025-03-18/", BROWSER, False),
        ("/kommun/x/organ/2025-03-18/", "", False),
        ("/kommun/x/organ/2025-03-18/", "*/*", False),
        ("/kommun/x/organ/2025-03-18/", "application/json", True),
        ("/kommun/x/organ/2025-03-18/", "application/json;q=0.5, text/html", False),
        ("/kommun/x/organ/2025-03-18/", "text/html;q=0.5, application/json", True),
        ("/kommun/x/organ/2025-03-18/", "application/ld+json", True),
        ("/kommun/x/organ/2025-03-18/", "application/json;q=0", False),
        ("/kommun/x/organ/2025-03-18/", "application/json;q=nonsense", False),
        ("/kommun/x/organ/2025-03-18.json", BROWSER, True),
    ],
)
def test_wants_json(path, accept, expected):
    request = RequestFactory().get(path, HTTP_ACCEPT=accept) if accept else RequestFactory().get(path)
    assert wants_json(request) is expected


def test_format_parameter():
    assert wants_json(RequestFactory().get("/x/", {"format": "json"}))
