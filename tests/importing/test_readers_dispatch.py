"""read_file: checks before reading, sniffing by content, base name and hash in the result."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.readers import read_bytes, read_file
from protokoll.importing.readers.limits import MB

PROTOCOL = "Socialnämnden\nSammanträdesdatum\t2024-03-12\n§ 1\nVal av justerare\n"


def test_text_round_trip_keeps_lines_pages_hash_and_base_name(tmp_path):
    data = (PROTOCOL + "\fSida två\n§ 2\n").encode()
    path = tmp_path / "sn 2024-03-12.txt"
    path.write_bytes(data)
    got = read_file(path)
    assert got.format == "text"
    assert got.file == "sn 2024-03-12.txt"
    assert got.sha256 == hashlib.sha256(data).hexdigest()
    assert [p.number for p in got.pages] == [1, 2]
    assert got.pages[0].lines[:3] == ["Socialnämnden", "Sammanträdesdatum\t2024-03-12", "§ 1"]
    assert got.pages[1].lines[0] == "Sida två"


def test_cp1252_and_utf16_text_are_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes("Ärende: Bygglov för Östra ån\n".encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Ärende: Bygglov för Östra ån\n".encode("utf-16"))
    assert read_file(tmp_path / "a.txt").pages[0].lines[0] == "Ärende: Bygglov för Östra ån"
    assert read_file(tmp_path / "b.txt").pages[0].lines[0] == "Ärende: Bygglov för Östra ån"


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path):
    """One byte that is not UTF-8 in a UTF-8 text loses that byte, not every å ä ö of the text."""
    text = "Plats och tid: Rådhuset, Östra Långgatan 3\nBeslutande: Åsa Öberg (S), ordförande\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8") + b"Beslut: Bygglov f\xf6r ny bro\n")
    lines = read_file(tmp_path / "a.txt").pages[0].lines
    assert lines[:2] == text.splitlines()
    assert lines[2] == "Beslut: Bygglov f\ufffdr ny bro"


def test_huge_file_is_rejected_by_stat_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as f:
        f.truncate(200 * MB)  # sparse: no disk used, no bytes to read
    opened = []
    real_open = type(path).open
    monkeypatch.setattr(
        type(path), "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k)
    )
    monkeypatch.delenv("PROTOKOLL_MAX_UPLOAD_MB", raising=False)
    try:
        t0 = time.perf_counter()
        with pytest.raises(UnreadableInput) as e:
            read_file(path)
        assert time.perf_counter() - t0 < 0.5
    finally:
        path.unlink()
    assert str(e.value) == "the file is 200.0 MB; the limit is 50 MB (PROTOKOLL_MAX_UPLOAD_MB)"
    assert opened == []


def test_size_limit_comes_from_environment_and_argument(tmp_path, monkeypatch):
    path = tmp_path / "p.txt"
    path.write_bytes(PROTOCOL.encode() * 2000)  # about 130 KB
    monkeypatch.setenv("PROTOKOLL_MAX_UPLOAD_MB", "0.1")
    with pytest.raises(UnreadableInput, match=r"limit is 0.1 MB \(PROTOKOLL_MAX_UPLOAD_MB\)"):
        read_file(path)
    assert read_file(path, max_bytes=MB).format == "text"
    with pytest.raises(UnreadableInput, match=r"^the file is 0.1 MB; the limit is 100 bytes$"):
        read_file(path, max_bytes=100)


def test_bad_limit_setting_is_named(monkeypatch, tmp_path):
    (tmp_path / "p.txt").write_text(PROTOCOL)
    monkeypatch.setenv("PROTOKOLL_MAX_UPLOAD_MB", "lots")
    with pytest.raises(ValueError, match="PROTOKOLL_MAX_UPLOAD_MB"):
        read_file(tmp_path / "p.txt")


def test_empty_missing_and_directory(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    with pytest.raises(UnreadableInput, match="^the file is empty$"):
        read_file(tmp_path / "empty.txt")
    with pytest.raises(UnreadableInput, match="^the file is empty$"):
        read_file(tmp_path / "blank.txt")
    with pytest.raises(UnreadableInput, match="^no such file: nope.pdf$"):
        read_file(tmp_path / "nope.pdf")
    with pytest.raises(UnreadableInput, match="is a directory"):
        read_file(tmp_path)


def test_binary_garbage_is_rejected(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(os.urandom(20000))
    with pytest.raises(UnreadableInput, match="binary"):
        read_file(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "save it as DOCX or PDF"),
        (b"{\\rtf1\\ansi hej}", "RTF"),
        (b"PK\x03\x04garbage that is no zip", "damaged zip"),
    ],
)
def test_other_formats_get_a_precise_message(data, message):
    with pytest.raises(UnreadableInput, match=message):
        read_bytes(data, file="x.pdf")


def test_name_does_not_decide_the_format(tmp_path):
    path = tmp_path / "protokoll.pdf"
    path.write_text(PROTOCOL)
    assert read_file(path).format == "text"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\sekr\\Desktop\\prot ..pdf", "prot ..pdf"),
        ("/abs/path/ö ä å;rm -rf.txt", "ö ä å;rm -rf.txt"),
        ("plain.txt", "plain.txt"),
    ],
)
def test_file_in_result_is_base_name_only(given, kept):
    assert read_bytes(PROTOCOL.encode(), file=given).file == kept


def test_odd_path_names_are_just_paths(tmp_path):
    odd = tmp_path / "sub" / ".." / "prot ' \" $(x) ö.txt"
    (tmp_path / "sub").mkdir()
    odd.write_text(PROTOCOL)
    got = read_file(odd)
    assert got.file == "prot ' \" $(x) ö.txt"
    assert got.pages[0].lines[0] == "Socialnämnden"


def test_messages_are_one_line_and_surprises_become_unreadable(monkeypatch):
    from protokoll.importing.readers import text

    def multi_line(data, *, file=None):
        raise UnreadableInput("first\nsecond")

    monkeypatch.setattr(text, "read_text", multi_line)
    with pytest.raises(UnreadableInput, match="^first second$"):
        read_bytes(PROTOCOL.encode())

    def bug(data, *, file=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(text, "read_text", bug)
    with pytest.raises(UnreadableInput, match=r"^the file cannot be read \(RecursionError: maximum") as e:
        read_bytes(PROTOCOL.encode())
    assert isinstance(e.value.__cause__, RecursionError)


def test_every_line_is_one_line_for_splitlines_too():
    data = "§ 1 Ärende\u2028fortsättning\x85sista\vrad\nnästa\u2029\n".encode()
    got = read_bytes(data)
    assert got.pages[0].lines == ["§ 1 Ärende", "fortsättning", "sista", "rad", "nästa", ""]
    assert all(line.splitlines() in ([line], []) for line in got.pages[0].lines)
