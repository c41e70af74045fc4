"""`import_paths`: one broken file never stops the rest; re-import is idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.archive import importer
from protokoll.archive import models as m
from protokoll.archive.exporting import export_meeting
from protokoll.archive.importer import import_paths, iter_files
from protokoll.document import dump_document, example
from protokoll.importing.extracted import UnreadableInput
from tests.archive.snapshot import snapshot

pytestmark = pytest.mark.django_db


def _meetings(n: int):
    """n distinct documents: the full example on consecutive days."""
    doc = example("full")
    return [
        doc.model_copy(
            update={"meeting": doc.meeting.model_copy(update={"date": doc.meeting.date.replace(day=d)})}
        )
        for d in range(1, n + 1)
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i, doc in enumerate(_meetings(3)):
        (tmp_path / f"m{i}.json").write_text(dump_document(doc), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "broken.json").write_text('{"schema": "protokoll/1", "items": [', encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("ignored by the folder walk", encoding="utf-8")
    return tmp_path


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unknown_files(folder):
    names = [p.relative_to(folder).as_posix() for p in iter_files([folder])]
    assert names == ["m0.json", "m1.json", "m2.json", "sub/broken.json"]


@pytest.mark.parametrize("workers", [1, 2])
def test_one_broken_file_is_reported_and_the_others_are_stored(folder, workers):
    summary = import_paths([folder], workers=workers, progress=False)
    assert summary.files == 4
    assert summary.created == 3
    assert summary.items == 3 * len(example("full").items)
    assert summary.warnings == 3
    assert [f.path for f in summary.failures] == [str(folder / "sub" / "broken.json")]
    assert "not valid JSON" in summary.failures[0].reason
    assert m.Meeting.objects.count() == 3
    for doc in _meetings(3):
        stored = m.Meeting.objects.get(date=doc.meeting.date)
        assert export_meeting(stored) == doc


def test_re_import_changes_nothing(folder):
    import_paths([folder], progress=False)
    before = snapshot()
    again = import_paths([folder], progress=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert snapshot() == before


def test_a_document_that_cannot_be_keyed_fails_alone(tmp_path):
    good, undated = _meetings(2)
    undated = undated.model_copy(update={"meeting": undated.meeting.model_copy(update={"date": None})})
    (tmp_path / "a.json").write_text(dump_document(undated), encoding="utf-8")
    (tmp_path / "b.json").write_text(dump_document(good), encoding="utf-8")
    summary = import_paths([tmp_path], progress=False)
    assert summary.created == 1
    assert len(summary.failures) == 1
    assert "meeting.date" in summary.failures[0].reason


def test_municipality_option_applies_to_every_document(folder):
    summary = import_paths([folder], municipality="Annanstad", progress=False)
    assert summary.created == 3
    assert set(m.Meeting.objects.values_list("body__municipality__name", flat=True)) == {"Annanstad"}


def _fake_parser(name: str):
    """Stands in for protokoll.importing.api.parse_file: a text file names the day of the meeting."""
    path = Path(name)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return importer.read_document_file(path)
    if text.startswith("crash"):
        raise ZeroDivisionError("a parser bug")
    if not text.strip().isdigit():
        raise UnreadableInput("not a protocol")
    return _meetings(int(text))[-1]


def test_parser_errors_and_bugs_are_failures_not_crashes(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "parse_path", _fake_parser)
    (tmp_path / "1.txt").write_text("2", encoding="utf-8")
    (tmp_path / "2.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "3.txt").write_text("crash", encoding="utf-8")
    (tmp_path / "4.txt").write_text("3", encoding="utf-8")
    summary = import_paths([tmp_path], progress=False)
    assert summary.created == 2
    reasons = {Path(f.path).name: f.reason for f in summary.failures}
    assert reasons == {"2.txt": "not a protocol", "3.txt": "parser error: ZeroDivisionError: a parser bug"}


def test_a_storage_failure_rolls_back_that_file_only(folder, monkeypatch):
    from protokoll.archive import loading

    calls = {"n": 0}
    real = loading._write_item_children

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(loading, "_write_item_children", flaky)
    summary = import_paths([folder], progress=False)
    assert summary.created == 2
    assert any("RuntimeError: disk full" in f.reason for f in summary.failures)
    assert m.Meeting.objects.count() == 2
    assert m.Item.objects.count() == 2 * len(example("full").items)
