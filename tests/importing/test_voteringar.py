"""Several voteringar in one § (votes._later_votes), and a tally said twice that is one."""

from __future__ import annotations

from protokoll.importing.parse import parse_text

HEAD = "Miljönämnden 2025-06-17\n"


def _votes(text: str) -> list[tuple[int, int, int]]:
    doc = parse_text(HEAD + text).to_json_dict()
    return [(v["yes"], v["no"], v["abstain"]) for v in doc["items"][0]["votes"]]


def test_a_kontrapropositionsvotering_then_the_main_vote_are_two_votes_in_order() -> None:
    text = (
        "§ 62 Budget 2026\n"
        "Propositionsordning och omröstningar\n"
        "Ordföranden ställer M:s förslag mot SD:s förslag. Votering begärs.\n"
        "Kontrapropositionsvoteringen utfaller med 9 ja-röster, 6 nej-röster och 16 som avstår.\n"
        "I huvudvoteringen ställer ordföranden kommunstyrelsens förslag mot M:s förslag.\n"
        "Huvudvoteringen utfaller med 16 ja-röster, 9 nej-röster och 6 som avstår.\n"
        "Beslut\nKommunfullmäktige fastställer budgeten.\n"
    )
    assert _votes(text) == [(9, 6, 16), (16, 9, 6)]


def test_a_tally_said_again_in_the_decision_is_one_vote() -> None:
    text = (
        "§ 73 Taxa för tillsyn\n"
        "Ordföranden ställer proposition på bifall mot avslag. Omröstning begärs.\n"
        "Med 6 ja-röster mot 3 nej-röster bifaller nämnden förslaget.\n"
        "Beslut\nEfter omröstningen beslutar miljönämnden med 6 röster mot 3 att anta taxan.\n"
    )
    assert _votes(text) == [(6, 3, 0)]
