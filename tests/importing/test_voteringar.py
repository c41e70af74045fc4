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


def _ballots(text: str) -> list[tuple[str, str]]:
    doc = parse_text(HEAD + text).to_json_dict()
    return [(b["person"]["name"], b["vote"]) for b in doc["items"][0]["votes"][0]["ballots"]]


def test_voters_named_in_sentences_of_their_own_are_the_ballots() -> None:
    text = (
        "§ 32 Val av ombud\n"
        "Omröstning: Ja röstar Karin Sjö (S), Yusuf Dem (S) och Leo Falk\n"
        "(MP). Nej röstar Magnus Ehn (M) och Stina Hall (M). Ida Sör (SD) avstår från att rösta.\n"
        "Omröstningen utfaller med 3 ja-röster och 2 nej-röster.\n"
    )
    assert _ballots(text) == [
        ("Karin Sjö", "yes"),
        ("Yusuf Dem", "yes"),
        ("Leo Falk", "yes"),
        ("Magnus Ehn", "no"),
        ("Stina Hall", "no"),
        ("Ida Sör", "abstain"),
    ]


def test_a_sentence_that_names_some_voters_among_others_gives_no_ballots() -> None:
    text = (
        "§ 35 Försäljning\n"
        "Votering begärs. Omröstningen utfaller med 7 ja-röster mot 4 nej-röster. Ingvar Lö (KD) och\n"
        "Sofia Berg (L) röstar nej tillsammans med Sverigedemokraternas ledamöter.\n"
    )
    assert _ballots(text) == []
