"""Date order and filters inside the full-text index (docs/search.md).

Adds ``sort_key`` (``(date ordinal << 40) | item id``) and ``facet_index`` (the filter values as
reserved tokens) to every index row, computed here in SQL so that an existing archive of
millions of rows is migrated in minutes, with no reindex through the ORM. On SQLite the FTS5
table is rebuilt with ``sort_key`` as its rowid and ``facet_index`` as a third column (weight 0
in bm25), from the rows already in ``search_entry``. The covering index for the old join from
the FTS5 match to the filter columns is dropped: nothing joins any more.

The SQL expressions must give what ``protokoll.search.facets`` gives in Python;
tests/search/test_facets.py runs them on rows written by Python and compares.
"""

import importlib

from django.db import migrations, models

# What Python's date.toordinal() is, per engine (0001-01-01 is day 1).
SORT_KEY_SQL = {
    "sqlite": "((CAST(julianday(date) - 1721424.5 AS INTEGER) << 40) | item_id)",
    "postgresql": "((((date - DATE '0001-01-01') + 1)::bigint << 40) | item_id)",
}
FACETS_SQL = """'_b' || body_id || ' _m' || municipality_id
    || CASE WHEN outcome IS NOT NULL AND outcome <> '' THEN ' _o' || outcome ELSE '' END
    || ' _v' || CASE WHEN has_vote THEN '1' ELSE '0' END
    || ' _r' || CASE WHEN has_reservation THEN '1' ELSE '0' END
    || CASE WHEN parties <> '' THEN ' _p' || replace(substr(parties, 2, length(parties) - 2), '|', ' _p')
       ELSE '' END"""
FILL = "UPDATE search_entry SET sort_key = {key}, facet_index = {facets}"

FTS_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_fts",
]
SQLITE_FORWARD = [
    *FTS_TRIGGERS,
    "ALTER TABLE search_entry ADD COLUMN sort_key bigint NOT NULL DEFAULT 0",
    "ALTER TABLE search_entry ADD COLUMN facet_index text NOT NULL DEFAULT ''",
    FILL.format(key=SORT_KEY_SQL["sqlite"], facets=FACETS_SQL),
    "CREATE UNIQUE INDEX search_entry_sort_key_uniq ON search_entry (sort_key)",
    # remove_diacritics 0: å, ä, ö stay letters of their own ("får" is not "far").
    # tokenchars '_': the facet tokens ("_b12") are single tokens; stems never hold a "_".
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_index, text_index, facet_index,
        content='search_entry', content_rowid='sort_key',
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
    )""",
    # Weight 0: a facet token never adds to a score, so filtering does not change the order.
    "INSERT INTO search_fts(search_fts, rank) VALUES('rank', 'bm25(4.0, 1.0, 0.0)')",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_fts(rowid, title_index, text_index, facet_index)
        VALUES (new.sort_key, new.title_index, new.text_index, new.facet_index);
    END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_index, text_index, facet_index)
        VALUES ('delete', old.sort_key, old.title_index, old.text_index, old.facet_index);
    END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_index, text_index, facet_index)
        VALUES ('delete', old.sort_key, old.title_index, old.text_index, old.facet_index);
        INSERT INTO search_fts(rowid, title_index, text_index, facet_index)
        VALUES (new.sort_key, new.title_index, new.text_index, new.facet_index);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES('rebuild')",
    "INSERT INTO search_fts(search_fts) VALUES('optimize')",
]
POSTGRES_FORWARD = [
    "ALTER TABLE search_entry ADD COLUMN sort_key bigint NOT NULL DEFAULT 0",
    "ALTER TABLE search_entry ADD COLUMN facet_index text NOT NULL DEFAULT ''",
    FILL.format(key=SORT_KEY_SQL["postgresql"], facets=FACETS_SQL),
    "ALTER TABLE search_entry ALTER COLUMN sort_key DROP DEFAULT, ALTER COLUMN facet_index DROP DEFAULT",
    "ALTER TABLE search_entry ADD CONSTRAINT search_entry_sort_key_uniq UNIQUE (sort_key)",
]


def _old_fts() -> list[str]:
    return importlib.import_module("protokoll.search.migrations.0001_initial").SQLITE_FORWARD


def _forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(vendor, []):
        schema_editor.execute(sql)


def _backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [
            *FTS_TRIGGERS,
            "DROP INDEX IF EXISTS search_entry_sort_key_uniq",
            "ALTER TABLE search_entry DROP COLUMN sort_key",
            "ALTER TABLE search_entry DROP COLUMN facet_index",
            *_old_fts(),
            "INSERT INTO search_fts(search_fts) VALUES('rebuild')",
        ]
    elif vendor == "postgresql":
        statements = [
            "ALTER TABLE search_entry DROP CONSTRAINT IF EXISTS search_entry_sort_key_uniq",
            "ALTER TABLE search_entry DROP COLUMN sort_key, DROP COLUMN facet_index",
        ]
    else:
        statements = []
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_filter_index")]

    operations = [
        migrations.RemoveIndex(model_name="entry", name="search_entry_filters"),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="entry",
                    name="sort_key",
                    field=models.BigIntegerField(unique=True, default=0),
                    preserve_default=False,
                ),
                migrations.AddField(
                    model_name="entry", name="facet_index", field=models.TextField(blank=True, default="")
                ),
            ],
            database_operations=[migrations.RunPython(_forward, _backward)],
        ),
    ]
