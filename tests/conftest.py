"""Shared fixtures. The real protocols stay in ../shared/corpus; tests read them from there."""

from __future__ import annotations

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
