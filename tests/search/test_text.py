"""Query reading and stems: plain words only, Snowball Swedish, å/ä/ö kept."""

from __future__ import annotations

import pytest

from protokoll.search.text import fts5_match, index_terms, parse_query, stem, tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [("beslutade", "besluta"), ("nämnderna", "nämnd"), ("förskolor", "förskola"), ("budgeten", "budget")],
)
def test_inflected_forms_share_a_stem(a, b):
    assert stem(a) == stem(b)


def test_swedish_letters_are_not_folded():
    assert stem("får") != stem("far")
    assert index_terms("Får") == "får"
    assert tokens("ÅTERRAPPORT Öppen") == ["återrapport", "öppen"]


def test_decomposed_letters_are_composed():
    assert tokens("na\u0308mnd") == ["nämnd"]


def test_stop_words_are_not_indexed_like_postgresql_swedish():
    assert index_terms("och att i det") == ""


@pytest.mark.parametrize(
    "q",
    [
        '"',
        'budget"',
        "title:budget",
        "budget*",
        "(budget",
        "budget)",
        "NOT budget",
        "budget AND NEAR(förskola)",
        "'; DROP TABLE search_entry; --",
        '""""',
        "^budget",
        "{title text}: x",
        "a" * 5000,
    ],
)
def test_any_text_becomes_quoted_terms(q):
    expr = fts5_match(parse_query(q))
    for part in expr.split('"'):
        assert all(ch.isalnum() or ch == " " for ch in part), expr


def test_balanced_quotes_make_a_phrase():
    query = parse_query('"godkänna budgeten" förskola')
    phrase = (stem("godkänna"), stem("budgeten"))
    assert query.phrase_terms == (phrase,)
    assert query.terms == (stem("förskola"),)
    assert fts5_match(query) == f'"{stem("förskola")}" "{" ".join(phrase)}"'


def test_operators_are_plain_words():
    assert parse_query("budget NOT förskola").terms == ("budget", "not", stem("förskola"))


def test_number_of_terms_is_bounded():
    q = " ".join(f"ord{i}" for i in range(200))
    assert len(parse_query(q).terms) <= 24
