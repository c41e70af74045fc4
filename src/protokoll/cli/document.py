"""Commands on ``protokoll/1`` documents that need no database."""

from __future__ import annotations

import json

import click

from protokoll.cli.common import fail
from protokoll.document import DocumentError, json_schema, load_document


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of protokoll/1."""
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate_cmd(files: tuple[str, ...]) -> None:
    """Check that FILES are valid protokoll/1 documents."""
    bad = 0
    for name in files:
        try:
            load_document(name)
        except DocumentError as exc:
            click.echo(f"{name}: {exc}", err=True)
            bad += 1
        else:
            click.echo(f"{name}: ok")
    if bad:
        fail(f"{bad} of {len(files)} documents are invalid")


COMMANDS = [schema_cmd, validate_cmd]
