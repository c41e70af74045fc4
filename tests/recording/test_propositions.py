"""The propositionsordning as ordered steps linked to their omröstningar (DOMAIN 1.5,
checklist 3): planning, deciding by acklamation or omröstning, the Swedish wording in the
protocol and the export, and the checks that the beslut follows from the steps."""

from __future__ import annotations

import pytest

from protokoll.archive.exporting import export_meeting
from protokoll.domain.vocab import MotionKind
from protokoll.recording import outputs, record
from protokoll.recording import propositions as props
from protokoll.recording.errors import Refused
from protokoll.recording.models import PropositionStep
from tests.recording.conftest import fresh, item

R, A, AM, AP, AD = (
    MotionKind.REFERRAL,
    MotionKind.REJECTION,
    MotionKind.AMENDMENT,
    MotionKind.APPROVAL,
    MotionKind.ADDITION,
)


def _kinds(steps):
    return [(s.kind, s.first, s.second) for s in steps]


def test_plan_formal_first_counter_then_main_additions_last():
    steps = props.plan(True, [(5, AD), (1, AM), (2, R), (3, A), (4, AP)])
    assert _kinds(steps) == [
        ("formal", "idag", "m2"),
        ("counter", "m1", "m3"),  # the bifallsyrkande m4 supports förslaget: no proposal of its own
        ("main", "förslaget", "w1"),
        ("addition", "m5", "avslag"),
    ]
    assert _kinds(props.plan(True, [])) == [("main", "förslaget", "avslag")]
    assert _kinds(props.plan(True, [(3, A)], main="m3")) == [("main", "m3", "förslaget")]


def test_resolve_fills_in_the_winner_of_the_counter_vote():
    steps = props.plan(True, [(1, AM), (3, A)])
    assert props.resolve(steps)[1] == ("förslaget", None)
    steps[0].winner = props.SECOND
    assert props.resolve(steps)[1] == ("förslaget", "m3")


def test_check_refuses_foreign_yrkanden_and_votes_that_do_not_decide_the_step():
    motions = {"m1": AM}
    foreign = [props.Step("main", "förslaget", "m99")]
    assert [p.code for p in props.check(foreign, motions, True, 7)] == ["proposition_unknown"]
    other_item = [
        props.Step("main", "förslaget", "m1", props.FIRST, vote=(3, 1, 0, False, False, None), vote_item=8)
    ]
    assert [p.code for p in props.check(other_item, motions, True, 7)] == ["proposition_vote_item"]
    wrong = [
        props.Step("main", "förslaget", "m1", props.SECOND, vote=(3, 1, 0, False, False, None), vote_item=7)
    ]
    assert [p.code for p in props.check(wrong, motions, True, 7)] == ["proposition_vote_result"]
    tie = [
        props.Step("main", "förslaget", "m1", props.SECOND, vote=(2, 2, 0, True, False, "no"), vote_item=7)
    ]
    assert props.check(tie, motions, True, 7) == []  # the chair's utslagsröst went to nej
    order = [props.Step("main", "förslaget", "m1"), props.Step("formal", "idag", "m2")]
    assert "proposition_order" in [p.code for p in props.check(order, {**motions, "m2": R}, True, 7)]


def _motion(world, meeting, i, by, kind, text=""):
    return record.add_motion(world.secretary, i.pk, fresh(i).version, [by], kind, text)


@pytest.fixture
def three_proposals(world, meeting):
    """§ 3 with förslaget, Bo Berg's återremiss, Eva Fors's ändring and Cia Dal's avslag."""
    i = item(meeting, 3)
    motions = {
        "referral": _motion(world, meeting, i, "Bo Berg", "referral"),
        "amendment": _motion(world, meeting, i, "Eva Fors", "amendment", "Budgeten sänks."),
        "rejection": _motion(world, meeting, i, "Cia Dal", "rejection"),
    }
    record.set_proposition_order(world.secretary, i.pk, fresh(i).version)
    return i, motions


def _rows(i):
    return list(PropositionStep.objects.filter(item=i).order_by("position"))


def test_kontrapropositionsvotering_through_to_the_beslut(world, meeting, three_proposals):
    i, motions = three_proposals
    formal, counter, main = _rows(i)
    assert (counter.kind, main.kind, main.second) == ("counter", "main", "w1")
    with pytest.raises(Refused, match="stegen före"):
        record.decide_step(world.secretary, i.pk, fresh(i).version, main.pk, props.FIRST)
    early = record.record_decision(world.secretary, i.pk, fresh(i).version, "decision", "Godkänt")
    assert [p.code for p in early] == ["proposition_open"]  # written early: a warning, kept
    record.decide_step(world.secretary, i.pk, fresh(i).version, formal.pk, props.FIRST)
    # the counter vote: Eva Fors's ändring (ja) against Cia Dal's avslag (nej), 3–1
    record.record_vote(
        world.secretary, i.pk, fresh(i).version, question="", exceptions={"Cia Dal": "no"}, step=counter.pk
    )
    # the main vote: förslaget (ja) against the motförslag, 2–2, the chair votes ja
    record.record_vote(
        world.secretary,
        i.pk,
        fresh(i).version,
        question="",
        exceptions={"Bo Berg": "no", "Eva Fors": "no"},
        step=main.pk,
    )
    formal, counter, main = _rows(i)
    assert (formal.winner, counter.winner, main.winner) == ("first", "first", "first")
    assert (
        main.vote.casting_vote
        and main.vote.question == "Ja för förslaget till beslut, nej för Eva Fors (M) yrkande om ändring"
    )
    text = fresh(i).proposition_order
    assert text.startswith(
        "Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller återremitteras "
        "och finner att ärendet ska avgöras i dag."
    )
    assert (
        "Ordföranden ställer proposition på Eva Fors (M) yrkande om ändring och Cia Dals (S) yrkande om avslag "
        "för att utse motförslag i huvudvoteringen och finner att Eva Fors (M) yrkande om ändring antas som motförslag. "
        "Omröstning begärs." in text
    )
    assert "3 ja-röster, 1 nej-röster och 0 som avstår" in text and "ordförandens utslagsröst avgör" in text
    with pytest.raises(Refused, match="leder till beslut, inte återremiss"):
        record.record_decision(world.secretary, i.pk, fresh(i).version, "referral", "")
    record.record_decision(
        world.secretary, i.pk, fresh(i).version, "decision", "Nämnden godkänner förslaget."
    )
    doc_item = next(x for x in export_meeting(fresh(meeting)).items if x.paragraph == 3)
    assert doc_item.proposition_order == text and [v.question for v in doc_item.votes][1].startswith(
        "Ja för förslaget"
    )
    assert "för att utse motförslag i huvudvoteringen" in outputs.protocol_text(fresh(meeting))


def test_a_won_referral_ends_the_order(world, meeting, three_proposals):
    i, _ = three_proposals
    formal, counter, _main = _rows(i)
    record.decide_step(world.secretary, i.pk, fresh(i).version, formal.pk, props.SECOND)
    assert "och finner att ärendet ska återremitteras." in fresh(i).proposition_order
    with pytest.raises(Refused, match="stegen efter faller"):
        record.decide_step(world.secretary, i.pk, fresh(i).version, counter.pk, props.FIRST)
    with pytest.raises(Refused, match="leder till återremiss"):
        record.record_decision(world.secretary, i.pk, fresh(i).version, "decision", "Godkänt")
    record.record_decision(world.secretary, i.pk, fresh(i).version, "referral", "Ärendet återremitteras.")


def test_a_step_can_only_use_an_omrostning_of_its_own_paragraph(world, meeting, three_proposals):
    i, _ = three_proposals
    elsewhere = item(meeting, 1)
    record.record_vote(world.secretary, elsewhere.pk, elsewhere.version, question="q")
    vote = elsewhere.votes.get()
    formal = _rows(i)[0]
    with pytest.raises(Refused, match="hör inte till paragrafen"):
        record.decide_step(world.secretary, i.pk, fresh(i).version, formal.pk, vote_id=vote.pk)
    # an omröstning of the § itself, entered first and linked afterwards, decides the step
    record.record_vote(
        world.secretary, i.pk, fresh(i).version, question="Avgöras i dag?", exceptions={"Bo Berg": "no"}
    )
    own = i.votes.get()
    record.decide_step(world.secretary, i.pk, fresh(i).version, formal.pk, vote_id=own.pk)
    assert _rows(i)[0].winner == "first" and "Omröstning begärs." in fresh(i).proposition_order


def test_order_form_and_step_form(client, world, meeting, three_proposals):
    i, _ = three_proposals
    client.force_login(world.secretary)
    page = client.get(f"/intern/mote/{meeting.pk}/").content.decode()
    assert "Steg 1" in page and "avgöras i dag eller återremitteras" in page
    formal = _rows(i)[0]
    r = client.post(
        f"/intern/mote/{meeting.pk}/gor/decide_step",
        {"item": i.pk, "version": fresh(i).version, "step": formal.pk, "winner": "first"},
    )
    assert r.status_code == 302 and _rows(i)[0].winner == "first"


def test_steps_of_a_justerad_paragraph_cannot_change(world, meeting, three_proposals):
    from protokoll.recording.errors import Immutable
    from protokoll.recording.models import Justering

    i, _ = three_proposals
    Justering.objects.create(meeting=meeting, paragraphs=[3], completed_on=meeting.date)
    row = _rows(i)[0]
    row.winner = "first"
    with pytest.raises(Immutable):
        row.save()
    with pytest.raises(Immutable):
        record.decide_step(world.secretary, i.pk, fresh(i).version, row.pk, props.FIRST)
