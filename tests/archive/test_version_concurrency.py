"""Two writers at once on PostgreSQL: the archive version is raised at commit, so a writer that
holds a row lock and one that waits for it cannot deadlock over the counter's row."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from protokoll.archive import models as m
from protokoll.archive import version
from tests.web.helpers import load

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and deferred triggers: PostgreSQL"
    ),
]


def test_two_writers_locking_rows_in_opposite_order_both_finish():
    meeting = load()
    other = m.Item.objects.filter(meeting=meeting).order_by("pk").last()
    before = version.current()
    locked, wrote = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first():  # locks the meeting row (as recording's writes do), then writes a §
        with transaction.atomic():
            m.Meeting.objects.select_for_update().get(pk=meeting.pk)
            locked.set()
            assert wrote.wait(10)
            m.Item.objects.filter(pk=other.pk).update(title="Ändrad av den första")

    def second():  # writes a § first, then waits for the meeting row
        assert locked.wait(10)
        with transaction.atomic():
            m.Item.objects.filter(meeting=meeting).exclude(pk=other.pk).update(title="Ändrad av den andra")
            wrote.set()
            m.Meeting.objects.select_for_update().get(pk=meeting.pk)

    def run(work):
        try:
            with connection.cursor() as cursor:  # a deadlock is reported after 1 s (deadlock_timeout)
                cursor.execute("SET lock_timeout = '20s'")
            work()
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            errors.append(exc)
            locked.set()
            wrote.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(work,)) for work in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert version.current() == before + 2  # once per committed transaction
