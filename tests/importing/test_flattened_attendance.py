"""Attendance lists that a document viewer flattened onto one line (attendance.parse_people)."""

from __future__ import annotations

import pytest

from protokoll.importing.attendance import parse_people


@pytest.mark.parametrize(
    "row", ["Namn Parti Roll", "Namn Funktion", "Parti Tjänstgör Anmärkning", "Ja Nej Avstår"]
)
def test_a_table_head_row_alone_is_no_person(row: str) -> None:
    assert parse_people(f"{row} Anna Ek (S), ordförande Bo Lind (M)") == parse_people(
        "Anna Ek (S), ordförande Bo Lind (M)"
    )
    assert [p.name for p in parse_people(row)] == []


def test_party_headings_on_one_line_give_each_member_their_party() -> None:
    people = parse_people(
        "Socialdemokraterna (S): Anna Ek, ordförande; Bo Lind Moderaterna (M): Cia Ro; Dan Berg "
        "Kristdemokraterna (KD): Eva Sand"
    )
    assert [(p.name, p.party) for p in people] == [
        ("Anna Ek", "S"),
        ("Bo Lind", "S"),
        ("Cia Ro", "M"),
        ("Dan Berg", "M"),
        ("Eva Sand", "KD"),
    ]
    assert people[0].role == "ordförande"


def test_one_party_name_in_a_sentence_splits_nothing() -> None:
    people = parse_people("Anna Ek (S), ordförande Bo Lind (M) Cia Ro (V), Vänsterpartiet: ledamot")
    assert [p.name for p in people][:3] == ["Anna Ek", "Bo Lind", "Cia Ro"]


def test_a_paragraph_number_before_a_name_with_its_party_is_no_part_of_the_name() -> None:
    from protokoll.importing.attendance import split_names

    assert split_names("41 Nils Sven (M) och Johan Nils (S)") == [("Nils Sven", "M"), ("Johan Nils", "S")]
    # without a party the number is no § column: nothing is read as a name
    assert split_names("12 Dnr KS") == []
