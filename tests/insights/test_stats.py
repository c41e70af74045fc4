"""The one definition of the page figures, over a small hand-built body: attendance over the
ledamot seat, the winning side of an omröstning, rates without a denominator, public rows only."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.archive.loading import load_document
from protokoll.archive.models import Body, Membership, Municipality, Person
from protokoll.document.model import Motion, Reservation
from protokoll.document.model import Person as DocPerson
from protokoll.insights.stats import body_dissent, party_stats, person_stats, winning_side
from tests.insights.helpers import ANNA, BO, CIA, DAN, EVA, doc, item, vote
from tests.insights.helpers import entry as _entry

pytestmark = pytest.mark.django_db


def _decided(n, title, **fields):
    return item(n, title, "Nämnden beslutar.", outcome="decision", **fields)


@pytest.fixture
def body():
    january = doc(
        "2025-01-10",
        [
            _decided(
                1,
                "Taxor",
                motions=[Motion(by=[BO], kind="rejection", text="Avslag.")],
                votes=[vote(3, 1, anna="yes", bo="no", cia="yes", eva="yes")],
                reservations=[Reservation(by=[BO])],
            ),
            _decided(
                2,
                "Bidrag",  # a tie the chair (Cia, yes) decided by utslagsröst
                votes=[vote(2, 2, casting_vote=True, anna="no", bo="no", cia="yes", eva="yes")],
            ),
            item(
                3,
                "Individärende",
                "Hemligt.",
                confidential=True,
                votes=[vote(1, 3, anna="no", bo="no", cia="yes", eva="no")],
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
    # Anna is missing from this protocol's lists altogether; she still held her seat.
    late_january = doc(
        "2025-01-25",
        [
            _decided(
                1,
                "Ridhus",  # a tie without an utslagsröst on record: no known winner
                votes=[vote(2, 2, bo="no", cia="yes", dan="no", eva="yes")],
            ),
            _decided(
                2,
                "Val av ombud",  # a tie settled by lot: the chair's ballot does not decide it
                votes=[vote(2, 2, lottery=True, bo="no", cia="yes", dan="no", eva="yes")],
            ),
            _decided(
                3,
                "Simhall",  # totals not written: counted from the ballots (1 ja, 2 nej)
                votes=[vote(bo="yes", cia="no", dan="no")],
            ),
        ],
        chair=CIA,
        attendance=[_entry(BO), _entry(CIA), _entry(DAN)],
    )
    february = doc(
        "2025-02-10",
        [_decided(1, "Lokaler", reservations=[Reservation(by=[BO]), Reservation(by=[BO], text="Igen.")])],
        chair=CIA,
        attendance=[_entry(ANNA, status="absent", serving=False), _entry(BO), _entry(CIA), _entry(DAN)],
    )
    hidden = doc(
        "2025-03-10",
        [
            _decided(
                1,
                "Opublicerat",
                votes=[vote(1, 3, anna="yes", bo="no", cia="no", dan="no")],
            )
        ],
        attendance=[_entry(ANNA), _entry(BO), _entry(CIA), _entry(DAN)],
    )
    for d in (january, late_january, february):
        load_document(d)
    m = load_document(hidden).meeting
    m.published = False
    m.save()
    return Body.objects.get(name="Fritidsnämnden")


def _person(name):
    return Person.objects.get(name=name)


def test_winning_side_follows_kl_5_56():
    assert winning_side(3, 1, False, False, None) == "yes"
    assert winning_side(1, 3, False, False, "yes") == "no"
    assert winning_side(2, 2, True, False, "no") == "no"
    # The chair's ballot decides a tie only with an utslagsröst on record, never a lottery.
    assert winning_side(2, 2, False, False, "no") is None
    assert winning_side(2, 2, False, True, "no") is None
    assert winning_side(2, 2, True, False, "abstain") is None


def test_attendance_counts_the_meetings_of_the_seat_not_the_lists(body):
    anna = person_stats(_person("Anna Ek"))
    (seat,) = anna.bodies
    # Seat from the first to the last list naming her as ledamot: three meetings, one of them
    # a protocol that leaves her out. Present at one; the unpublished meeting does not count.
    assert (seat.body_name, seat.meetings, seat.present, seat.substitute_serving) == (
        "Fritidsnämnden",
        3,
        1,
        0,
    )
    assert anna.attendance.rate == pytest.approx(1 / 3)
    assert person_stats(_person("Bo Lind")).attendance.rate == 1.0


def test_an_ersattare_is_not_expected_and_has_no_rate(body):
    eva = person_stats(_person("Eva Sten"))
    assert [(b.meetings, b.present, b.substitute_serving) for b in eva.bodies] == [(0, 0, 1)]
    assert eva.attendance.rate is None


def test_a_stored_roster_sets_the_seat_of_its_body_only(body):
    culture = doc("2025-01-20", [item(1, "Bibliotek", "Nämnden beslutar.")], body="Kulturnämnden")
    load_document(doc("2024-12-01", [item(1, "Före", "Nämnden beslutar.")], body="Kulturnämnden"))
    load_document(culture)
    load_document(
        doc(
            "2025-02-20",
            [item(1, "Konsthall", "Nämnden beslutar.")],
            body="Kulturnämnden",
            attendance=[_entry(ANNA)],
        )
    )
    kultur = Body.objects.get(name="Kulturnämnden")
    anna = _person("Anna Ek")
    Membership.objects.create(person=anna, body=kultur, party="V", start=dt.date(2025, 1, 1))
    by_body = {b.body_name: (b.meetings, b.present) for b in person_stats(anna).bodies}
    # Kulturnämnden: the roster's seat from 2025-01-01 (two meetings, listed at one); the
    # Fritidsnämnden seat still comes from its lists.
    assert by_body == {"Kulturnämnden": (2, 1), "Fritidsnämnden": (3, 1)}


def test_person_ballots_and_the_winning_side(body):
    anna = person_stats(_person("Anna Ek"))
    assert [(b.item.title, b.choice, b.winning_side, b.against_majority) for b in anna.ballots] == [
        ("Taxor", "yes", "yes", False),
        ("Bidrag", "no", "yes", True),  # tie decided by the chair's (Cia's) utslagsröst
    ]
    assert anna.ballot_counts == {"yes": 1, "no": 1, "abstain": 0, "absent": 0}
    assert anna.parties == ["V"]
    bo = person_stats(_person("Bo Lind"))
    assert [(b.item.title, b.winning_side) for b in bo.ballots] == [
        ("Taxor", "yes"),
        ("Bidrag", "yes"),
        ("Ridhus", None),
        ("Val av ombud", None),
        ("Simhall", "no"),
    ]
    # Ballots in votes with no known winner are out of the count and of the rate.
    assert (bo.against.cast, bo.against.against) == (3, 3)
    cia = person_stats(_person("Cia Berg"))
    assert (cia.against.cast, cia.against.against) == (3, 0)


def test_reservations_count_paragraphs_and_only_readable_ones(body):
    bo = person_stats(_person("Bo Lind"))
    assert (bo.reservations, bo.motions) == (2, 1)  # two reservations in one § count once
    assert person_stats(_person("Cia Berg")).reservations == 0  # only in the withheld §


def test_a_rate_without_a_denominator_is_none(body):
    eva = person_stats(_person("Eva Sten"))
    assert (eva.against.cast, eva.against.rate) == (2, 0.0)  # a real 0 %
    gun = Person.objects.create(name="Gun Ny", municipality=Municipality.objects.get(name="Exempelby"))
    nobody = person_stats(gun)
    assert (nobody.attendance.rate, nobody.against.rate) == (None, None)


def test_body_dissent(body):
    by = {p.party: p for p in body_dissent(body)}
    m, v, s = by["M"], by["V"], by["S"]
    assert (m.ballots.cast, m.ballots.against, m.reservations) == (3, 3, 2)
    assert (v.ballots.cast, v.ballots.against, v.reservations) == (2, 1, 0)
    assert (s.ballots.cast, s.ballots.against) == (6, 0)
    assert [p.party for p in body_dissent(body)] == ["M", "V", "S"]


def test_party_stats(body):
    muni = Municipality.objects.get(name="Exempelby")
    s = party_stats(muni, "S")
    assert [name for _, name in s.members] == ["Cia Berg", "Dan Holm", "Eva Sten"]
    # Cia: 3 of 3; Dan: 2 of 3 (absent in January); Eva serves as ersättare only.
    assert (s.attendance.meetings, s.attendance.present, s.attendance.substitute_serving) == (6, 5, 1)
    assert s.ballot_counts["yes"] == 8 and (s.against.cast, s.against.against) == (6, 0)
    assert s.by_body[0][0] == "Fritidsnämnden"
    m = party_stats(muni, "M")
    assert (m.reservations, m.motions) == (2, 1)
    assert party_stats(muni, "V").attendance.rate == pytest.approx(1 / 3)


def test_an_ersattare_with_a_line_per_seat_served_at_one_meeting():
    """Two attendance lines (one per seat held) are one meeting served."""
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
    assert [(b.meetings, b.substitute_serving) for b in person_stats(_person("Mats Ås")).bodies] == [(0, 1)]
