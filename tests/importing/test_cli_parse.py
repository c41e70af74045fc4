"""``protokoll parse``: JSON and exit 0 for a protocol; one line on stderr and non-zero otherwise."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from protokoll.cli import main
from tests.importing.test_parse_robust import SAMPLE


def _run(path: Path):
    return CliRunner().invoke(main, ["parse", str(path)], catch_exceptions=False)


def _one_line_failure(result) -> None:
    assert result.exit_code != 0
    err = result.stderr.strip()
    assert err and "\n" not in err, err
    assert "Traceback" not in result.output + result.stderr


def test_good_file_prints_json(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    result = _run(path)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "protokoll/1"
    assert [it["paragraph"] for it in doc["items"]] == [1, 2]
    assert doc["items"][0]["votes"][0]["yes"] == 2


def test_empty_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _one_line_failure(_run(path))


def test_binary_garbage_fails(tmp_path: Path) -> None:
    path = tmp_path / "garbage.bin"
    path.write_bytes(bytes(range(256)) * 64)
    _one_line_failure(_run(path))


def test_not_a_protocol_fails(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text("Pannkakor\n\nVispa ihop mjöl och mjölk. Stek i smör.\n", encoding="utf-8")
    _one_line_failure(_run(path))


def test_pdf_that_is_not_a_pdf_fails(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a pdf\n")
    _one_line_failure(_run(path))


def test_missing_file_fails(tmp_path: Path) -> None:
    _one_line_failure(_run(tmp_path / "nope.txt"))


def test_huge_file_fails_fast(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    _one_line_failure(_run(path))


def test_directory_fails_with_one_line(tmp_path: Path) -> None:
    _one_line_failure(_run(tmp_path))
