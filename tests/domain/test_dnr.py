"""Every diarienummer shape in DOMAIN.md 2.1 parses, and the key matches the same case."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protokoll.domain.dnr import parse_dnr

SHAPES = [
    # text, prefix, year, serial, classification, document
    ("AMN 2023/00148-1.2.3", "AMN", 2023, 148, "1.2.3", None),
    ("KS 2023/00416-1.2.1", "KS", 2023, 416, "1.2.1", None),
    ("IFN 2018/00256-1.6.1", "IFN", 2018, 256, "1.6.1", None),
    ("Dnr AMN 2012-0062-4.0", "AMN", 2012, 62, "4.0", None),
    ("AMN 2012-108-2.7.1", "AMN", 2012, 108, "2.7.1", None),
    ("Dnr KS 001-149/2012", "KS", 2012, 149, "001", None),
    ("Dnr KS 2018/14", "KS", 2018, 14, None, None),
    ("Dnr KS/2020:248-003", "KS", 2020, 248, "003", None),
    ("2023/KS 0173", "KS", 2023, 173, None, None),
    ("KS-2014/1144", "KS", 2014, 1144, None, None),
    ("KS/2015:54", "KS", 2015, 54, None, None),
    ("KS 2012/0164", "KS", 2012, 164, None, None),
    ("KS13/123", "KS", 2013, 123, None, None),
    ("KFN-2013-179", "KFN", 2013, 179, None, None),
    ("Kst/2012:214", "KST", 2012, 214, None, None),
    ("Dnr 01/KS", "KS", None, 1, None, None),
    ("2007/555", None, 2007, 555, None, None),
    ("1900/16", None, 2016, 1900, None, None),
    ("Dnr 2012-KS", "KS", 2012, None, None, None),
    ("Dnr 2025-00005", None, 2025, 5, None, None),
    ("Dnr 60", None, None, 60, None, None),
    ("KS 2023/00416-12", "KS", 2023, 416, None, 12),
    ("DNR: KU.2017.3", "KU", 2017, 3, None, None),
    ("Dnr AMN 8-", "AMN", None, 8, None, None),
]


@pytest.mark.parametrize(("text", "prefix", "year", "serial", "classification", "document"), SHAPES)
def test_every_documented_shape_parses(text, prefix, year, serial, classification, document):
    case = parse_dnr(text)
    assert (case.prefix, case.year, case.serial, case.classification, case.document) == (
        prefix,
        year,
        serial,
        classification,
        document,
    )
    assert not case.raw.lower().startswith("dnr")


def test_same_case_written_differently_has_one_key():
    spellings = ["KS 2023/00416", "KS-2023/416", "Dnr KS 2023:416", "ks.2023.0416", "KS 2023/00416-1.2.1"]
    assert {parse_dnr(s).normalized for s in spellings} == {"KS-2023-416"}


def test_unknown_shape_is_kept_not_lost():
    case = parse_dnr("Dnr ärende tolv/b")
    assert case.raw == "ärende tolv/b"
    assert case.serial is None and case.normalized


def test_empty_is_none():
    assert parse_dnr("") is None
    assert parse_dnr("Dnr ") is None


@given(st.text(max_size=60))
def test_any_text_parses_without_exception(text):
    case = parse_dnr(text)
    assert case is None or case.raw


@given(
    prefix=st.sampled_from(["KS", "AMN", "BUN", "SBN", "KFN"]),
    year=st.integers(1990, 2040),
    serial=st.integers(1, 99999),
    sep=st.sampled_from(["/", "-", ":", "."]),
    pad=st.integers(0, 5),
    klassa=st.one_of(st.none(), st.from_regex(r"[1-3]\.[1-9]\.[1-9]", fullmatch=True)),
)
def test_key_ignores_separators_padding_and_classification(prefix, year, serial, sep, pad, klassa):
    text = f"{prefix} {year}{sep}{str(serial).zfill(pad)}" + (f"-{klassa}" if klassa else "")
    case = parse_dnr(text)
    assert case.normalized == f"{prefix}-{year}-{serial}"
    assert case.classification == klassa
