"""One list of decision verbs serves both the body finder and the decision-sentence rule."""

from __future__ import annotations

import pytest

from protokoll.importing import items, parse, rules

VERBS = rules.DECISION_VERBS.split("|")


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_makes_a_decision_sentence_and_names_the_deciding_body(verb):
    line = f"Kultur- och fritidsnämnden {verb} förvaltningens förslag."
    assert items._DECISION_SENTENCE.match(line)
    assert parse._DECIDES.match(f" {verb} förslaget")


@pytest.mark.parametrize("line", ["Socialnämnden tar emot ansökningar löpande.", "Nämnden ställer krav på"])
def test_a_body_doing_something_else_is_no_decision(line):
    assert not items._DECISION_SENTENCE.match(line)
