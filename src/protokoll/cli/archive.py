"""CLI commands on the archive database: load, export, import, dump, restore.

Each command sets up Django, brings the schema up to date (``migrate`` is a no-op when it is)
and calls one library function in ``protokoll.archive``.
"""

from __future__ import annotations

import json

import click

from protokoll.cli.common import fail, setup_django


def _database() -> None:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


@click.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--municipality", help="Municipality for documents that name none (overrides the document's).")
def load_cmd(files: tuple[str, ...], municipality: str | None) -> None:
    """Store protokoll/1 documents (FILE.json ...) in the archive.

    All files are checked before anything is written, and all are stored in one transaction:
    on any error the database is unchanged."""
    from protokoll.document import DocumentError, load_document

    docs = []
    for name in files:
        try:
            docs.append((name, load_document(name)))
        except DocumentError as exc:
            fail(f"{name}: {exc}")
    _database()
    from django.db import transaction

    from protokoll.archive.loading import LoadError
    from protokoll.archive.loading import load_document as store

    results = []
    current = ""
    try:
        with transaction.atomic():
            for current, doc in docs:
                results.append((current, store(doc, municipality=municipality)))
    except LoadError as exc:
        fail(f"{current}: {exc}; nothing was stored")
    for name, result in results:
        click.echo(f"{name}: {result.status} meeting {result.meeting.pk} ({result.meeting})")


@click.command("export")
@click.argument("meeting_id", type=int)
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented.")
def export_cmd(meeting_id: int, compact: bool) -> None:
    """Print a stored meeting as a protokoll/1 document (JSON on stdout)."""
    _database()
    from protokoll.archive.exporting import export_meeting
    from protokoll.archive.models import Meeting
    from protokoll.document import dump_document

    try:
        doc = export_meeting(meeting_id)
    except Meeting.DoesNotExist:
        fail(f"no meeting with id {meeting_id}")
    click.echo(dump_document(doc, indent=None if compact else 2))


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--workers", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Parser processes."
)
@click.option(
    "--municipality", help="Municipality for the imported protocols (overrides what the parser found)."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def import_cmd(paths: tuple[str, ...], workers: int, municipality: str | None, quiet: bool) -> None:
    """Parse protocol files and folders (PDF, HTML, DOCX, text, protokoll/1 JSON) and store them.

    A failing file is reported in the summary and never stops the rest; exit status 1 when
    any file failed."""
    _database()
    from protokoll.archive.importer import import_paths

    summary = import_paths(paths, workers=workers, municipality=municipality, progress=not quiet)
    for line in summary.lines():
        click.echo(line, err=True)
    if any(f.reason.startswith("not stored: municipality: missing") for f in summary.failures):
        click.echo(
            "hint: protocols rarely name their municipality; give it with --municipality NAME", err=True
        )
    if summary.failures:
        raise SystemExit(1)


@click.command("dump")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def dump_cmd(file: str) -> None:
    """Write the whole archive to FILE (JSON Lines; gzip when FILE ends in .gz)."""
    _database()
    from protokoll.archive.backup import dump

    counts = dump(file)
    click.echo(f"{file}: {json.dumps(counts)}", err=True)


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def restore_cmd(file: str) -> None:
    """Restore a dump made by `protokoll dump` into an empty archive (all or nothing)."""
    _database()
    from protokoll.archive.backup import BackupError, restore

    try:
        counts = restore(file)
    except BackupError as exc:
        fail(f"{file}: {exc}; nothing was restored")
    click.echo(f"{file}: restored {json.dumps(counts)}", err=True)


COMMANDS = [load_cmd, export_cmd, import_cmd, dump_cmd, restore_cmd]
