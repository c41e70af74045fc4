"""Properties of the Dnr parser beyond the listed shapes (DOMAIN 2.1; checklist 43–44).

The last four tests record defects found while writing these properties (now fixed).
"""

from hypothesis import given
from hypothesis import strategies as st

from protokoll.domain.dnr import parse_dnr
from protokoll.domain.klassa import describe

PREFIX = st.sampled_from(["KS", "AMN", "BUN", "SBN", "KFN", "IFN", "Kst"])
YEAR = st.integers(1990, 2040)
SERIAL = st.integers(1, 99999)
LEAD = st.sampled_from(["", "Dnr ", "Dnr: ", "DNR ", "Diarienummer: ", "dnr. "])
KLASSA = st.from_regex(r"[1-3]\.[1-9](\.[1-9]){1,2}", fullmatch=True)


@given(prefix=PREFIX, year=YEAR, serial=SERIAL, lead=LEAD, pad=st.integers(0, 5))
def test_the_leading_word_and_letter_case_do_not_change_the_case(prefix, year, serial, lead, pad):
    text = f"{prefix} {year}/{str(serial).zfill(pad)}"
    plain = parse_dnr(text)
    assert parse_dnr(lead + text) == plain
    assert parse_dnr(lead + text.lower()).normalized == plain.normalized


@given(prefix=PREFIX, year=YEAR, serial=SERIAL, lead=LEAD, klassa=st.one_of(st.none(), KLASSA))
def test_parsing_the_kept_original_gives_the_same_case(prefix, year, serial, lead, klassa):
    text = f"{lead}{prefix} {year}/{serial:05d}" + (f"-{klassa}" if klassa else "")
    case = parse_dnr(text)
    assert parse_dnr(case.raw) == case
    assert case.raw in text


@given(prefix=PREFIX, year=YEAR, serial=SERIAL, suffix=st.integers(1, 999))
def test_a_suffix_is_klassa_when_dotted_diarieplan_when_three_padded_digits_else_a_document(
    prefix, year, serial, suffix
):
    padded = f"{suffix:03d}"
    case = parse_dnr(f"{prefix} {year}/{serial}-{padded}")
    if padded.startswith("0"):
        assert (case.classification, case.document) == (padded, None)
    else:
        assert (case.classification, case.document) == (None, suffix)
    assert case.normalized == f"{prefix.upper()}-{year}-{serial}"


@given(prefix=PREFIX, year=YEAR, serial=SERIAL, klassa=KLASSA)
def test_a_klassa_suffix_is_kept_and_can_be_described(prefix, year, serial, klassa):
    case = parse_dnr(f"{prefix} {year}/{serial:05d}-{klassa}")
    assert case.classification == klassa
    # Every generated code lies under a verksamhetstyp 1–3, so the parent fallback always names it.
    assert describe(case.classification)


def test_a_number_at_the_end_of_a_sentence():
    assert parse_dnr("KS 2023/416.").normalized == "KS-2023-416"


def test_a_stray_comma_after_dnr():
    assert parse_dnr("Dnr , KS 2023/5").normalized == "KS-2023-5"


def test_dnr_joined_by_a_hyphen():
    assert parse_dnr("Dnr-KS 2023/5").normalized == "KS-2023-5"


def test_year_first_shape_with_klassa():
    case = parse_dnr("2023/KS 0173-1.2.3")
    assert (case.prefix, case.year, case.serial, case.classification) == ("KS", 2023, 173, "1.2.3")
