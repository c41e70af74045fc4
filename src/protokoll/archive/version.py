"""The archive version: one counter that the database itself raises on every change to an
archive table, so that caches of public pages and lists can put it in their keys.

Why triggers and not Django signals: rows change through ``save()``, ``QuerySet.update()``,
``bulk_create``, deletes by cascade and the admin, in this process or another. A trigger sees all
of them, and raises the counter inside the same transaction as the change, so another process
sees the new version exactly when it can see the new rows (never the new version with the old
rows). A § withheld later is therefore never served from a cache keyed on this version.

On PostgreSQL the raise waits for the commit (``CONSTRAINT TRIGGER … DEFERRABLE INITIALLY
DEFERRED``) and happens once per transaction. Raised at the first write instead, the counter's
row would stay locked from then to the commit, and a writer that then waits for a row lock
(``select_for_update`` in recording) while another writer holding that row waits for the
counter would deadlock. Taken at commit, the counter is the last lock a transaction asks for,
and it is held only for the commit itself. A writer's own transaction therefore still reads the
old version until it commits. So that it still never meets an answer cached before its own
writes (a command that withholds a § and then renders the public version in one transaction,
or a test, which never commits), a statement trigger counts its writes in a setting local to the
transaction, and the key adds that count and the transaction's id while it has written: no lock,
and no other transaction can compute such a key. SQLite has one writer at a time, so its
triggers (once per row, a few microseconds) raise the counter at once.

The counter lives in a plain table (no Django model): ``flush``, ``dumpdata`` and
``protokoll dump`` leave it alone. Its one row holds a random ``epoch`` chosen when the row is
created, so a database created again (or a new test database) that counts from 1 again gives
keys no earlier database gave. The triggers are installed by migration 0002 and again after
every ``migrate`` (``post_migrate``, ``install_on``): a table rebuilt by a later migration on
SQLite loses its triggers, and tables Django creates itself (many-to-many) are covered too.
"""

from __future__ import annotations

from django.db import connection as default_connection

TABLE = "protokoll_archive_version"
_FUNCTION = "protokoll_bump_archive_version"
_TRUNCATE_FUNCTION = "protokoll_bump_archive_version_now"
_LOCAL_FUNCTION = "protokoll_count_archive_writes"
# The writes of the running transaction (PostgreSQL), for key().
_WRITES = "protokoll.archive_writes"
# Set for the rest of the transaction once the counter has been raised at its commit.
_RAISED = "protokoll.archive_version_raised"
_NEW_EPOCH = {"postgresql": "md5(random()::text)", "sqlite": "lower(hex(randomblob(16)))"}


def current() -> int:
    """The version now (0 before the first change)."""
    return _row()[1]


def key() -> str:
    """The version as it goes into a cache key: epoch and counter, and on PostgreSQL, while the
    running transaction has written to the archive, its id and its count of writes."""
    if default_connection.vendor != "postgresql":
        epoch, value = _row()
        return f"{epoch}.{value}"
    with default_connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.epoch, v.value, txid_current_if_assigned(), current_setting('{_WRITES}', true) "
            f"FROM (SELECT 1) AS one LEFT JOIN {TABLE} AS v ON v.id = 1"
        )
        epoch, value, txid, writes = cursor.fetchone()
    own = f".{txid}.{writes}" if writes else ""
    return f"{epoch or ''}.{value or 0}{own}"


def _row() -> tuple[str, int]:
    with default_connection.cursor() as cursor:
        cursor.execute(f"SELECT epoch, value FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return (row[0], row[1]) if row else ("", 0)


def _trigger_name(table: str, op: str = "") -> str:
    return f"protokoll_version_{table}{'_' + op.lower() if op else ''}"


def install(schema_editor, tables: list[str]) -> None:
    """Create the counter table and the triggers on each of ``tables`` (idempotent)."""
    _install(schema_editor.connection, schema_editor.execute, tables)


def install_on(connection, tables: list[str]) -> None:
    """``install`` outside a migration (the ``post_migrate`` handler)."""
    with connection.cursor() as cursor:
        _install(connection, lambda sql: cursor.execute(sql), tables)


def _install(connection, run, tables: list[str]) -> None:
    vendor = connection.vendor
    epoch = _NEW_EPOCH[vendor]
    run(
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        f"(id integer PRIMARY KEY, value bigint NOT NULL, epoch varchar(32) NOT NULL DEFAULT '')"
    )
    _add_epoch(connection, run)
    run(f"UPDATE {TABLE} SET epoch = {epoch} WHERE epoch = ''")
    upsert = (
        f"INSERT INTO {TABLE} (id, value, epoch) VALUES (1, 1, {epoch}) "
        f"ON CONFLICT (id) DO UPDATE SET value = {TABLE}.value + 1"
    )
    if vendor == "postgresql":
        _install_postgresql(connection, run, tables, upsert)
        return
    for table in tables:
        for op in ("INSERT", "UPDATE", "DELETE"):
            run(
                f'CREATE TRIGGER IF NOT EXISTS {_trigger_name(table, op)} AFTER {op} ON "{table}" '
                f"BEGIN {upsert}; END"
            )


def _add_epoch(connection, run) -> None:
    """Databases migrated before the epoch existed have the table without it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = 'epoch'",
                [TABLE],
            )
            present = cursor.fetchone() is not None
        else:
            cursor.execute(f"PRAGMA table_info({TABLE})")
            present = any(row[1] == "epoch" for row in cursor.fetchall())
    if not present:
        run(f"ALTER TABLE {TABLE} ADD COLUMN epoch varchar(32) NOT NULL DEFAULT ''")


def _install_postgresql(connection, run, tables: list[str], upsert: str) -> None:
    run(
        f"CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger AS $$ BEGIN "
        f"IF current_setting('{_RAISED}', true) = 'on' THEN RETURN NULL; END IF; "
        f"PERFORM set_config('{_RAISED}', 'on', true); "
        f"{upsert}; RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    # TRUNCATE has no row triggers (so no deferred ones); it locks the whole table anyway.
    run(
        f"CREATE OR REPLACE FUNCTION {_TRUNCATE_FUNCTION}() RETURNS trigger AS $$ BEGIN "
        f"{upsert}; RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    run(
        f"CREATE OR REPLACE FUNCTION {_LOCAL_FUNCTION}() RETURNS trigger AS $$ BEGIN "
        f"PERFORM set_config('{_WRITES}', (coalesce(nullif(current_setting('{_WRITES}', true), ''), '0')::bigint + 1)::text, true); "
        f"RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    with connection.cursor() as cursor:
        # A constraint trigger cannot be replaced in place: create the missing ones only, and
        # drop an older immediate trigger of the same name first.
        cursor.execute(
            "SELECT c.relname, t.tgname, t.tgconstraint <> 0 FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'protokoll_version_%%'"
        )
        present = {(table, name): deferred for table, name, deferred in cursor.fetchall()}
    for table in tables:
        name, truncate = _trigger_name(table), _trigger_name(table, "truncate")
        local = _trigger_name(table, "local")
        if present.get((table, name)) is False:
            run(f'DROP TRIGGER {name} ON "{table}"')
        if not present.get((table, name)):
            run(
                f'CREATE CONSTRAINT TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()"
            )
        if (table, truncate) not in present:
            run(
                f'CREATE TRIGGER {truncate} AFTER TRUNCATE ON "{table}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {_TRUNCATE_FUNCTION}()"
            )
        if (table, local) not in present:
            run(
                f'CREATE TRIGGER {local} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {_LOCAL_FUNCTION}()"
            )


def uninstall(schema_editor, tables: list[str]) -> None:
    run = schema_editor.execute
    postgres = schema_editor.connection.vendor == "postgresql"
    for table in tables:
        if postgres:
            run(f'DROP TRIGGER IF EXISTS {_trigger_name(table)} ON "{table}"')
            run(f'DROP TRIGGER IF EXISTS {_trigger_name(table, "truncate")} ON "{table}"')
            run(f'DROP TRIGGER IF EXISTS {_trigger_name(table, "local")} ON "{table}"')
        else:
            for op in ("INSERT", "UPDATE", "DELETE"):
                run(f"DROP TRIGGER IF EXISTS {_trigger_name(table, op)}")
    if postgres:
        run(f"DROP FUNCTION IF EXISTS {_FUNCTION}()")
        run(f"DROP FUNCTION IF EXISTS {_TRUNCATE_FUNCTION}()")
        run(f"DROP FUNCTION IF EXISTS {_LOCAL_FUNCTION}()")
    run(f"DROP TABLE IF EXISTS {TABLE}")


def archive_tables() -> list[str]:
    """Every table of the archive app, those Django creates for many-to-many fields included."""
    from django.apps import apps

    models = apps.get_app_config("archive").get_models(include_auto_created=True)
    return sorted({model._meta.db_table for model in models})


def reinstall(sender, using: str = "default", **kwargs) -> None:
    """``post_migrate`` handler: the triggers again after every migrate (idempotent)."""
    from django.db import connections

    install_on(connections[using], archive_tables())


def watched_tables() -> set[str]:
    """Archive tables that carry a version trigger now (for the test that none is missing)."""
    with default_connection.cursor() as cursor:
        if default_connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE 'protokoll_version_%%'"
            )
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'protokoll_version_%'"
            )
        return {row[0] for row in cursor.fetchall()}
