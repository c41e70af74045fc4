"""The gold files are well formed and grounded in their corpus text (see tests/gold/README.md).

A gold value that does not occur in its source would score a correct parser as wrong, so every
name, title, case number and decision a gold file states must be found in the corpus file.
Every held-out set tests/fixtures/heldoutN/ gets the same checks against
their own invented files (their PDFs and DOCX against the sources they are built from); no test
here scores the importer.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import GOLD

GOLD_FILES = sorted(GOLD.glob("*.json"))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HELDOUT_SETS = sorted(p for p in FIXTURES.glob("heldout*") if p.is_dir())
HELDOUT_FILES = sorted(p for folder in HELDOUT_SETS for p in folder.glob("*.json"))
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
# a held-out set also records what kind of document each file is (protokoll/1 DocumentKind)
HELDOUT_KEYS = TOP_KEYS | {"kind"}
KINDS = {"protocol", "extract", "listing", "summary"}
MEETING_KEYS = {"date", "start", "end", "place"}
ITEM_KEYS = {"paragraph", "case_number", "title", "decision", "confidential", "reservations", "vote"}
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTY = re.compile(r"^([A-ZÅÄÖ]{1,8})?$")


def _flat(text: str) -> str:
    # what a reader sees: a ligature is the letters it joins, a soft hyphen is not seen
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
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


def _check_shape(gold: dict, top_keys: set[str]) -> None:
    assert set(gold) <= top_keys
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


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_shape(gold_path: Path) -> None:
    _check_shape(json.loads(gold_path.read_text(encoding="utf-8")), TOP_KEYS)


@pytest.mark.corpus
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_values_occur_in_source(gold_path: Path, corpus_dir: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = _source(corpus_dir, gold_path.stem)
    if source.suffix not in {".txt", ".html", ".htm"}:
        pytest.skip("binary corpus file; values are checked by the importer's golden tests")
    text = _flat(source.read_text(encoding="utf-8"))
    missing = [v for v in _values(gold) if _flat(v) not in text]
    assert not missing


def _values(gold: dict) -> list[str]:
    values = [gold.get("body"), gold.get("chair"), gold.get("secretary"), *gold.get("adjusters", [])]
    values += [row[0] for row in gold.get("attendance_serving", [])]
    values += [row[0] for row in gold.get("absent_members", [])]
    for item in gold.get("items", []):
        values += [item.get("case_number"), item.get("title"), item.get("decision")]
    return [v for v in values if v]


def _readable_text(path: Path) -> str:
    """The text a reader of the file sees: tags and entities resolved for HTML."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in {".html", ".htm"}:
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


@pytest.mark.parametrize("folder", HELDOUT_SETS, ids=lambda p: p.name)
def test_heldout_set_is_complete(folder: Path) -> None:
    inputs = {p.stem for p in folder.iterdir() if p.suffix in {".txt", ".html", ".htm", ".pdf", ".docx"}}
    golds = {p.stem for p in folder.glob("*.json")}
    assert len(golds) >= 10
    assert inputs == golds


def _heldout_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("gold_path", HELDOUT_FILES, ids=_heldout_id)
def test_heldout_gold_shape(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _check_shape(gold, HELDOUT_KEYS)
    assert gold.get("kind", "protocol") in KINDS


@pytest.mark.parametrize("gold_path", HELDOUT_FILES, ids=_heldout_id)
def test_heldout_gold_values_occur_in_source(gold_path: Path) -> None:
    folder = gold_path.parent
    source = _source(folder, gold_path.stem)
    if source.suffix in {".pdf", ".docx"}:
        # binary inputs are built by ../build_sources.py from a text source of the same name
        source = next((folder / "sources").glob(f"{gold_path.stem}.*"))
    raw = _readable_text(source)
    # text copied from a PDF breaks words at line ends ("äldre-\nomsorgen"); accept either form
    texts = (_flat(raw), _flat(re.sub(r"(?<=\w)-\n(?=\w)", "", raw)))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    missing = [v for v in _values(gold) if not any(_flat(v) in text for text in texts)]
    assert not missing
