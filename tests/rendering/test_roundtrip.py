"""Render → parse gives the same record back (issue 6 "Must show"; KL 5:66-67).

Run alone: flock /tmp/protokoll-test.lock .venv/bin/pytest tests/rendering -x -q
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from protokoll.demo import iter_documents
from protokoll.rendering.text import render_text
from tests.rendering.roundtrip import differences

parse = pytest.importorskip("protokoll.importing.parse")


def meeting(seed: int, index: int):
    for i, doc in enumerate(iter_documents(seed, meetings=index + 1)):
        if i == index:
            return doc
    raise AssertionError("the generator stopped early")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**31), index=st.integers(min_value=0, max_value=40))
@example(seed=9012, index=25)  # a meeting where only ersättare serve throughout beside the chair
@example(seed=4408951, index=35)  # an amendment won while a written reservation was made
def test_text_round_trip(seed, index):
    doc = meeting(seed, index)
    parsed = parse.parse_text(render_text(doc))
    assert differences(doc, parsed) == []


@pytest.mark.parametrize("seed,index", [(1, 3), (2, 10), (3, 0)])
def test_pdf_round_trip(seed, index, tmp_path):
    from protokoll.rendering.pdf import render_pdf

    api = pytest.importorskip("protokoll.importing.api")
    doc = meeting(seed, index)
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(render_pdf(doc))
    parsed = api.parse_file(path)
    assert differences(doc, parsed) == []
