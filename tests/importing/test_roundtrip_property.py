"""Property: any well-formed meeting, rendered by the text renderer, parses back to the same
facts (paragraphs, Dnr, titles, decisions, chair, attendance, votes, reservations)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protokoll.document.model import AttendanceEntry, Document, Item, Meeting, Person, Reservation, Vote
from protokoll.domain.vocab import AttendanceGroup
from protokoll.importing.parse import parse_text

render_text = pytest.importorskip("protokoll.rendering.text").render_text

FIRST = [
    "Anna",
    "Björn",
    "Cecilia",
    "David",
    "Elin",
    "Fredrik",
    "Greta",
    "Hassan",
    "Ingrid",
    "Jonas",
    "Karin",
    "Lars",
    "Maria",
    "Nils",
    "Olivia",
    "Per",
    "Rut",
    "Sven",
    "Tove",
    "Ulf",
]
LAST = [
    "Andersson",
    "Berg",
    "Carlsson",
    "Dahl",
    "Ek",
    "Fors",
    "Gran",
    "Holm",
    "Isaksson",
    "Jansson",
    "Karlsson",
    "Lind",
    "Mattsson",
    "Nyberg",
    "Olsson",
    "Persson",
    "Sjöberg",
    "Strand",
    "Wallin",
    "Åberg",
]
PARTIES = ["S", "M", "C", "V", "KD", "L", "MP", "SD"]
BODIES = [
    "Socialnämnden",
    "Kultur- och fritidsnämnden",
    "Byggnadsnämnden",
    "Kommunstyrelsen",
    "Barn- och utbildningsnämnden",
    "Miljö- och hälsoskyddsnämnden",
]
SUBJECTS = [
    "budget",
    "taxor",
    "riktlinjer",
    "lokalplan",
    "upphandling",
    "verksamhetsplan",
    "internkontroll",
    "yttrande",
    "motion",
    "remiss",
]
VERBS = ["antar", "godkänner", "fastställer", "beslutar om"]

names = st.builds(lambda f, la: f"{f} {la}", st.sampled_from(FIRST), st.sampled_from(LAST))


@st.composite
def documents(draw) -> Document:
    body = draw(st.sampled_from(BODIES))
    people = draw(st.lists(names, min_size=3, max_size=9, unique=True))
    members = [
        AttendanceEntry(
            name=n,
            party=draw(st.sampled_from(PARTIES)),
            group=AttendanceGroup.MEMBER,
            serving=True,
            role="ordförande" if i == 0 else None,
        )
        for i, n in enumerate(people)
    ]
    first = draw(st.integers(1, 300))
    items = []
    for k in range(draw(st.integers(1, 5))):
        subject = draw(st.sampled_from(SUBJECTS))
        year = draw(st.integers(2015, 2030))
        voting = draw(st.booleans())
        yes = draw(st.integers(1, len(members))) if voting else 0
        # a second votering in the § (återremiss, then the matter) with a tally of its own
        again = draw(st.integers(0, len(members))) if voting and draw(st.booleans()) else None
        votes = [Vote(yes=yes, no=len(members) - yes)] if voting else []
        if again is not None and again != yes:
            votes.append(Vote(yes=again, no=len(members) - again))
        items.append(
            Item(
                paragraph=first + k,
                case_number=f"{body[:2].upper()} {year}/{draw(st.integers(1, 999)):03d}",
                title=f"{subject.capitalize()} {year}",
                decision=f"{body} {draw(st.sampled_from(VERBS))} {subject} för {year}.",
                votes=votes,
                reservations=[Reservation(by=[Person(name=members[1].name, party=members[1].party)])]
                if draw(st.booleans())
                else [],
            )
        )
    start = draw(st.integers(8, 18))
    return Document(
        body=body,
        meeting=Meeting(
            date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))),
            start=f"{start:02d}:00",
            end=f"{start + 2:02d}:30",
            place=draw(st.sampled_from(["Stadshuset", "Rådhuset, sal 2"])),
        ),
        chair=Person(name=members[0].name, party=members[0].party, role="ordförande"),
        adjusters=[Person(name=members[1].name, party=members[1].party)],
        attendance=members,
        items=items,
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_rendered_meeting_parses_back(src: Document) -> None:
    doc = parse_text(render_text(src))
    assert doc.body == src.body
    assert doc.meeting.date == src.meeting.date
    assert (doc.meeting.start, doc.meeting.end, doc.meeting.place) == (
        src.meeting.start,
        src.meeting.end,
        src.meeting.place,
    )
    assert doc.chair and doc.chair.name == src.chair.name
    assert [p.name for p in doc.adjusters] == [p.name for p in src.adjusters]
    assert {(a.name, a.party) for a in doc.attendance if a.serving} == {
        (a.name, a.party) for a in src.attendance
    }
    assert [i.paragraph for i in doc.items] == [i.paragraph for i in src.items]
    for got, want in zip(doc.items, src.items, strict=True):
        assert (got.case_number, got.title, got.decision) == (want.case_number, want.title, want.decision)
        assert [(v.yes, v.no) for v in got.votes] == [(v.yes, v.no) for v in want.votes]
        assert len(got.reservations) == len(want.reservations)
