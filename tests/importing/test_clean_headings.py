"""Where clean() splits a line at a § heading inside it, and where a § is a reference."""

from __future__ import annotations

import pytest

from protokoll.importing.clean import _split_headings


@pytest.mark.parametrize(
    "line",
    [
        "Bilaga till KS § 28 Budget 2025 med plan",
        "Bilaga till Ks § 28 Budget 2025 med plan",  # the organ in mixed case, as "KS" above
        "Underlaget finns enligt Bun § 7 Skolplan",
        "Se bilaga till KSAU § 4 Val av ombud",
    ],
)
def test_a_reference_naming_the_organ_is_not_split(line):
    assert _split_headings(line) == [line]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Informationen noteras. Ks § 29 Budget 2025", ["Informationen noteras.", "Ks § 29 Budget 2025"]),
        ("Informationen noteras. KS § 29 Budget 2025", ["Informationen noteras.", "KS § 29 Budget 2025"]),
        ("Text slut. § 13 Nästa Ks § 14 Tredje", ["Text slut.", "§ 13 Nästa", "Ks § 14 Tredje"]),
        ("enligt KSAU § 4 Val. Bun § 5 Budget", ["enligt KSAU § 4 Val.", "Bun § 5 Budget"]),
        ("KS § 12 Val av justerare", ["KS § 12 Val av justerare"]),
    ],
)
def test_a_heading_inside_a_line_starts_a_line_with_its_organ(line, parts):
    assert _split_headings(line) == parts
