"""Hostile and mutated input: every reader either returns text or refuses with a one-line
message of its own. A message from the catch-all ("the file cannot be read (TypeError: …)")
would mean an exception we did not foresee, so the tests fail on it too."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protokoll.importing.extracted import Extracted, UnreadableInput
from protokoll.importing.readers import read_bytes

from .reader_fixtures import protocol_pdf

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(data: bytes) -> None:
    try:
        got = read_bytes(data, file="fuzz")
    except UnreadableInput as e:
        message = str(e)
        assert message and "\n" not in message
        assert not message.startswith("the file cannot be read ("), message
        return
    assert isinstance(got, Extracted)
    assert got.pages and all(p.number >= 1 for p in got.pages)
    assert all(
        isinstance(line, str) and line.splitlines() in ([line], []) for p in got.pages for line in p.lines
    )


@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory):
    return protocol_pdf(tmp_path_factory.mktemp("fuzz") / "p.pdf", pages=2).read_bytes()


@pytest.fixture(scope="module")
def docx_bytes():
    d = docx.Document()
    d.add_paragraph("§ 1 Val av justerare")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Plats och tid"
    t.cell(0, 1).text = "Rådhuset"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out[:cut] if cut else out)


edits = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=20)
cuts = st.none() | st.integers(min_value=1, max_value=200_000)


@FUZZ
@given(data=st.binary(min_size=1, max_size=4096))
def test_random_bytes(data):
    _check(data)


@FUZZ
@given(edits=edits, cut=cuts)
def test_mutated_pdf(pdf_bytes, edits, cut):
    _check(_mutate(pdf_bytes, edits, cut))


@FUZZ
@given(edits=edits, cut=cuts)
def test_mutated_docx(docx_bytes, edits, cut):
    _check(_mutate(docx_bytes, edits, cut))


markup = st.lists(
    st.sampled_from(
        ["<html>", "<body>", "<main>", "</main>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "<br>",
         "<li>", "<ul>", "<p>", "</p>", "<script>", "</script>", "<nav>", "<div class='cookie'>", "</div>",
         "<pre>", "</pre>", "<td colspan='x'>", "<td colspan='99999'>", "&amp;", "&#0;", "&#xD800;",
         "<?xml version='1.0'?>", "<!--", "-->", "<![CDATA[", "]]>", "§ 1", "Beslut", "\x00", "\ufeff"]
    )
    | st.text(max_size=20),
    max_size=60,
)  # fmt: skip


@FUZZ
@given(parts=markup)
def test_random_markup(parts):
    _check(("<!DOCTYPE html>" + "".join(parts)).encode("utf-8", errors="replace"))
