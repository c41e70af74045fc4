"""Hand-built documents for the insight tests (invented names and text)."""

from __future__ import annotations

import datetime as dt

from protokoll.document.model import Assignment, AttendanceEntry, Ballot, Document, Item, Vote
from protokoll.document.model import Person as DocPerson
from protokoll.domain.dnr import parse_dnr


def item(
    paragraph: int, title: str, decision: str | None = None, case_number: str | None = None, **fields
) -> Item:
    if case_number:
        fields["case_number"] = case_number
        fields["case"] = parse_dnr(case_number)
    return Item(paragraph=paragraph, title=title, decision=decision, **fields)


# A small invented nämnd for the statistics tests.
ANNA = DocPerson(name="Anna Ek", party="V")
BO = DocPerson(name="Bo Lind", party="M")
CIA = DocPerson(name="Cia Berg", party="S")
DAN = DocPerson(name="Dan Holm", party="S")
EVA = DocPerson(name="Eva Sten", party="S")
_BY_KEY = {"anna": ANNA, "bo": BO, "cia": CIA, "dan": DAN, "eva": EVA}


def entry(p: DocPerson, group="member", status="present", serving=True, **kw) -> AttendanceEntry:
    return AttendanceEntry(name=p.name, party=p.party, group=group, status=status, serving=serving, **kw)


def vote(yes: int = 0, no: int = 0, **fields) -> Vote:
    """A vote with named ballots: ``vote(2, 1, anna="yes", …)``; other keywords are Vote fields."""
    ballots = [Ballot(person=_BY_KEY[k], vote=fields.pop(k)) for k in list(fields) if k in _BY_KEY]
    return Vote(yes=yes, no=no, ballots=ballots, **fields)


def doc(date: str, items: list[Item], body: str = "Fritidsnämnden", **fields) -> Document:
    return Document(
        municipality="Exempelby",
        body=body,
        meeting={"date": dt.date.fromisoformat(date)},
        items=items,
        **fields,
    )


def ledger_documents() -> list[Document]:
    first = doc(
        "2025-01-15",
        [
            item(
                5,
                "Badhusets framtid",
                "Nämnden beslutar att anta inriktningen.\nFritidsförvaltningen får i uppdrag att utreda "
                "en renovering av badhuset och återrapportera senast 2025-03-31.",
                "FN 2025/00010",
                outcome="decision",
            ),
            item(
                6,
                "Spårbelysning",
                "Nämnden beslutar att belysa elljusspåret.",
                "FN 2025/00011",
                outcome="decision",
                assignments=[Assignment(assignee="Fritidschefen", task="inventera elljusspåren i Norrby")],
            ),
            item(
                7,
                "Föreningsbidrag",
                "Nämnden beslutar att uppdra åt förvaltningen att se över bidragsreglerna.",
                "FN 2025/00012",
                outcome="decision",
            ),
            item(
                8,
                "Skatepark",
                "Fritidsförvaltningen får i uppdrag att ta fram en plats för en skatepark och "
                "återrapportera senast 2025-02-01.",
                "FN 2025/00013",
                outcome="decision",
            ),
            item(
                9,
                "Individärende",
                "Förvaltningen får i uppdrag att utreda Hemligordet senast 2025-02-01.",
                confidential=True,
            ),
        ],
    )
    second = doc(
        "2025-04-02",
        [
            item(
                3,
                "Återrapport av uppdrag om inventering av elljusspåren i Norrby",
                "Nämnden beslutar att godkänna återrapporten och förklara uppdraget fullgjort.",
                "FN 2025/00031",
                outcome="decision",
            ),
            item(
                4,
                "Badhusets framtid",
                "Nämnden beslutar att lägga utredningen till handlingarna.",
                "FN 2025/00010",
                outcome="decision",
            ),
            item(5, "Skatepark", "Ärendet bordläggs.", "FN 2025/00013", outcome="tabled"),
        ],
    )
    return [second, first]
