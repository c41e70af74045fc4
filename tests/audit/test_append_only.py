"""The audit log cannot be changed or emptied, neither through the ORM nor by raw SQL, on the
engine the suite runs on (SQLite by default, PostgreSQL with PROTOKOLL_DATABASE_URL)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from protokoll import audit
from protokoll.audit.actions import Action
from protokoll.audit.models import AppendOnlyError, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return audit.record(Action.PUBLISH, username="sekr", summary="Publicerade protokollet")


def test_model_refuses_save_and_delete(event):
    event.summary = "omskrivet"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="omskrivet")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([event], ["summary"])
    assert AuditEvent.objects.get(pk=event.pk).summary == "Publicerade protokollet"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET summary = 'omskrivet'",
        "UPDATE audit_auditevent SET action = 'login' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
        "DELETE FROM audit_auditevent",
    ],
)
def test_database_refuses_raw_update_and_delete(event, sql):
    params = [event.pk] if "%s" in sql else []
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)
    assert AuditEvent.objects.get(pk=event.pk).summary == "Publicerade protokollet"


def test_postgresql_refuses_truncate(event):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's; SQLite empties tables with DELETE (tested above)")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_insert_still_works_by_raw_sql(event):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditevent (at, actor_username, action, body_name, object_type, object_id,"
            " summary, details) VALUES (%s, '', 'export', '', '', '', 'rå rad', '{}')",
            [event.at],
        )
    assert AuditEvent.objects.filter(summary="rå rad").exists()


def test_deleting_a_user_or_body_keeps_their_events(django_user_model):
    from protokoll.archive.loading import load_document
    from protokoll.document import example

    meeting = load_document(example("full")).meeting
    user = django_user_model.objects.create(username="sekr")
    audit.record(Action.PUBLISH, actor=user, body=meeting.body, obj=meeting, summary="Publicerade")
    user.delete()
    meeting.body.delete()
    event = AuditEvent.objects.get()
    assert (event.actor_username, event.body_name, event.object_type) == (
        "sekr",
        "Socialnämnden",
        "archive.meeting",
    )


@pytest.mark.django_db(transaction=True)
def test_flush_alone_may_empty_the_log():
    """Transactional tests end with ``flush``: it must work (the test runner depends on it),
    and it must leave the triggers on."""
    audit.record(Action.LOGIN, username="x")
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    audit.record(Action.LOGIN, username="y")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent")
