"""One test per case in tests/fixtures/patterns/*.txt (see the README there)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from protokoll.importing.parse import parse_text

PATTERNS = Path(__file__).resolve().parents[1] / "fixtures" / "patterns"


def load_cases() -> list[tuple[str, str, dict]]:
    cases = []
    for path in sorted(PATTERNS.glob("*.txt")):
        for chunk in re.split(r"^=== ", path.read_text("utf-8"), flags=re.MULTILINE)[1:]:
            name, rest = chunk.split("\n", 1)
            text, expected = rest.split("--- expected\n", 1)
            text = text.split("--- input\n", 1)[1]
            cases.append((f"{path.stem}: {name.strip()}", text, json.loads(expected)))
    return cases


def contains(actual, expected, where: str = "") -> None:
    """``expected`` is a subset of ``actual``; every expected list element matches some actual one."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        if not expected:
            assert actual == [], f"{where}: expected no elements, got {actual!r}"
        for i, element in enumerate(expected):
            errors = []
            for candidate in actual:
                try:
                    contains(candidate, element, f"{where}[{i}]")
                    break
                except AssertionError as exc:
                    errors.append(str(exc))
            else:
                raise AssertionError(f"{where}[{i}]: no element matches {element!r} in {actual!r}"[:2000])
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


CASES = load_cases()


@pytest.mark.parametrize("text,expected", [(t, e) for _, t, e in CASES], ids=[n for n, _, _ in CASES])
def test_pattern(text: str, expected: dict) -> None:
    doc = parse_text(text).to_json_dict()
    contains(doc, expected)


def test_every_pattern_file_has_cases() -> None:
    assert len(CASES) >= 15
