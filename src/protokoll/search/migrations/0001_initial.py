"""The search index on both engines: FTS5 on SQLite, a generated tsvector on PostgreSQL."""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_FORWARD = [
    # remove_diacritics 0: å, ä, ö stay letters of their own ("får" is not "far").
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_index, text_index,
        content='search_entry', content_rowid='item_id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    "INSERT INTO search_fts(search_fts, rank) VALUES('rank', 'bm25(4.0, 1.0)')",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_fts(rowid, title_index, text_index)
        VALUES (new.item_id, new.title_index, new.text_index);
    END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_index, text_index)
        VALUES ('delete', old.item_id, old.title_index, old.text_index);
    END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_index, text_index)
        VALUES ('delete', old.item_id, old.title_index, old.text_index);
        INSERT INTO search_fts(rowid, title_index, text_index)
        VALUES (new.item_id, new.title_index, new.text_index);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE search_entry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish'::regconfig, coalesce(title_index, '')), 'A')
        || setweight(to_tsvector('swedish'::regconfig, coalesce(text_index, '')), 'B')
    ) STORED""",
    "CREATE INDEX search_entry_document ON search_entry USING gin (document)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_document",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = [("archive", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                (
                    "item",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="archive.item",
                    ),
                ),
                ("meeting_id", models.BigIntegerField()),
                ("body_id", models.BigIntegerField()),
                ("municipality_id", models.BigIntegerField()),
                ("date", models.DateField()),
                ("paragraph", models.IntegerField(blank=True, null=True)),
                ("outcome", models.CharField(blank=True, max_length=16, null=True)),
                ("has_vote", models.BooleanField(default=False)),
                ("has_reservation", models.BooleanField(default=False)),
                (
                    "parties",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text='"|S|M|": parties with a yrkande, reservation or statement',
                    ),
                ),
                ("title_index", models.TextField(blank=True, default="")),
                ("text_index", models.TextField(blank=True, default="")),
            ],
            options={
                "db_table": "search_entry",
                "indexes": [
                    models.Index(fields=["meeting_id"], name="search_entry_meeting"),
                    models.Index(fields=["date"], name="search_entry_date"),
                    models.Index(fields=["body_id", "date"], name="search_entry_body_date"),
                    models.Index(fields=["municipality_id", "date"], name="search_entry_muni_date"),
                ],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
