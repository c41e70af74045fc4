"""The prefilters derived from the rule table must be necessary conditions: a line a rule
matches always passes its prefilter, so skipping a rule never changes what the parser reads.
The cheap tests that stand in for a pattern or a full pass (place words, page edges) must
give exactly what they replace."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from protokoll.importing import attendance, clean, header, items, parse, rules, segment, tables, values, votes
from protokoll.importing.clean import Line
from protokoll.importing.prefilter import (
    Prefiltered,
    ending_test,
    has_long_scan,
    minimal_words,
    required_words,
    word_test,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_required_words_of_simple_shapes():
    assert required_words(re.compile(r"^(?:beslut|beslutet|[\w ]{0,80}?s\s+beslut)\s*:?\s*$")) == {
        "beslut",
        "beslutet",
    }
    assert required_words(re.compile(r"^reservation(?:er)?$")) == {"reservation"}
    assert required_words(re.compile(r"^(?:ab|\w+)$")) is None  # an alternative without a word
    assert required_words(re.compile(r"^(?:x)?[a-z]+$")) is None
    assert required_words(re.compile(r"(?:omröstning)+ begärs")) == {"omröstning"}  # the longer word


def test_flag_changes_inside_give_no_words():
    assert required_words(re.compile(r"^(?-i:Beslut)$", re.IGNORECASE)) is None


def test_minimal_words_drop_words_that_hold_another():
    assert minimal_words({"beslutet", "Beslut", "förslag till beslut", "förslag"}) == ["Beslut", "förslag"]


def test_long_scans_are_found():
    assert has_long_scan(re.compile(r"^[\w ]{0,80}?s beslut$"))
    assert not has_long_scan(re.compile(r"^beslut\s*:?\s*$"))


def _fixture_lines() -> list[str]:
    out = []
    for path in sorted(FIXTURES.rglob("*.txt")):
        out += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return out


LABELISH = st.one_of(
    st.text(max_size=110),
    st.builds(
        lambda a, w, b: f"{a}{w}{b}",
        st.text(alphabet="abcåäö SK:s-,", max_size=90),
        st.sampled_from(
            [
                "beslut",
                "Beslutar",
                "förslag",
                "FÖRSLAG TILL BESLUT",
                "s beslut",
                ":s beslut",
                "BESLUTAR ATT",
                "beſlut",
                "s förslag till kommunfullmäktige",
                "s förslag till utſkottet",
                "nämndens beslut",
                "Bilagor",
                "Bilaga(or)",
                "Jäv",
                "Särskilda yttranden",
                "Protokollsanteckningar",
                "Kopia till",
                "Yrkanden",
                "Reservation(er)",
            ]
        ),
        st.sampled_from(["", ":", " :", " att", "et", "  ", " :\n", "\u00a0", "ſ", " İ", ": :", "s"]),
    ),
)


def _ungated_label_of(text: str):
    """label_of as it was before the prefilter: every label rule tried on every line (past the
    cache, which holds what the prefiltered label_of answered)."""
    saved = items._GATE, items._ENDS_LIKE_GATED, items._ENDS_LIKE_LABEL
    items._GATE, items._ENDS_LIKE_GATED, items._ENDS_LIKE_LABEL = re.compile(""), None, None  # pass all
    try:
        return items.label_of.__wrapped__(text)
    finally:
        items._GATE, items._ENDS_LIKE_GATED, items._ENDS_LIKE_LABEL = saved


def test_gated_labels_agree_with_all_labels_on_the_fixture_lines():
    lines = _fixture_lines()
    assert len(lines) > 500
    gated = [items.label_of(t) for t in lines]
    assert gated == [_ungated_label_of(t) for t in lines]
    assert sum(1 for k in gated if k and k[0] == "decision") > 10  # the gated rule is exercised


@settings(max_examples=400, deadline=None)
@given(LABELISH)
def test_gated_labels_agree_with_all_labels_on_random_lines(text):
    assert items.label_of(text) == _ungated_label_of(text)


def test_every_gated_rule_has_words():
    assert items._GATE_WORDS, "the long-scanning label rules lost their prefilter"
    for i, words in items._GATE_WORDS.items():
        rule = rules.SECTION_LABELS[i]
        assert has_long_scan(rule.pattern) and words


def test_a_repeated_letter_is_a_required_word():
    assert required_words(re.compile(r"\bX{3,}\b|\bsekretess\b", re.IGNORECASE)) == {"XXX", "sekretess"}


def test_word_test_reads_case_the_way_the_engine_does():
    test = word_test(re.compile(r"\bsekretess\b|\bOSL\b", re.IGNORECASE))
    assert test("Ärendet omfattas av SEKRETESS") and test("enligt osl 21 kap")
    assert not test("Nämnden beslutar att godkänna förslaget")
    # "ſ" matches "s" and "İ" matches "i" in a case-insensitive pattern; str.lower() disagrees
    assert rules.CONFIDENTIAL.search("omfattas av ſekretess") and test("omfattas av ſekretess")
    assert word_test(re.compile(r"Beslut")) is not None and not word_test(re.compile(r"Beslut"))("beslut")


def test_word_test_refuses_words_with_unchecked_letters():
    assert word_test(re.compile(r"ωμέγα", re.IGNORECASE)) is None
    assert word_test(re.compile(r"^\w+$")) is None


# the patterns items.py searches through Prefiltered, and texts that come near them
_PREFILTERED = [
    rules.WITHDRAWN,
    rules.INFORMATION,
    rules.REPORT_TITLE,
    rules.CONFIDENTIAL,
    rules.LOTTERY,
    rules.CASTING_VOTE,
    *(rule.pattern for rule in rules.ASSIGNMENT_RULES),
    rules.EXTRACT_MARK,
    rules.TALLY_ABSENT,
    items._DECISION_NOTES.pattern,
    header._ADJOURNMENT.pattern,
]
NEAR_MATCHES = st.builds(
    lambda a, w, b: f"{a}{w}{b}",
    st.text(max_size=40),
    st.sampled_from(
        [
            "ärendet utgår",
            "ÄRENDET LYFTS",
            "Tar del av informationen",
            "lägger x till handlingarna",
            "XXX",
            "xxx",
            "Sekretess",
            "ſekretess",
            "İnformationen",
            "osl",
            "OſL",
            "delegationsbeslut",
            "Postlista",
            "två ledamöter var frånvarande",
            "3 FRÅNVARANDE",
        ]
    ),  # fmt: skip
    st.text(max_size=40),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=120), NEAR_MATCHES))
def test_prefiltered_search_agrees_with_the_pattern(text):
    for pattern in _PREFILTERED:
        assert bool(Prefiltered(pattern).search(text)) == bool(pattern.search(text))
        assert [m.span() for m in Prefiltered(pattern).finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_prefiltered_search_agrees_on_the_fixture_lines():
    lines = _fixture_lines()
    for pattern in _PREFILTERED:
        prefiltered = Prefiltered(pattern)
        assert [bool(prefiltered.search(t)) for t in lines] == [bool(pattern.search(t)) for t in lines]


@settings(max_examples=300, deadline=None)
@given(
    st.builds(
        lambda a, gap, party, tail: f"{a}{gap}{party}{tail}",
        st.text(max_size=30),
        st.sampled_from(["", " ", "  ", "\t", " \n "]),
        st.sampled_from([*rules.KNOWN_PARTIES, "Vice", "s", "X", ""]),
        st.sampled_from(["", "\n", " vice", "   Vice\n", "\n\n", "e"]),
    )
)
@example("A L\tSe")  # a kommun cell after the party, which hypothesis found
def test_party_column_test_agrees_with_its_pattern(before):
    # the test's shortcuts (the last letter of a party code) never change its answer: the
    # reference reads the pattern, or a kommun cell after the party ("Eva Ek  S<TAB>Åby")
    head, tab, place = before.rpartition("\t")
    reference = bool(header._PARTY_COLUMN.search(before)) or bool(
        tab
        and header._PLACE_CELL.fullmatch(place.lstrip(" "))
        and header._PARTY_COLUMN.search(head.rstrip(" \t"))
    )
    assert header._party_column(before) == reference


def test_ending_test_reads_the_end_of_the_line():
    test = ending_test([re.compile(r"^(?:[\w ]{0,80}?s\s+beslut|\w+ beslutar(?:\s+att)?)\s*:?\s*$", re.I)])
    assert test("Kommunstyrelsens beslut :") and test("Nämnden BESLUTAR att") and test("Nämnden beslutar\n")
    assert not test("Nämnden fattade beslut om detta.")
    assert test("Nämndens beſlut")  # "ſ" matches "s" in the pattern: never a wrong "no"
    assert ending_test([re.compile(r"^beslut")]) is None  # not anchored at the end
    assert ending_test([re.compile(r"^(?:beslut|\w+)$", re.I)]) is None  # an alternative without a word


def test_every_label_rule_has_an_ending():
    assert items._ENDS_LIKE_GATED is not None, "the long-scanning label rules lost their line-end test"
    assert items._ENDS_LIKE_LABEL is not None, "a label rule gives no final words: every line pays for it"


def test_endings_follow_optional_letters_and_factored_prefixes():
    # "bilagor?" is "bilago" or "bilagor"; the parser factors "särskil" out of the alternatives
    assert ending_test([re.compile(r"^(?:bilagor?|bilaga\(or\))$", re.I)])("Bilaga(or)")
    test = ending_test([re.compile(r"^(?:särskilt yttrande|särskilda yttranden)\s*:?\s*$", re.I)])
    assert test("Särskilda yttranden:") and not test("Särskilda yttranden lämnas.")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["kommun", "stad", "KOMMUN", "STAD", "Kommun", "s", "_", " ", "ä", "1", "k", "Ω", "\n"]
        ),
        max_size=30,
    ).map("".join)
)
def test_place_words_are_what_the_pattern_finds(text):
    pattern = re.compile(r"(?:kommun|stad|KOMMUN|STAD)\b")
    assert parse._place_words(text) == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\t", "14", "Sida 2", "x" * 120, "Text"]), max_size=12))
def test_edge_lines_are_the_first_and_last_two_filled_lines(lines):
    filled = [no for no, raw in enumerate(lines, start=1) if raw.strip()]
    assert clean._edge_lines(lines) == set(filled[:2] + filled[-2:])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["och", "för", "av", "i", "-", ",", " ", "\n", "\u2003", "x", "Anna", "\x1f", "ä"]),
        max_size=12,
    ).map("".join)
)
def test_continuation_test_is_the_pattern_searched_near_the_end(line):
    assert attendance._continues(line) == bool(attendance._CONTINUES.search(line))


BALLOT_ROWS = st.lists(
    st.builds(
        lambda name, party, gap, choice, tail: f"{name} ({party}){gap}{choice}{tail}",
        st.sampled_from(["Eva Ek", "Per Olof Berg", "ordf Anna Al", "x"]),
        st.sampled_from(["S", "M", "sd", "KD", ""]),
        st.sampled_from(["", " ", "\t", " | ", "  ) "]),
        st.sampled_from(["Ja", "NEJ", "avstår", "Avstod", "frånvarande", "jag", "", "X"]),
        st.sampled_from(["", " (S)", " Ja", ")"]),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(BALLOT_ROWS)
def test_ballot_rows_are_the_same_without_the_paren_test(rows):
    lines = [Line(1, no, text) for no, text in enumerate(rows, start=1)]
    gated = votes._ballots(lines)
    saved = votes._CHOICE_AFTER_PAREN
    votes._CHOICE_AFTER_PAREN = re.compile("")
    try:
        assert gated == votes._ballots(lines)
    finally:
        votes._CHOICE_AFTER_PAREN = saved


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([".", "_", "…", "-", "=", "a", " ", "\n", "12"]), max_size=14).map("".join))
def test_leader_test_is_the_pattern(value):
    assert header._drop_leaders(value) == header._LEADERS.sub(" ", value)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from([" ", "a", "\u00a0", "\t", "\n", "\u2003", "\x1c", "\x85", "ä", "\u200b"]),
        max_size=12,
    )
)
def test_squash_fast_path_is_split_and_join(text):
    assert values.squash(text) == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Tjänstgör", "för", "tjg.", "Namn", "parti", "ledamot", "Ordinarie", "närv.", "ja", "x"]
        )
        | st.sampled_from([" ", "  ", "\t", "\n", "/", "ersättare", "Frånv", "roll", "uppdrag", "NEJ"]),
        max_size=5,
    ).map("".join)
)
def test_column_kind_is_the_first_kind_whose_pattern_matches(cell):
    low = " ".join(cell.lower().split())
    first = next((kind for kind, pattern in tables._COLUMN_KINDS if pattern.match(low)), None)
    assert tables._kind(cell) == first


def test_label_and_heading_caches_start_empty_for_each_protocol():
    first = sorted((FIXTURES / "layouts").glob("*.txt"))[0]
    parse.parse_text(first.read_text(encoding="utf-8"))
    assert items.label_of.cache_info().currsize > 10
    assert segment.match_heading.cache_info().currsize > 10
    with contextlib.suppress(parse.NotAProtocol):
        parse.parse_text("Beslut")  # one line: what the protocol before it left is gone
    assert items.label_of.cache_info().currsize <= 1
    assert segment.match_heading.cache_info().currsize <= 1


def test_single_characters_are_required_words_only_when_asked_for():
    assert required_words(re.compile(r"^(?P<num>\d{1,4})\s*§(?P<rest>.*)$")) is None
    assert required_words(re.compile(r"^(?P<num>\d{1,4})\s*§(?P<rest>.*)$"), min_word=1) == {"§"}


def test_only_the_paragraf_and_organ_rules_are_tried_without_a_sign():
    assert [rule.name for rule in segment._RULES_WITHOUT_SIGN] == ["paragraf_word", "organ_number"]


HEADINGISH = st.lists(
    st.sampled_from(
        [
            "§",
            "§§",
            " ",
            "  ",
            "\t",
            "12",
            "3",
            "-",
            "–",
            "Paragraf",
            "KS",
            "Sn",
            "Val av justerare",
            "/20",
            "(7)",
            "•",
        ]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(HEADINGISH)
def test_heading_rules_not_tried_without_a_sign_never_match_without_one(text):
    skipped = [rule for rule in rules.HEADING_RULES if rule not in segment._RULES_WITHOUT_SIGN]
    assert "§" in text or not any(rule.pattern.match(text) for rule in skipped)
    assert segment.match_heading.__wrapped__(text) == _heading_tried_on_every_rule(text)


def _heading_tried_on_every_rule(text: str):
    """match_heading with every heading rule tried, as before the § test."""
    saved = segment._RULES_WITHOUT_SIGN
    segment._RULES_WITHOUT_SIGN = rules.HEADING_RULES
    try:
        return segment.match_heading.__wrapped__(text)
    finally:
        segment._RULES_WITHOUT_SIGN = saved


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "2", " ", "\t", "KS", "Val", "och", ".", "/", "A", "x", "\u00a0"]), max_size=12
    ).map("".join)
)
def test_a_sign_only_at_the_start_splits_nothing(tail):
    text = f"§{tail}"
    assert not list(clean._INLINE_HEADING.finditer(text))  # what lets _split_headings skip the search
    assert clean._split_headings(text) == ([text.strip()] if text.strip() else [])


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=0, max_value=12),
    st.sets(st.integers(min_value=0, max_value=12)),
)
def test_lines_between_leave_out_exactly_the_given_indexes(start, end, left_out):
    lines = [Line(1, no, f"rad {no}") for no in range(12)]
    expected = [ln for j, ln in enumerate(lines[start:end], start=start) if j not in left_out]
    assert segment._lines_between(lines, start, end, sorted(left_out)) == expected


def test_a_look_ahead_gives_the_words_it_must_see():
    assert required_words(re.compile(r"^(?=.*\borg\.?\s*nr\b).*$")) == {"org"}
    assert required_words(re.compile(r"(?<=beslut)\s+att")) == {"beslut"}
    # what a negative look-ahead must not see is no condition at all
    assert required_words(re.compile(r"^(?!.*\borg\b)[a-z]+$")) is None


# every furniture rule joined in one pattern, in the table's order, as clean() tried them before
# the rules with words were taken out of the joined pass
_ALL_FURNITURE = re.compile(
    "|".join(f"(?P<r{i}>{r.pattern.pattern})" for i, r in enumerate(rules.FURNITURE_LINES)), re.IGNORECASE
)
_FOOTERS = st.sampled_from(
    [
        "Postadress Box 12, 123 45 Storby | Telefon 0123-45 67 89 | Org.nr 212000-0000",
        "Besöksadress Torget 1 · växel 0123-456 00 · organisationsnummer 212000-1111",
        "ORG NR 212000-2222 TEL 0123-11 22 33",
        "Org.nr: 212000-3333",
        "Justerandes signatur",
        "Sida 3 (7)",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=120), _FOOTERS, st.tuples(_FOOTERS, st.text(max_size=20)).map("".join)))
def test_furniture_with_worded_rules_apart_is_the_joined_pattern(text):
    joined = _ALL_FURNITURE.match(text)
    split = clean._furniture(text)
    assert (split is None) == (joined is None)
    if joined is not None:
        assert (split.lastgroup == "r0") == (joined.lastgroup == "r0")


def test_furniture_with_worded_rules_apart_agrees_on_the_fixture_lines():
    for text in _fixture_lines():
        assert (clean._furniture(text) is None) == (_ALL_FURNITURE.match(text) is None), text
