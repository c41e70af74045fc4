"""The prefilters derived from the rule table must be necessary conditions: a line a rule
matches always passes its prefilter, so skipping a rule never changes what the parser reads."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from protokoll.importing import items, rules
from protokoll.importing.prefilter import has_long_scan, minimal_words, required_words

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
        st.sampled_from(["beslut", "Beslutar", "förslag", "FÖRSLAG TILL BESLUT", "s beslut", ":s beslut"]),
        st.sampled_from(["", ":", " :", " att", "et", "  "]),
    ),
)


def _ungated_label_of(text: str):
    """label_of as it was before the prefilter: every label rule tried on every line."""
    gate = items._GATE
    items._GATE = re.compile("")  # passes every line
    try:
        return items.label_of(text)
    finally:
        items._GATE = gate


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
