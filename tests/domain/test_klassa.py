"""KLASSA names with a municipality's own table (DOMAIN 2.2; checklist 44)."""

import json

import pytest

from protokoll.domain.dnr import parse_dnr
from protokoll.domain.klassa import describe, load_table, lookup, standard_table


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("1.1.3", "Nämnd"),
        ("1.2.1", "Implementering av styrdokument från regering och riksdag"),
        ("1.2.2", "Hantering av styrdokument från fullmäktige och kommunledning"),
        ("1.2.3", "Nämndens styrning och kontroll"),
        ("1.4.3", "Val"),
        ("2.1.1", "Registratur"),
    ],
)
def test_codes_named_in_domain(code, name):
    assert describe(code) == name


def test_every_shipped_code_is_dotted_digits_and_has_its_parent():
    table = standard_table()
    for code in table:
        parts = code.split(".")
        assert all(p.isdigit() for p in parts)
        if len(parts) > 1:
            assert ".".join(parts[:-1]) in table, code


def test_a_deeper_code_falls_back_to_the_nearest_parent():
    match = lookup("1.2.3.4")
    assert (match.matched, match.name, match.exact) == ("1.2.3", "Nämndens styrning och kontroll", False)
    assert describe("1.2.9") == "Styrning"
    assert describe("1.6.1") == "Ledning"  # Västerås' local code: only its verksamhetstyp is known


def test_dot_zero_is_the_area_management_process():
    assert describe("3.5.0") == "Utbildning: Ledning-Styrning-Organisering"


def test_unknown_and_non_codes_have_no_name():
    assert describe("9.1.1") is None
    assert describe("003") is None
    assert describe("abc") is None
    assert describe("") is None
    assert describe(None) is None  # a Dnr without classification


def test_a_municipality_extends_and_overrides_with_a_dict():
    local = {"1.6": "Lokal samverkan", "1.6.1": "Samverkan med regionen", "1.2.3": "Nämndstyrning"}
    assert describe("1.6.1", local) == "Samverkan med regionen"
    assert describe("1.6.1.2", local) == "Samverkan med regionen"
    assert describe("1.2.3", local) == "Nämndstyrning"
    assert describe("1.2.3") == "Nämndens styrning och kontroll"  # the shipped table is untouched


def test_a_municipality_table_from_a_json_file(tmp_path):
    nested = tmp_path / "klassa-lokal.json"
    nested.write_text(json.dumps({"_source": "Exempelstad", "codes": {"003": "Kommunstyrelsen"}}), "utf-8")
    flat = tmp_path / "flat.json"
    flat.write_text(json.dumps({"3.4.4.1": "Feriearbete"}), "utf-8")
    assert describe("003", nested) == "Kommunstyrelsen"
    assert describe("3.4.4.1", str(flat)) == "Feriearbete"
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", "utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_table(bad)


def test_a_parsed_dnr_classification_can_be_described():
    case = parse_dnr("AMN 2023/00148-1.2.3")
    assert describe(case.classification) == "Nämndens styrning och kontroll"
