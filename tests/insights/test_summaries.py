"""Summary sentences from a hand-built meeting."""

from __future__ import annotations

import pytest

from protokoll.archive.loading import load_document
from protokoll.archive.models import Item
from protokoll.document.model import Assignment, Motion, Person, Reservation, Vote
from protokoll.domain.vocab import Visibility
from protokoll.insights.summaries import join, past_tense, summarize, summarize_meeting
from tests.insights.helpers import doc, item

ANNA = Person(name="Anna Ek", party="V")
BO = Person(name="Bo Lind", party="M")


def _meeting():
    return doc(
        "2025-03-12",
        [
            item(
                1,
                "Val av justerare",
                "Fritidsnämnden beslutar att utse Bo Lind att justera.",
                outcome="decision",
            ),
            item(2, "Fastställande av dagordning", "Dagordningen fastställs.", outcome="decision"),
            item(
                3,
                "Taxor för idrottshallar 2026",
                "1. Fritidsnämnden beslutar att anta taxorna för 2026.\n"
                "2. Fritidsförvaltningen får i uppdrag att utreda rabatter för ungdomsföreningar och "
                "återrapportera senast 2025-09-30.",
                outcome="decision",
                motions=[Motion(by=[BO], kind="rejection", text="Avslag på förslaget.")],
                votes=[Vote(yes=6, no=4, abstain=1)],
                reservations=[Reservation(by=[BO])],
            ),
            item(
                4,
                "Konstgräsplan i Norrby",
                "Fritidsnämnden beslutar att återremittera ärendet med motiveringen att kostnaderna ska utredas.",
                outcome="referral",
            ),
            item(5, "Motion om utegym", "Ärendet bordläggs.", outcome="tabled"),
            item(6, "Anmälan av delegationsbeslut", "Anmälan läggs till handlingarna.", outcome="report"),
            item(
                7,
                "Information om simhallen",
                "Fritidsnämnden noterar informationen.",
                outcome="information",
                reservations=[Reservation(by=[ANNA, BO])],
            ),
            item(8, "Individärende Hemligordet", "Hemligordet Svensson beviljas stöd.", confidential=True),
            item(
                9,
                "Lika röstetal om bidrag",
                "Fritidsnämnden godkänner bidraget.",
                outcome="decision",
                votes=[Vote(yes=5, no=5, casting_vote=True)],
                assignments=[Assignment(assignee="fritidschefen", task="följa upp bidraget")],
                immediately_adjusted=True,
            ),
        ],
        chair=ANNA,
    )


def test_opening_sentence():
    first = summarize(_meeting()).split("\n\n")[0]
    assert first == "Fritidsnämnden i Exempelby sammanträdde den 12 mars 2025. Ordförande var Anna Ek (V)."


def test_decisions_votes_reservations_and_uppdrag():
    text = summarize(_meeting())
    assert "§ 3 Taxor för idrottshallar 2026\nFritidsnämnden beslutade att anta taxorna för 2026." in text
    assert "Bo Lind (M) yrkade avslag på förslaget." in text
    assert "Ärendet avgjordes efter omröstning med 6 ja-röster mot 4 nej-röster; 1 ledamot avstod." in text
    assert "Bo Lind (M) reserverade sig mot beslutet." in text
    assert (
        "Fritidsförvaltningen fick i uppdrag att utreda rabatter för ungdomsföreningar, "
        "med återrapport senast 30 september 2025." in text
    )
    assert "Fritidsnämnden får i uppdrag" not in text and "Fritidsförvaltningen får" not in text
    assert "Ordförandens utslagsröst fällde avgörandet." in text
    assert "Fritidschefen fick i uppdrag att följa upp bidraget." in text
    assert "Paragrafen justerades omedelbart." in text


def test_referral_and_tabling():
    text = summarize(_meeting())
    assert (
        "§ 4 Konstgräsplan i Norrby\nÄrendet återremitterades med motiveringen att kostnaderna ska utredas."
        in text
    )
    assert "§ 5 Motion om utegym\nÄrendet bordlades." in text


def test_routine_items_are_left_out_unless_notable():
    text = summarize(_meeting())
    assert "Val av justerare" not in text and "att justera" not in text and "dagordning" not in text.lower()
    assert "§ 6" not in text
    assert text.endswith("Övriga ärenden: Anmälan av delegationsbeslut.")
    assert "§ 7 Information om simhallen" in text
    assert "Anna Ek (V) och Bo Lind (M) reserverade sig mot beslutet." in text


def test_withheld_items_never_appear():
    text = summarize(_meeting())
    assert "Hemligordet" not in text and "§ 8" not in text
    hidden = summarize(_meeting(), withheld=[3])
    assert "Taxor" not in hidden and "rabatter" not in hidden


def test_deterministic():
    assert summarize(_meeting()) == summarize(_meeting())


def test_only_routine():
    text = summarize(
        doc("2025-01-01", [item(1, "Val av justerare", "Nämnden utser Bo.", outcome="decision")])
    )
    assert text.endswith("Inga beslut utöver rutinärenden fattades.")


@pytest.mark.parametrize(
    ("sentence", "past"),
    [
        ("Nämnden beslutar att anta planen.", "Nämnden beslutade att anta planen."),
        ("2. Kommunstyrelsen godkänner rapporten", "Kommunstyrelsen godkände rapporten."),
        (
            "Barn- och utbildningsnämnden lägger informationen till handlingarna.",
            "Barn- och utbildningsnämnden lade informationen till handlingarna.",
        ),
        ("Rapporten godkänns.", "Beslut: Rapporten godkänns."),
    ],
)
def test_past_tense(sentence, past):
    assert past_tense(sentence) == past


def test_join():
    assert join(["A"]) == "A"
    assert join(["A", "B", "C"]) == "A, B och C"


@pytest.mark.django_db
def test_summarize_meeting_uses_public_rows_only():
    stored = load_document(_meeting()).meeting
    Item.objects.filter(meeting=stored, paragraph=4).update(visibility=Visibility.SECRET)
    text = summarize_meeting(stored)
    assert "Konstgräsplan" not in text and "Hemligordet" not in text
    assert "Taxor för idrottshallar" in text
    stored.published = False
    stored.save()
    with pytest.raises(LookupError):
        summarize_meeting(stored)
