"""``protokoll verify``: check every justering signature against the stored protocol."""

from __future__ import annotations

import sys

import click

from protokoll.cli.common import fail, setup_django


@click.command("verify")
@click.argument("meeting_id", type=int, required=False)
@click.option("--all", "all_meetings", is_flag=True, help="Every meeting that has signatures.")
def verify_cmd(meeting_id, all_meetings) -> None:
    """Verify the Ed25519 signatures of MEETING_ID (or --all) over the canonical JSON of the
    justerade §§, and report any changed byte. Exit status 1 on any mismatch."""
    if (meeting_id is None) == (not all_meetings):
        fail("give a MEETING_ID or --all")
    setup_django()
    from protokoll.recording.justering import verify_meeting
    from protokoll.recording.models import Signature

    ids = (
        sorted(set(Signature.objects.values_list("justering__meeting_id", flat=True)))
        if all_meetings
        else [meeting_id]
    )
    bad = checked = 0
    for pk in ids:
        for finding in verify_meeting(pk):
            checked += 1
            mark = "OK " if finding.ok else "FEL"
            click.echo(f"{mark} sammanträde {pk} signatur {finding.signature_id}: {finding.message}")
            bad += not finding.ok
    if not checked:
        click.echo("inga signaturer att kontrollera")
    click.echo(f"{checked} signaturer, {bad} fel")
    sys.exit(1 if bad else 0)


COMMANDS = [verify_cmd]
