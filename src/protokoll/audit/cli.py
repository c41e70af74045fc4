"""``protokoll audit-export``: the audit log for a loggkontroll, as CSV or JSON Lines."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys

import click

from protokoll.cli.common import fail, setup_django


@click.command("audit-export")
@click.option("--body", "body_id", type=int, help="Only this body's events (its id).")
@click.option("--all", "all_bodies", is_flag=True, help="Every event, of every body and every login.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="From this date (inclusive).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="To this date (inclusive).")
@click.option("--action", help="Only this kind of event (e.g. read_secret).")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), help="File (default: stdout)."
)
def audit_export_cmd(body_id, all_bodies, since, until, action, fmt, output) -> None:
    """Export the audit log, oldest event first. Without --body or --all: events tied to no
    body (logins). The export itself is logged."""
    if body_id is not None and all_bodies:
        fail("give --body or --all, not both")
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from protokoll.audit import export
    from protokoll.audit.actions import Action
    from protokoll.audit.log import events, record

    if action and action not in Action.values:
        fail(f"unknown action {action!r}; one of: {', '.join(Action.values)}")
    if body_id is not None:
        from protokoll.archive.models import Body

        if not Body.objects.filter(pk=body_id).exists():
            fail(f"no body with id {body_id}")
    since, until = (d.date() if isinstance(d, dt.datetime) else d for d in (since, until))
    qs = events(body=body_id, all_bodies=all_bodies, action=action, since=since, until=until).order_by(
        "at", "id"
    )
    record(
        Action.EXPORT,
        username="(kommandorad)",
        body=body_id,
        summary=f"Exporterade loggen ({fmt}) från kommandoraden",
        details={"all": all_bodies, "action": action, "since": since, "until": until},
    )
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
        n = 0
        for line in export.lines(qs.iterator(), fmt):
            out.write(line)
            n += 1
    click.echo(f"{n - (1 if fmt == 'csv' else 0)} events", err=True)


COMMANDS = [audit_export_cmd]
