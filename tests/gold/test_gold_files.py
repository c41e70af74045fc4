"""The gold files are well formed and grounded in their corpus text (see tests/gold/README.md).

A gold value that does not occur in its source would score a correct parser as wrong, so every
name, title, case number and decision a gold file states must be found in the corpus file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import GOLD

GOLD_FILES = sorted(GOLD.glob("*.json"))
TOP_KEYS = {
    "municipality",
    "body",
    "meeting",
    "chair",
    "secretary",
    "adjusters",
    "attendance_serving",
    "absent_members",
    "items",
}
MEETING_KEYS = {"date", "start", "end", "place"}
ITEM_KEYS = {"paragraph", "case_number", "title", "decision", "confidential", "reservations", "vote"}
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTY = re.compile(r"^([A-ZÅÄÖ]{1,8})?$")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def _source(corpus_dir: Path, name: str) -> Path:
    for ext in (".txt", ".html", ".htm", ".pdf", ".docx"):
        path = corpus_dir / (name + ext)
        if path.exists():
            return path
    pytest.fail(f"no corpus file for gold {name}")


def test_every_corpus_file_has_gold(corpus_dir: Path) -> None:
    names = {p.stem for p in corpus_dir.iterdir() if p.suffix in {".txt", ".html", ".htm", ".pdf", ".docx"}}
    assert names == {p.stem for p in GOLD_FILES}


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_shape(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert set(gold) <= TOP_KEYS
    meeting = gold.get("meeting", {})
    assert set(meeting) <= MEETING_KEYS
    if "date" in meeting:
        assert DATE.match(meeting["date"])
    for key in ("start", "end"):
        if key in meeting:
            assert CLOCK.match(meeting[key])
    # The scorer compares start and end separately; a lone time would mean one was guessed.
    assert ("start" in meeting) == ("end" in meeting)
    for name, party, _role in gold.get("attendance_serving", []):
        assert name and PARTY.match(party)
    for name, party in gold.get("absent_members", []):
        assert name and PARTY.match(party)
    numbers = [item["paragraph"] for item in gold.get("items", [])]
    assert numbers == sorted(set(numbers)), "paragraphs must be unique and in order"
    for item in gold.get("items", []):
        assert set(item) <= ITEM_KEYS
        assert isinstance(item["paragraph"], int)
        if "vote" in item and item["vote"] is not None:
            assert len(item["vote"]) == 3 and all(isinstance(n, int) for n in item["vote"])
        if "reservations" in item:
            assert isinstance(item["reservations"], int) and item["reservations"] >= 0


@pytest.mark.corpus
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_values_occur_in_source(gold_path: Path, corpus_dir: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = _source(corpus_dir, gold_path.stem)
    if source.suffix not in {".txt", ".html", ".htm"}:
        pytest.skip("binary corpus file; values are checked by the importer's golden tests")
    text = _flat(source.read_text(encoding="utf-8"))
    values = [gold.get("body"), gold.get("chair"), gold.get("secretary"), *gold.get("adjusters", [])]
    values += [row[0] for row in gold.get("attendance_serving", [])]
    values += [row[0] for row in gold.get("absent_members", [])]
    for item in gold.get("items", []):
        values += [item.get("case_number"), item.get("title"), item.get("decision")]
    missing = [v for v in values if v and _flat(v) not in text]
    assert not missing
