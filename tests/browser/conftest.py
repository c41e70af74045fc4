"""Browser tests: Debian's Chromium driven by Playwright against a live server with the demo
data; axe-core (from npm, tests/browser/package.json) checks each page type.

Nothing is downloaded at test time: without /usr/bin/chromium or node_modules the tests skip
and say which command installs them. The ``chromium`` fixture is in tests/conftest.py, shared
with the recording app's browser test: Playwright's sync API allows one instance at a time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.helpers import load_demo

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def page(chromium):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (run `npm ci --prefix tests/browser`)")
    context = chromium.new_context(locale="sv-SE", java_script_enabled=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's address, with the Exempelstad demo year loaded and indexed."""
    load_demo()
    return live_server.url


def axe_violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol: a <script> tag would be refused by the site's CSP.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
