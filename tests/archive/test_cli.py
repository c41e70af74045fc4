"""The archive commands: thin layers whose errors name the field and leave the database alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from protokoll.archive import models as m
from protokoll.cli import main
from protokoll.document import dump_document, example, parse_document
from tests.archive.snapshot import counts

pytestmark = pytest.mark.django_db


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _write(path: Path, data) -> str:
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_load_then_export_gives_the_document_back(tmp_path):
    path = _write(tmp_path / "full.json", dump_document(example("full")))
    loaded = run("load", path)
    assert loaded.exit_code == 0
    assert "created" in loaded.output
    meeting = m.Meeting.objects.get()
    exported = run("export", str(meeting.pk))
    assert exported.exit_code == 0
    assert parse_document(exported.stdout) == example("full")
    assert run("load", path).output.startswith(f"{path}: unchanged")


def test_export_of_an_unknown_meeting_fails_cleanly():
    result = run("export", "987654")
    assert result.exit_code == 1
    assert result.stderr.strip() == "protokoll: no meeting with id 987654"


def test_load_of_invalid_json_fails_and_stores_nothing(tmp_path):
    good = _write(tmp_path / "good.json", dump_document(example("minimal")))
    bad = _write(tmp_path / "bad.json", '{"schema": "protokoll/1", ')
    result = run("load", good, bad)
    assert result.exit_code != 0
    assert "bad.json: not valid JSON" in result.stderr
    assert "Traceback" not in result.output
    assert sum(counts().values()) == 0


def test_load_of_a_schema_failure_names_the_field_and_stores_nothing(tmp_path):
    run("load", _write(tmp_path / "min.json", dump_document(example("minimal"))))
    before = counts()
    data = example("full").to_json_dict()
    data["items"][1]["votes"][0]["yes"] = -1
    result = run(
        "load",
        _write(tmp_path / "full.json", dump_document(example("full"))),
        _write(tmp_path / "bad.json", data),
    )
    assert result.exit_code != 0
    assert "items[1].votes[0].yes" in result.stderr
    assert counts() == before


def test_load_of_a_document_that_cannot_be_keyed_names_the_field_and_stores_nothing(tmp_path):
    undated = example("minimal").to_json_dict()
    undated["meeting"]["date"] = None
    result = run(
        "load",
        _write(tmp_path / "full.json", dump_document(example("full"))),
        _write(tmp_path / "u.json", undated),
    )
    assert result.exit_code != 0
    assert "u.json: meeting.date: missing" in result.stderr
    assert "nothing was stored" in result.stderr
    assert sum(counts().values()) == 0


def test_import_reports_a_summary_and_fails_when_a_file_failed(tmp_path):
    _write(tmp_path / "a.json", dump_document(example("full")))
    _write(tmp_path / "b.json", "[]")
    result = run("import", str(tmp_path), "--quiet")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "files: 2" in lines
    assert "meetings: 1 (created 1, updated 0, unchanged 0, superseded 0)" in lines
    assert "items: 6" in lines
    assert "failures: 1" in lines
    assert any(line.startswith(f"  {tmp_path / 'b.json'}: ") for line in lines)
    again = run("import", str(tmp_path / "a.json"), "--municipality", "Exempelstad")
    assert again.exit_code == 0
    assert "meetings: 1 (created 0, updated 0, unchanged 1, superseded 0)" in again.stderr
    assert "file/s" in again.stderr  # the progress bar goes to stderr, stdout stays clean
    assert again.stdout == ""


def test_dump_and_restore_commands(tmp_path):
    run("load", _write(tmp_path / "full.json", dump_document(example("full"))))
    before = counts()
    target = str(tmp_path / "all.jsonl.gz")
    assert run("dump", target).exit_code == 0
    refused = run("restore", target)
    assert refused.exit_code == 1
    assert "empty archive" in refused.stderr
    m.Meeting.objects.all().delete()
    m.Municipality.objects.all().delete()
    restored = run("restore", target)
    assert restored.exit_code == 0, restored.stderr
    assert counts() == before


def test_import_hints_at_the_municipality_option(tmp_path):
    data = example("minimal").to_json_dict()
    data["municipality"] = None
    _write(tmp_path / "a.json", data)
    result = run("import", str(tmp_path), "--quiet")
    assert result.exit_code == 1
    assert "municipality: missing" in result.stderr
    assert "--municipality NAME" in result.stderr
    fixed = run("import", str(tmp_path), "--quiet", "--municipality", "Exempelstad")
    assert fixed.exit_code == 0
    assert m.Meeting.objects.get().body.municipality.name == "Exempelstad"
