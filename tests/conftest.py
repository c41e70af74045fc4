"""Shared fixtures. The real protocols stay in ../shared/corpus; tests read them from there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__import__("os").environ.get("PROTOKOLL_CORPUS", REPO.parent / "shared" / "corpus"))
GOLD = REPO / "tests" / "gold"


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html", ".htm", ".pdf", ".docx"})


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (set PROTOKOLL_CORPUS to its folder)")
    return CORPUS


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's sync API runs an event loop in the test thread; the ORM calls the browser tests
# make to fill the database are plain synchronous code all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, one instance for the whole session (the sync API
    refuses a second one while the first runs). No browser is ever downloaded."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not at /usr/bin/chromium (install it: `make system-deps`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _empty_public_cache():
    """The public answer cache lives in the process; a rolled-back test takes the archive version
    back with it, so the next test could otherwise meet an answer cached under the same version."""
    from django.core.cache import caches

    caches["public"].clear()
    yield
    caches["public"].clear()
