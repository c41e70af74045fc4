"""Golden tests over tests/fixtures/layouts/: twelve invented protocols in layouts the corpus does
not have (Ciceron, Lex/Platina, W3D3, viewer scrapes, portals …; see the README there), scored
the way ../shared/tools/score_import.py scores the corpus. They measure generality: a rule written
for one corpus file fails here. Known-weak files keep a floor at today's score with the reason."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from protokoll.importing.api import parse_file

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_import.py"
FLOOR = 0.9
# every layout reaches the floor today; a file that regresses below it should be fixed, or listed
# here as (floor, reason) like tests/importing/test_golden.py does for the corpus
KNOWN_WEAK: dict[str, tuple[float, str]] = {}


def _scorer():
    if not SCORER.exists():
        pytest.skip(f"the scorer is not at {SCORER}")
    spec = importlib.util.spec_from_file_location("score_import", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names() -> list[str]:
    return sorted(p.stem for p in LAYOUTS.glob("h*.json"))


def test_every_layout_has_its_input() -> None:
    names = _names()
    assert len(names) >= 12
    for name in names:
        assert [p for p in LAYOUTS.glob(f"{name}.*") if p.suffix != ".json"], name


@pytest.mark.parametrize("name", _names())
def test_layout_matches_gold(name: str) -> None:
    scorer = _scorer()
    source = scorer.find_input(LAYOUTS, name)
    assert source is not None, f"no input for {name}"
    gold = json.loads((LAYOUTS / f"{name}.json").read_text("utf-8"))
    pred = parse_file(source).to_json_dict()
    if gold.get("kind"):
        assert pred["kind"] == gold["kind"], name  # kind is not scored by the scorer; test it here
    points, possible, details = scorer.score_doc(gold, pred)
    floor, reason = KNOWN_WEAK.get(name, (FLOOR, ""))
    assert points / possible >= floor, f"{name}: {points / possible:.3f} < {floor} ({reason}) {details}"


def test_layouts_overall() -> None:
    scorer = _scorer()
    got = possible = 0.0
    for name in _names():
        gold = json.loads((LAYOUTS / f"{name}.json").read_text("utf-8"))
        points, total, _ = scorer.score_doc(gold, parse_file(scorer.find_input(LAYOUTS, name)).to_json_dict())
        got, possible = got + points, possible + total
    assert got / possible >= 0.97
