"""Anslag, appeal deadline, removal, laga kraft; delegation (issue 6 "Anslag", "Delegation")."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.recording import anslag, delegation, justering, prepare
from protokoll.recording.errors import Refused
from protokoll.recording.models import Posting
from tests.recording.conftest import DATE, PASSWORD


def _adjust(world, meeting, day):
    justering.sign(world.chair, meeting.pk, PASSWORD, today=day)
    return justering.sign(world.adjuster, meeting.pk, PASSWORD, today=day)


def test_justering_posts_a_notice_with_appeal_deadline_and_laga_kraft(world, meeting):
    day = DATE + dt.timedelta(days=6)  # Tuesday 2026-03-17
    _adjust(world, meeting, day)
    p = Posting.objects.get()
    assert p.posted == day and p.appeal_deadline == dt.date(2026, 4, 7)
    assert anslag.laga_kraft(p) == dt.date(2026, 4, 8)
    assert meeting.notice.appeal_deadline == p.appeal_deadline
    with pytest.raises(Refused, match="may not be removed before"):
        anslag.remove(world.secretary, p.pk, dt.date(2026, 4, 7))
    anslag.remove(world.secretary, p.pk, dt.date(2026, 4, 8))
    assert anslag.laga_kraft(Posting.objects.get()) == dt.date(2026, 4, 8)


@pytest.mark.parametrize(
    ("posted", "deadline"),
    [
        (dt.date(2026, 5, 29), dt.date(2026, 6, 22)),  # 3 weeks → midsommarafton fre 19/6 → mån 22/6
        (dt.date(2025, 12, 3), dt.date(2025, 12, 29)),  # → ons 24/12 julafton, 25, 26, helg → mån 29/12
    ],
)
def test_appeal_deadline_over_midsommar_and_christmas(world, posted, deadline):
    d, _ = delegation.register(
        world.secretary,
        world.body,
        delegate="Miljöchefen",
        point="3.1",
        decided=posted,
        decision="Föreläggande",
        to_be_reported=False,
    )
    p = Posting.objects.get(delegated=d)
    assert p.posted >= posted
    from protokoll.domain.deadlines import appeal_deadline

    assert appeal_deadline(posted) == deadline


def test_board_lists_current_notices(world, meeting):
    _adjust(world, meeting, DATE)
    assert [p.justering.meeting_id for p in anslag.current(DATE)] == [meeting.pk]
    assert anslag.current(DATE - dt.timedelta(days=1)) == []


def test_delegation_register_and_next_agenda(world, meeting):
    reported, warnings = delegation.register(
        world.secretary,
        world.body,
        delegate="Miljöchefen",
        point="2.4",
        decided=DATE,
        decision="Beviljat bygglov",
    )
    assert warnings == []
    urgent, _ = delegation.register(
        world.secretary,
        world.body,
        delegate="Anna Ståhl",
        point="1.1",
        decided=DATE,
        decision="Yttrande i brådskande ärende",
        urgent=True,
        to_be_reported=False,
    )
    _, warned = delegation.register(
        world.secretary,
        world.body,
        delegate="Handläggare",
        point="9",
        decided=DATE,
        decision="Mål för verksamheten",
        categories=["goals"],
        appealable=False,
        to_be_reported=False,
    )
    assert warned and warned[0].rule == "KL 6:38 p. 1"
    separate, _ = delegation.register(
        world.secretary,
        world.body,
        delegate="Handläggare",
        point="4",
        decided=DATE,
        decision="Avslag",
        to_be_reported=False,
    )
    assert separate.separately_recorded_at is not None and Posting.objects.filter(delegated=separate).exists()
    assert not Posting.objects.filter(delegated=reported).exists()
    nxt = prepare.create_meeting(world.secretary, world.body, DATE + dt.timedelta(days=28))
    item = nxt.items.get(title=delegation.REPORT_TITLE)
    assert "Beviljat bygglov" in item.background and "brådskande" in item.background
    assert "Avslag" not in item.background
    reported.refresh_from_db(), urgent.refresh_from_db()
    assert reported.reported_in == item and urgent.reported_in == item
