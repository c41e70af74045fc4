"""Every corpus file reads, and the text reader hands the parser its lines unchanged."""

from __future__ import annotations

import pytest

from protokoll.importing.readers import read_file
from protokoll.importing.readers.text import decode

from ..conftest import corpus_files

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_file_reads_faithfully(path):
    got = read_file(path)
    assert got.file == path.name
    assert got.warnings == []
    if got.format == "text":
        raw = decode(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
        assert got.text == raw.replace("\f", "\n")
    else:
        assert got.text.strip()


def test_corpus_is_present(corpus_dir):
    assert corpus_files(), f"no protocol files in {corpus_dir}"
