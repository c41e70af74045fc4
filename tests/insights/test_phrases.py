"""Reading uppdrag, due dates and closing words from decision text."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.insights.phrases import find_assignments, find_date, is_closing, report_title_rest

DECIDED = dt.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("text", "assignee", "task", "due"),
    [
        (
            "Kulturförvaltningen får i uppdrag att ta fram en biblioteksplan och återrapportera "
            "till nämnden senast 2025-04-01.",
            "Kulturförvaltningen",
            "ta fram en biblioteksplan",
            dt.date(2025, 4, 1),
        ),
        (
            "Nämnden beslutar att uppdra åt förvaltningen att se över taxorna.",
            "förvaltningen",
            "se över taxorna",
            None,
        ),
        (
            "Kommunfullmäktige beslutar att uppdra till kommunstyrelsen att ta fram en ny översiktsplan "
            "och återrapportera i juni.",
            "kommunstyrelsen",
            "ta fram en ny översiktsplan",
            dt.date(2024, 6, 30),
        ),
        (
            "Nämnden beslutar att ge förvaltningen i uppdrag att utreda dagverksamheten Lärkan. "
            "Uppdraget ska återrapporteras senast i augusti 2024.",
            "förvaltningen",
            "utreda dagverksamheten Lärkan",
            dt.date(2024, 8, 31),
        ),
        (
            "2. Miljöchefen ges i uppdrag att inventera enskilda avlopp, med återrapport senast den 3 mars 2025.",
            "Miljöchefen",
            "inventera enskilda avlopp, med återrapport senast den 3 mars 2025",
            dt.date(2025, 3, 3),
        ),
    ],
)
def test_uppdrag_wordings(text, assignee, task, due):
    (found,) = find_assignments(text, DECIDED)
    assert (found.assignee, found.task, found.due) == (assignee, task, due)


def test_report_to_is_read():
    (found,) = find_assignments(
        "Skolchefen får i uppdrag att utreda skolskjutsar och återrapportera till utbildningsnämnden senast 2025-01-31.",
        DECIDED,
    )
    assert found.report_to == "utbildningsnämnden"


def test_list_of_tasks():
    text = "Nämnden ger fritidsförvaltningen i uppdrag att:\n- utreda badhuset\n- inventera spåren senast 2025-02-01"
    found = find_assignments(text, DECIDED)
    assert [(f.assignee, f.task) for f in found] == [
        ("fritidsförvaltningen", "utreda badhuset"),
        ("fritidsförvaltningen", "inventera spåren senast 2025-02-01"),
    ]
    assert found[1].due == dt.date(2025, 2, 1)


def test_no_uppdrag():
    assert (
        find_assignments("Nämnden godkänner rapporten. Uppdraget att bygga bad ligger fast.", DECIDED) == []
    )
    assert find_assignments(None) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("senast 2025-02-28", dt.date(2025, 2, 28)),
        ("senast den 1 april 2025", dt.date(2025, 4, 1)),
        ("i december 2025", dt.date(2025, 12, 31)),
        ("under kvartal 1 2025", dt.date(2025, 3, 31)),
        ("vid nämndens sammanträde i mars", dt.date(2025, 3, 31)),
        ("senast 2025-02-30", None),
        ("snarast", None),
    ],
)
def test_dates(text, date):
    assert find_date(text, DECIDED) == date


def test_closing_words():
    assert is_closing("Nämnden avslutar uppdraget om aktivitetsplatser.")
    assert is_closing("beslutar att godkänna återrapporten och förklara uppdraget slutfört.")
    assert is_closing("Uppdraget anses därmed fullgjort.")
    assert not is_closing("Nämnden godkänner återrapporten.")


def test_report_titles():
    assert report_title_rest("Återrapport av uppdrag om att se över taxorna") == "att se över taxorna"
    assert report_title_rest("Återrapportering av uppdraget – skolskjutsar") == "skolskjutsar"
    assert report_title_rest("Redovisning av uppdrag gällande badhuset") == "badhuset"
    assert report_title_rest("Budget 2026") is None


@pytest.mark.corpus
def test_corpus_list_of_uppdrag_with_a_common_due_date(corpus_dir):
    text = (corpus_dir / "vasteras_amn_2023-11-21.txt").read_text(encoding="utf-8")
    start = text.index("i uppdrag att:")
    block = text[text.rindex("\n", 0, start) + 1 : text.index("\n\n", start)]
    found = find_assignments(block, dt.date(2023, 11, 21))
    assert len(found) >= 3
    assert {f.assignee for f in found} == {"individ- och familjförvaltningen"}
    assert all(f.due == dt.date(2024, 2, 29) for f in found[:3])


@pytest.mark.corpus
def test_corpus_closing_decisions(corpus_dir):
    text = (corpus_dir / "vasteras_amn_2023-11-21.txt").read_text(encoding="utf-8")
    assert sum(is_closing(line) for line in text.splitlines()) >= 4
