"""bench/bench_parse.py --stages: the stage split it reports is read from the real parser and
leaves the parser as it found it."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from protokoll.importing import parse

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_parse_for_test", ROOT / "bench" / "bench_parse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stages_are_reported_and_the_parser_is_restored(tmp_path, capsys):
    source = sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.txt"))[0]
    shutil.copy(source, tmp_path / source.name)
    before = {name: getattr(parse, name) for name in _bench().STAGES}
    assert _bench().main([str(tmp_path), "--repeat", "1", "--stages"]) == 0
    out = capsys.readouterr().out
    assert "stages: " in out and "interpret" in out and "clean" in out
    assert {name: getattr(parse, name) for name in before} == before
