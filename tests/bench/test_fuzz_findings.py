"""Minimal reproducers of what bench/fuzz_parsers.py found, kept as regression tests."""

from __future__ import annotations

import pytest

from protokoll.importing.values import count


@pytest.mark.parametrize("word", ["¹", "²", "①"])
def test_count_of_a_digit_that_int_cannot_read(word):
    """fuzz_parsers seed 1, target paragraph_ranges (22 of 120,000 inputs): count() tested
    str.isdigit(), true for superscript and circled digits, then int() refused them."""
    assert count(word) == 0


def test_count_still_reads_decimal_digits_and_words():
    assert (count("12"), count("åtta"), count("٣")) == (12, 8, 3)
