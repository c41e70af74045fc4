"""Statistics over a small hand-built body: attendance, ballots against the majority, dissent."""

from __future__ import annotations

import pytest

from protokoll.archive.loading import load_document
from protokoll.archive.models import Body, Municipality, Person
from protokoll.document.model import AttendanceEntry, Ballot, Motion, Reservation, Vote
from protokoll.document.model import Person as DocPerson
from protokoll.insights.stats import body_dissent, party_stats, person_stats, winning_side
from tests.insights.helpers import doc, item

pytestmark = pytest.mark.django_db

ANNA = DocPerson(name="Anna Ek", party="V")
BO = DocPerson(name="Bo Lind", party="M")
CIA = DocPerson(name="Cia Berg", party="S")
DAN = DocPerson(name="Dan Holm", party="S")
EVA = DocPerson(name="Eva Sten", party="S")


def _entry(p, group="member", status="present", serving=True, **kw):
    return AttendanceEntry(name=p.name, party=p.party, group=group, status=status, serving=serving, **kw)


def _ballots(**choices):
    people = {"anna": ANNA, "bo": BO, "cia": CIA, "eva": EVA, "dan": DAN}
    return [Ballot(person=people[k], vote=v) for k, v in choices.items()]


@pytest.fixture
def body():
    first = doc(
        "2025-01-10",
        [
            item(
                1,
                "Taxor",
                "Nämnden beslutar att anta taxorna.",
                outcome="decision",
                motions=[Motion(by=[BO], kind="rejection", text="Avslag.")],
                votes=[Vote(yes=3, no=1, ballots=_ballots(anna="yes", bo="no", cia="yes", eva="yes"))],
                reservations=[Reservation(by=[BO])],
            ),
            item(
                2,
                "Bidrag",
                "Nämnden beslutar att bevilja bidraget.",
                outcome="decision",
                votes=[
                    Vote(
                        yes=2,
                        no=2,
                        casting_vote=True,
                        ballots=_ballots(anna="no", bo="no", cia="yes", eva="yes"),
                    )
                ],
            ),
            item(
                3,
                "Individärende",
                "Hemligt.",
                confidential=True,
                votes=[Vote(yes=1, no=3, ballots=_ballots(anna="no", bo="no", cia="yes", eva="no"))],
                reservations=[Reservation(by=[CIA])],
            ),
        ],
        chair=CIA,
        attendance=[
            _entry(ANNA),
            _entry(BO),
            _entry(CIA),
            _entry(DAN, status="absent", serving=False),
            _entry(EVA, group="substitute", replaces=DAN),
        ],
    )
    second = doc(
        "2025-02-10",
        [
            item(
                1,
                "Lokaler",
                "Nämnden beslutar att hyra lokalen.",
                outcome="decision",
                reservations=[Reservation(by=[BO])],
            )
        ],
        chair=CIA,
        attendance=[_entry(ANNA, status="absent", serving=False), _entry(BO), _entry(CIA), _entry(DAN)],
    )
    hidden = doc(
        "2025-03-10",
        [
            item(
                1,
                "Opublicerat",
                "Nämnden beslutar.",
                outcome="decision",
                votes=[Vote(yes=1, no=3, ballots=_ballots(anna="yes", bo="no", cia="no", dan="no"))],
            )
        ],
        attendance=[_entry(ANNA), _entry(BO), _entry(CIA), _entry(DAN)],
    )
    for d in (first, second):
        load_document(d)
    m = load_document(hidden).meeting
    m.published = False
    m.save()
    return Body.objects.get(name="Fritidsnämnden")


def _person(name):
    return Person.objects.get(name=name)


def test_winning_side():
    assert winning_side(3, 1, False, None) == "yes"
    assert winning_side(1, 3, False, None) == "no"
    assert winning_side(2, 2, True, "no") == "no"
    assert winning_side(2, 2, False, None) is None


def test_person_attendance(body):
    anna = person_stats(_person("Anna Ek"))
    (seat,) = anna.bodies
    assert (seat.body_name, seat.meetings, seat.present, seat.serving) == ("Fritidsnämnden", 2, 1, 1)
    assert anna.attendance_rate == 0.5
    eva = person_stats(_person("Eva Sten"))
    assert [(b.meetings, b.present, b.serving) for b in eva.bodies] == [(1, 1, 1)]
    assert person_stats(_person("Bo Lind")).attendance_rate == 1.0


def test_person_ballots_reservations_motions(body):
    anna = person_stats(_person("Anna Ek"))
    assert [(b.item.title, b.choice, b.winning_side, b.against_majority) for b in anna.ballots] == [
        ("Taxor", "yes", "yes", False),
        ("Bidrag", "no", "yes", True),  # tie decided by the chair's (Cia's) yes
    ]
    assert anna.ballot_counts == {"yes": 1, "no": 1, "abstain": 0, "absent": 0}
    assert anna.parties == ["V"]
    bo = person_stats(_person("Bo Lind"))
    assert bo.against_majority == 2
    assert [r.title for r in bo.reservations] == ["Taxor", "Lokaler"]
    assert [(m.item.title, m.kind) for m in bo.motions] == [("Taxor", "rejection")]
    cia = person_stats(_person("Cia Berg"))
    assert cia.reservations == []  # only in the withheld §
    assert len(cia.ballots) == 2


def test_body_dissent(body):
    dissent = body_dissent(body)
    assert dissent.votes == 2
    by = {p.party: p for p in dissent.parties}
    m, v, s = by["M"], by["V"], by["S"]
    assert (m.votes, m.votes_against_majority, m.ballots_against_majority, m.reservations) == (2, 2, 2, 2)
    assert m.decided_items == 3 and m.against_rate == 1.0
    assert m.reservation_rate == pytest.approx(2 / 3)
    assert (v.votes, v.votes_against_majority, v.decided_items, v.reservations) == (2, 1, 2, 0)
    assert (s.votes, s.votes_against_majority, s.ballots, s.decided_items) == (2, 0, 4, 3)


def test_party_stats(body):
    stats = {p.party: p for p in party_stats(Municipality.objects.get(name="Exempelby"))}
    s = stats["S"]
    assert (s.persons, s.meetings, s.present) == (3, 5, 4)
    assert s.ballots["yes"] == 4 and s.ballots_against_majority == 0
    assert stats["M"].reservations == 2 and stats["M"].motions == 1
    assert stats["V"].ballots_against_majority == 1
    assert stats["V"].attendance_rate == 0.5


def test_an_ersattare_with_a_line_per_seat_served_at_one_meeting():
    """Two attendance lines (one per seat held) are one meeting on the person page and in the
    statistics alike."""
    from protokoll.web.pages.figures import attendance_of, public_attendance

    mats = DocPerson(name="Mats Ås", party="M")
    load_document(
        doc(
            "2025-04-10",
            [item(1, "Taxor", "Nämnden beslutar."), item(2, "Bidrag", "Nämnden beslutar.")],
            attendance=[
                _entry(ANNA, paragraphs=[[2, 2]]),
                _entry(BO, paragraphs=[[1, 1]]),
                _entry(mats, group="substitute", replaces=ANNA, paragraphs=[[1, 1]]),
                _entry(mats, group="substitute", replaces=BO, paragraphs=[[2, 2]]),
            ],
        )
    )
    person = _person("Mats Ås")
    assert public_attendance().filter(person=person).count() == 2
    assert attendance_of(public_attendance().filter(person=person)).substitute_serving == 1
    assert [(b.meetings, b.present, b.serving) for b in person_stats(person).bodies] == [(1, 1, 1)]
