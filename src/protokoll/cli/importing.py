"""CLI commands (importing): ``protokoll parse FILE``."""

from __future__ import annotations

import click

from protokoll.cli.common import fail


@click.command("parse")
@click.argument("file")
def parse_cmd(file: str) -> None:
    """Parse FILE (PDF, HTML, DOCX or text) and print its protokoll/1 JSON."""
    try:
        from protokoll.document import dump_document
        from protokoll.importing.api import parse_file
        from protokoll.importing.extracted import UnreadableInput

        try:
            doc = parse_file(file)
        except UnreadableInput as exc:
            fail(f"{file}: {' '.join(str(exc).split()) or 'unreadable input'}")
            return
        click.echo(dump_document(doc))
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - the CLI boundary: one line, never a traceback
        reason = " ".join(str(exc).split())[:200]
        fail(f"{file}: cannot parse ({type(exc).__name__}{': ' + reason if reason else ''})")


COMMANDS = [parse_cmd]
