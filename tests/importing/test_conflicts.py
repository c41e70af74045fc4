"""Who is jävig in a § (items.interpret): not the ersättare who serves instead, nor who leads it."""

from __future__ import annotations

from protokoll.importing.parse import parse_text


def _conflicts(body: str) -> list[str]:
    doc = parse_text(f"Fritidsnämnden 2025-04-09\n§ 19 Hyresavtal för ridklubben\n{body}").to_json_dict()
    return [p["name"] for p in doc["items"][0]["conflicts"]]


def test_the_jävig_member_and_not_who_steps_in() -> None:
    body = (
        "Jäv\n"
        "Jenny Holm (S) anmäler jäv och lämnar lokalen under ärendets behandling. Vice ordföranden "
        "Mikael Sun (M) leder sammanträdet under paragrafen och Anton Fors (S) tjänstgör.\n"
        "Närvaro Gunilla Ras (S) lämnade sammanträdet efter § 18. Maria Hol (S) tjänstgör från och med denna paragraf.\n"
        "Beslut\nFritidsnämnden godkänner hyresavtalet.\n"
    )
    assert _conflicts(body) == ["Jenny Holm"]


def test_a_jäv_label_over_names_alone_gives_them_all() -> None:
    assert _conflicts("Jäv\nJenny Holm (S), Bo Lind (M)\nBeslut\nFritidsnämnden godkänner avtalet.\n") == [
        "Jenny Holm",
        "Bo Lind",
    ]
