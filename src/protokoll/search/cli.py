"""``protokoll reindex``: rebuild the search index from the public archive."""

from __future__ import annotations

import click


@click.command("reindex")
@click.option("--meeting", "meeting_id", type=int, help="Reindex one meeting (by id) instead of all.")
def reindex_cmd(meeting_id: int | None) -> None:
    """Rebuild the full-text search index from what the public may see."""
    # Imported here: ``protokoll.cli`` imports this module to register the command.
    from protokoll.cli.common import fail, setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from protokoll.archive.models import Meeting
    from protokoll.search.indexing import reindex_all, reindex_meeting

    if meeting_id is not None:
        if not Meeting.objects.filter(pk=meeting_id).exists():
            fail(f"no meeting with id {meeting_id}")
        click.echo(f"meeting {meeting_id}: {reindex_meeting(meeting_id)} §§ indexed")
        return
    click.echo(f"{reindex_all()} §§ indexed")


COMMANDS = [reindex_cmd]
