"""The personnummer rule (DOMAIN 1.10; checklist 37): every shape masked, look-alikes kept."""

from __future__ import annotations

import pytest

from protokoll.web.masking import PNR_MASK, mask_personnummer, mask_value

SHAPES = [
    "640823-3234",  # YYMMDD-NNNN
    "19640823-3234",  # YYYYMMDD-NNNN
    "640823+3234",  # 100 years or older
    "19640823 3234",  # a space instead of the dash
    "640823 3234",
    "6408233234",  # bare, right check digit
    "196408233234",  # bare with century
    "640883-3238",  # samordningsnummer (day + 60)
    "550101-0000",  # wrong check digit but separated: still a personnummer
]


@pytest.mark.parametrize("pnr", SHAPES)
def test_every_shape_is_masked_wherever_it_stands(pnr):
    for text in (pnr, f"Sökande {pnr}, se bilaga", f"({pnr})", f"personnummer:{pnr}.", f"pnr {pnr}\n"):
        masked = mask_personnummer(text)
        assert PNR_MASK in masked
        assert pnr not in masked
        assert pnr[-4:] not in masked


@pytest.mark.parametrize(
    "text",
    [
        "Dnr 2023/00148",
        "Dnr MN 2026/1234 och 2026-03-11 samt 12 345 kr",
        "Sammanträdet 2024-05-02 kl 13.00-16.30",
        "20240502",
        "tel 0701234567",  # a phone word before ten bare digits
        "tfn 8112189876",
        "0701234567",  # a mobile number: its check digit is not a personnummer's
        "070-123 45 67",
        "08-123 456 78",
        "212000-1234",  # an organisationsnummer (month 20)
        "SN 2025/97531",
        "1 200 000 kr",
        "641323-3234",  # month 13 is no date
        "2023/640823-3234",  # part of a longer reference
        "",
    ],
)
def test_look_alikes_are_left_alone(text):
    assert mask_personnummer(text) == text


def test_mask_value_walks_nested_data_and_leaves_other_types():
    data = {"a": ["x 640823-3234"], "b": ("640823-3234",), "n": 640823, "none": None}
    assert mask_value(data) == {"a": [f"x {PNR_MASK}"], "b": (PNR_MASK,), "n": 640823, "none": None}
