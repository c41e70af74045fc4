"""read_file_isolated: a hard wall-clock and memory limit around one file."""

from __future__ import annotations

import time

import pytest

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.readers import isolated, read_file
from protokoll.importing.readers import text as text_reader

from .reader_fixtures import flate_of_spaces, pdf_with_content_stream, protocol_pdf


def test_isolated_read_equals_in_process_read(tmp_path):
    path = protocol_pdf(tmp_path / "p.pdf", pages=2)
    assert isolated.read_file_isolated(path, timeout=30) == read_file(path)


def test_unreadable_input_crosses_the_process_boundary(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(UnreadableInput, match="^the file is empty$"):
        isolated.read_file_isolated(tmp_path / "empty.txt", timeout=30)


def test_a_hanging_reader_is_killed_at_the_deadline(tmp_path, monkeypatch):
    (tmp_path / "p.txt").write_text("§ 1\n")

    def hang(data, *, file=None):
        while True:  # a tight loop, as in a C library that never returns
            pass

    monkeypatch.setattr(text_reader, "read_text", hang)  # inherited by the forked child
    t0 = time.perf_counter()
    with pytest.raises(UnreadableInput, match=r"^reading the file took longer than 0.5 s and was stopped$"):
        isolated.read_file_isolated(tmp_path / "p.txt", timeout=0.5)
    assert time.perf_counter() - t0 < 3


def test_a_memory_hungry_reader_hits_the_memory_cap(tmp_path, monkeypatch):
    (tmp_path / "p.txt").write_text("§ 1\n")

    def bloat(data, *, file=None):
        return bytearray(4 * 1024**3)  # 4 GB

    monkeypatch.setattr(text_reader, "read_text", bloat)
    monkeypatch.setenv("PROTOKOLL_MAX_READ_MEMORY_MB", "1024")
    with pytest.raises(
        UnreadableInput,
        match=r"^reading the file needed more memory than is allowed \(PROTOKOLL_MAX_READ_MEMORY_MB\)$",
    ):
        isolated.read_file_isolated(tmp_path / "p.txt", timeout=30)


def test_a_crashing_reader_is_reported_not_propagated(tmp_path, monkeypatch):
    import os
    import signal

    (tmp_path / "p.txt").write_text("§ 1\n")
    monkeypatch.setattr(
        text_reader, "read_text", lambda data, *, file=None: os.kill(os.getpid(), signal.SIGSEGV)
    )
    with pytest.raises(
        UnreadableInput,
        match=r"^the file cannot be read: the reader stopped unexpectedly \(SIGSEGV\); the file may be",
    ):
        isolated.read_file_isolated(tmp_path / "p.txt", timeout=30)


def test_pdf_decompression_bomb_is_stopped_by_the_memory_cap(tmp_path, monkeypatch):
    """1.5 MB of PDF whose page content inflates to 1.5 GB."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_with_content_stream(flate_of_spaces(1536)))
    monkeypatch.setenv("PROTOKOLL_MAX_READ_MEMORY_MB", "512")
    t0 = time.perf_counter()
    with pytest.raises(
        UnreadableInput, match=r"(stopped unexpectedly|more memory than).*PROTOKOLL_MAX_READ_MEMORY_MB\)$"
    ):
        isolated.read_file_isolated(path, timeout=30)
    assert time.perf_counter() - t0 < 10
