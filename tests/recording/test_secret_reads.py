"""Every read of a sekretess § by a recording view writes one read_secret event (issue 5
"Audit log"; DOMAIN 1.10). The meeting fixture's § 2 is under sekretess, §§ 1 and 3 are not."""

from __future__ import annotations

import pytest

from protokoll.audit.models import AuditEvent
from tests.recording.conftest import item


def _reads():
    return list(AuditEvent.objects.filter(action="read_secret").order_by("pk"))


@pytest.mark.parametrize(
    "suffix",
    ["", "kallelse/", "protokoll.html", "protokoll.txt", "utdrag/2.html"],
)
def test_each_view_showing_the_secret_paragraph_logs_one_read(client, world, meeting, suffix):
    client.force_login(world.secretary)
    response = client.get(f"/intern/mote/{meeting.pk}/{suffix}")
    assert response.status_code == 200
    assert "Tillsyn enskild" in response.content.decode()
    reads = _reads()
    assert len(reads) == 1
    event = reads[0]
    assert event.actor == world.secretary and event.object_id == str(item(meeting, 2).pk)
    assert event.body_id == world.body.pk and "§ 2" in event.summary
    assert "Tillsyn" not in event.summary  # the log is read by administrators too


def test_every_read_is_logged_again(client, world, meeting):
    client.force_login(world.chair)
    for _ in range(2):
        assert client.get(f"/intern/api/mote/{meeting.pk}").status_code == 200
    assert [e.actor for e in _reads()] == [world.chair, world.chair]


def test_views_that_withhold_the_paragraph_log_nothing(client, world, meeting):
    client.force_login(world.secretary)
    for suffix in ("offentlig.html", "utdrag/2.html?offentlig=1", "utdrag/1.html"):
        response = client.get(f"/intern/mote/{meeting.pk}/{suffix}")
        assert response.status_code == 200
        assert "Tillsyn enskild" not in response.content.decode()
    assert _reads() == []


def test_a_refused_reader_is_not_logged_and_sees_nothing(client, world, meeting):
    client.force_login(world.outsider)
    response = client.get(f"/intern/mote/{meeting.pk}/protokoll.html")
    assert response.status_code == 403 and "Tillsyn" not in response.content.decode()
    assert _reads() == []


def test_an_unknown_utdrag_format_is_not_found(client, world, meeting):
    client.force_login(world.secretary)
    assert client.get(f"/intern/mote/{meeting.pk}/utdrag/2.json").status_code == 404
    assert _reads() == []
