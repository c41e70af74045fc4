"""Minimal reproducers of what bench/fuzz_parsers.py found. Each stays a strict xfail until the
owner of the code fixes it; then the xfail turns into a pass and CI tells us to drop the mark."""

from __future__ import annotations

import pytest

from protokoll.importing.values import count


@pytest.mark.xfail(
    strict=True,
    raises=ValueError,
    reason="fuzz_parsers seed 1, target paragraph_ranges (22 of 120,000 inputs): values.count() "
    "tests str.isdigit(), which is true for superscript and circled digits, then calls int(), "
    "which refuses them. Not reachable through parse_text today, because the tally rules match "
    "COUNT with \\d (decimal digits only).",
)
@pytest.mark.parametrize("word", ["¹", "²", "①"])
def test_count_of_a_digit_that_int_cannot_read(word):
    assert count(word) in (0, 1, 2)
