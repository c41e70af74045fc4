"""bench/fuzz_parsers.py: a tiny run, reproducible inputs, and that a crash or a hang is caught."""

from __future__ import annotations

import itertools
import json
import random

import pytest

from tests.bench.conftest import load_script


@pytest.fixture(scope="module")
def fuzz():
    return load_script("fuzz_parsers")


@pytest.fixture(scope="module")
def protocols(fuzz):
    return fuzz._protocol_seeds(2)


def test_a_small_run_covers_every_target_and_counts_each_input(fuzz, tmp_path, capsys):
    assert fuzz.main(["--inputs", "400", "--seed-protocols", "2", "--out", str(tmp_path)]) == 0
    rows = [json.loads((tmp_path / f"{t}-seed1.json").read_text()) for t in fuzz.TARGETS]
    assert sum(r["inputs"] for r in rows) == 400
    for r in rows:
        assert r["inputs"] == r["mutation"] + r["hypothesis"]
        assert r["hypothesis"] > 0
        assert r["unhandled"] == 0 and r["findings"] == []
    assert "total 400 inputs; unhandled exceptions: 0" in capsys.readouterr().out


def test_the_same_seed_gives_the_same_inputs(fuzz, protocols):
    def first(seed: str, target: str) -> list[str]:
        return list(itertools.islice(fuzz.mutation_inputs(target, random.Random(seed), protocols), 40))

    for target in ("parse_text", "parse_dnr", "dates"):
        assert first("1", target) == first("1", target)
        assert first("1", target) != first("2", target)


def test_mutations_reach_the_hostile_shapes(fuzz, protocols):
    inputs = list(itertools.islice(fuzz.mutation_inputs("parse_text", random.Random(5), protocols), 400))
    assert any("\x00" in t or "\x1b" in t or "\u202e" in t for t in inputs)
    assert any("9" * 30 in t for t in inputs)
    assert any(t.count("§") > 20 for t in inputs)
    assert len({len(t) for t in inputs}) > 100


def test_a_crash_is_reported_and_minimised(fuzz, tmp_path, monkeypatch):
    def fragile(text: str):
        if "/" in text:
            raise ZeroDivisionError("planted")

    monkeypatch.setitem(fuzz.TARGETS, "parse_dnr", fragile)
    code = fuzz.main(
        ["--target", "parse_dnr", "--inputs", "200", "--seed-protocols", "1", "--out", str(tmp_path)]
    )
    assert code == 1
    row = json.loads((tmp_path / "parse_dnr-seed1.json").read_text())
    assert row["unhandled"] > 0
    [finding] = row["findings"]
    assert finding["signature"].startswith("ZeroDivisionError at test_fuzz_parsers.py:")
    assert finding["input"] == "/"


def test_a_handled_error_is_no_finding_but_a_hang_is(fuzz, tmp_path, monkeypatch):
    from protokoll.importing.parse import NotAProtocol

    def refuses_or_hangs(text: str):
        if "7" in text:
            while True:
                pass
        raise NotAProtocol("planted")

    monkeypatch.setitem(fuzz.TARGETS, "clock_range", refuses_or_hangs)
    code = fuzz.main(
        [
            "--target",
            "clock_range",
            "--inputs",
            "60",
            "--timeout",
            "0.02",
            "--seed-protocols",
            "1",
            "--out",
            str(tmp_path),
        ]
    )
    row = json.loads((tmp_path / "clock_range-seed1.json").read_text())
    assert code == 1
    assert row["handled"] > 0 and row["handled"] + row["unhandled"] == 60
    [finding] = row["findings"]
    assert finding["signature"].startswith("Hang at ")
    assert finding["input"] == "7"
