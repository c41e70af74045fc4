"""Database triggers that make ``audit_auditevent`` append-only, on SQLite and PostgreSQL.

The triggers refuse every UPDATE and DELETE (and on PostgreSQL every TRUNCATE). The one
sanctioned exception is Django's ``flush`` (which empties the *whole* database: the test runner
between transactional tests, or an operator resetting a server): ``protokoll.audit``
overrides that command to run inside ``unlocked_for_flush``. On SQLite the DELETE trigger asks
the function ``protokoll_audit_unlocked()``, which this process registers on each connection;
a connection without it (the sqlite3 shell, another program) gets "no such function", which
refuses the DELETE as well. On PostgreSQL flush uses TRUNCATE, allowed only while the session
setting ``protokoll.audit_unlock`` is 'on'.

A SQLite migration that rebuilds the table (most ALTERs do) drops its triggers: such a
migration must call ``install_triggers`` again (tests/audit/test_append_only.py would fail).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

TABLE = "audit_auditevent"
_state = threading.local()

SQLITE = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
    f"""CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE refused'); END""",
    f"""CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE}
        WHEN protokoll_audit_unlocked() IS NOT 1
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE refused'); END""",
]

POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION protokoll_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' AND current_setting('protokoll.audit_unlock', true) = 'on' THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit log is append-only: % refused', TG_OP;
    END $$""",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_change ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
    f"""CREATE TRIGGER {TABLE}_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION protokoll_audit_refuse()""",
    f"""CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION protokoll_audit_refuse()""",
]


def install_triggers(connection) -> None:
    """Create (or re-create) the append-only triggers for ``connection``'s engine."""
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(connection.vendor)
    if statements is None:
        raise NotImplementedError(f"no append-only triggers for the {connection.vendor} engine")
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def remove_triggers(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_update")
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_delete")
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_change ON {TABLE}")
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}")
            cursor.execute("DROP FUNCTION IF EXISTS protokoll_audit_refuse()")


def _unlocked() -> int:
    return 1 if getattr(_state, "unlocked", False) else 0


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: give SQLite connections ``protokoll_audit_unlocked()``."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("protokoll_audit_unlocked", 0, _unlocked)


@contextmanager
def unlocked_for_flush(connection):
    """Let this thread (SQLite) or this session (PostgreSQL) empty the audit table, for
    ``flush`` only."""
    _state.unlocked = True
    pg = connection.vendor == "postgresql"
    try:
        if pg:
            with connection.cursor() as cursor:
                cursor.execute("SET protokoll.audit_unlock = 'on'")
        yield
    finally:
        _state.unlocked = False
        if pg:
            with connection.cursor() as cursor:
                cursor.execute("RESET protokoll.audit_unlock")
