"""render → parse: the text renderer's conventional layout must read back to the same facts."""

from __future__ import annotations

import pytest

from protokoll.document import example
from protokoll.importing.parse import parse_text

render_text = pytest.importorskip("protokoll.rendering.text").render_text


def _people(entries) -> set[tuple]:
    return {
        (
            a.name,
            a.party,
            a.group.value,
            a.status.value,
            a.serving,
            a.remote,
            tuple(map(tuple, a.paragraphs or [])),
            a.replaces.name if a.replaces else None,
        )
        for a in entries
    }


# the justerare that an example's "Val av justerare" § elects where the record names none
ELECTED = {"minimal": ["Tove Lindqvist"]}


@pytest.mark.parametrize("name", ["minimal", "full"])
def test_render_then_parse_keeps_the_facts(name: str) -> None:
    src = example(name)
    doc = parse_text(render_text(src))
    assert doc.body == src.body
    assert doc.meeting == src.meeting
    assert (doc.chair and doc.chair.name) == (src.chair and src.chair.name)
    assert (doc.secretary and doc.secretary.name) == (src.secretary and src.secretary.name)
    # a record without justerare whose first § elects one reads back with her: the text says so
    assert [p.name for p in doc.adjusters] == ([p.name for p in src.adjusters] or ELECTED.get(name, []))
    assert _people(doc.attendance) == _people(src.attendance)
    assert doc.notice == src.notice
    assert [i.paragraph for i in doc.items] == [i.paragraph for i in src.items]
    for got, want in zip(doc.items, src.items, strict=True):
        assert got.case_number == want.case_number, got.paragraph
        assert got.title == want.title, got.paragraph
        assert " ".join((got.decision or "").split()) == " ".join((want.decision or "").split()), (
            got.paragraph
        )
        assert got.immediately_adjusted == want.immediately_adjusted, got.paragraph
        assert [(v.yes, v.no, v.abstain) for v in got.votes] == [(v.yes, v.no, v.abstain) for v in want.votes]
        assert [len(v.ballots) for v in got.votes] == [len(v.ballots) for v in want.votes]
        assert len(got.reservations) == len(want.reservations), got.paragraph
        assert sorted(s.kind.value for s in got.statements) == sorted(s.kind.value for s in want.statements)
        assert [(m.kind, [p.name for p in m.by]) for m in got.motions] == [
            (m.kind, [p.name for p in m.by]) for m in want.motions
        ], got.paragraph
        assert [p.name for p in got.conflicts] == [p.name for p in want.conflicts]
        assert [(d.recipient, d.purpose) for d in got.sent_to] == [
            (d.recipient, d.purpose) for d in want.sent_to
        ]
        assert got.attachments == want.attachments
        assert [(a.assignee, a.due) for a in got.assignments] == [
            (a.assignee, a.due) for a in want.assignments
        ]
        if want.outcome and not want.confidential:
            assert got.outcome == want.outcome, got.paragraph
