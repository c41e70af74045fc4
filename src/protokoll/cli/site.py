"""CLI commands (site): ``protokoll demo`` writes, loads or serves the Exempelstad demo data."""

from __future__ import annotations

from pathlib import Path

import click

from protokoll.cli.common import fail, setup_django


@click.command("demo")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same documents.")
@click.option("--year", type=int, default=2025, show_default=True)
@click.option("--out", "out", type=click.Path(file_okay=False), help="Write the documents into this folder.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["json", "text", "pdf", "html"]),
    help="With --out: formats to write (repeatable; default json).",
)
@click.option("--load", is_flag=True, help="Load the documents into the archive database.")
@click.option(
    "--serve", is_flag=True, help="Migrate, load the demo if the archive is empty, run the web server."
)
@click.option("--addr", default="127.0.0.1:8000", show_default=True, help="Address for --serve.")
@click.option("--threads", default=2, show_default=True, help="Threads per server process with --serve.")
def demo_cmd(
    seed: int,
    year: int,
    out: str | None,
    formats: tuple[str, ...],
    load: bool,
    serve: bool,
    addr: str,
    threads: int,
) -> None:
    """The fictional municipality Exempelstad: a year of protocols for demos and tests."""
    from protokoll.demo import generate
    from protokoll.demo.files import write_documents

    if not (out or load or serve):
        fail("say what to do: --out DIR, --load or --serve")
    docs = generate(seed, year=year)
    if out:
        count = write_documents(docs, Path(out), formats or ("json",))
        click.echo(f"wrote {count} files for {len(docs)} meetings to {out}")
    if load or serve:
        setup_django()
        from django.core.management import call_command

        from protokoll.archive.models import Meeting
        from protokoll.demo.files import load_documents

        call_command("migrate", verbosity=0)
        if load or not Meeting.objects.exists():
            counts = load_documents(docs)
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            click.echo(f"loaded {len(docs)} demo meetings ({summary})")
    if serve:
        from protokoll.web.serving import serve as serve_site

        serve_site(addr, threads=threads)


@click.command("serve")
@click.option("--addr", default="127.0.0.1:8000", show_default=True)
@click.option(
    "--threads", default=4, show_default=True, help="Threads per server process (one process per core)."
)
def serve_cmd(addr: str, threads: int) -> None:
    """Migrate the database and serve the site and API (waitress)."""
    setup_django()
    from django.core.management import call_command

    from protokoll.web.serving import serve as serve_site

    call_command("migrate", verbosity=0)
    serve_site(addr, threads=threads)


COMMANDS = [demo_cmd, serve_cmd]
