"""A recorded meeting → text → the importer's parser gives the same record back (issue 6
"Protocol": "The text rendering must be importable by the importer issue's parser")."""

from __future__ import annotations

from protokoll.archive.exporting import export_meeting
from protokoll.importing.parse import parse_text
from protokoll.recording import record
from protokoll.recording.models import PropositionStep
from protokoll.recording.outputs import protocol_text
from tests.recording.conftest import fresh, item


def test_recorded_meeting_reads_back(world, meeting):
    i1 = item(meeting, 1)
    record.declare_jav(world.secretary, i1.pk, i1.version, "Cia Dal")
    record.add_motion(
        world.secretary, i1.pk, fresh(i1).version, ["Bo Berg"], "rejection", "Avslag på förslaget"
    )
    record.set_proposition_order(world.secretary, i1.pk, fresh(i1).version)
    record.record_vote(
        world.secretary,
        i1.pk,
        fresh(i1).version,
        question="Bifall mot avslag",
        exceptions={"Bo Berg": "no"},
        step=PropositionStep.objects.get(item=i1).pk,
    )
    record.record_decision(
        world.secretary, i1.pk, fresh(i1).version, "decision", "Nämnden godkänner detaljplanen."
    )
    record.add_reservation(
        world.secretary, i1.pk, fresh(i1).version, ["Bo Berg"], "Till förmån för eget yrkande."
    )
    record.add_dispatch(world.secretary, i1.pk, fresh(i1).version, "Planenheten", "action")
    i3 = item(meeting, 3)
    record.record_decision(
        world.secretary, i3.pk, i3.version, "decision", "Miljönämnden beslutar att fastställa budgeten."
    )
    src = export_meeting(meeting)
    doc = parse_text(protocol_text(fresh(meeting)))
    assert doc.body == src.body and doc.meeting.date == src.meeting.date
    assert [i.paragraph for i in doc.items] == [1, 2, 3]
    served = lambda d: sorted((a.name, a.serving, a.status.value) for a in d.attendance)  # noqa: E731
    assert served(doc) == served(src)
    for got, want in zip(doc.items, src.items, strict=True):
        if want.confidential:
            assert got.confidential
            continue
        assert got.title == want.title
        assert " ".join((got.decision or "").split()) == " ".join((want.decision or "").split())
        assert [(v.yes, v.no, v.abstain) for v in got.votes] == [(v.yes, v.no, v.abstain) for v in want.votes]
        assert sorted(b.person.name for v in got.votes for b in v.ballots) == sorted(
            b.person.name for v in want.votes for b in v.ballots
        )
        assert [[p.name for p in r.by] for r in got.reservations] == [
            [p.name for p in r.by] for r in want.reservations
        ]
        assert [p.name for p in got.conflicts] == [p.name for p in want.conflicts]
        assert [(x.kind, [p.name for p in x.by]) for x in got.motions] == [
            (x.kind, [p.name for p in x.by]) for x in want.motions
        ]
