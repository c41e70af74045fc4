"""Browser tests: Debian's Chromium driven by Playwright against a live server with the demo
data; axe-core (from npm, tests/browser/package.json) checks each page type.

Nothing is downloaded at test time: without /usr/bin/chromium or node_modules the tests skip
and say which command installs them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.web.helpers import load_demo

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to
# fill the database are plain synchronous code all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return "Chromium is not at /usr/bin/chromium (install it: `make browser-deps` or `apt-get install chromium`)"
    if not AXE.exists():
        return "axe-core is not installed (run `npm ci --prefix tests/browser`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="session")
def chromium():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
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
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
