"""The ``protokoll`` command: a thin layer, each command parses options and calls the library.

Commands live in one module per area (document, importing, archive, site, search, audit,
recording) so that each area's commands sit next to the code they call. They are collected on
first use rather than at import, because those modules import ``protokoll.cli.common`` and an
eager collection here would import them half-initialised.
"""

from __future__ import annotations

import importlib

import click

from protokoll import __version__

COMMAND_MODULES = (
    "protokoll.cli.document",
    "protokoll.cli.importing",
    "protokoll.cli.archive",
    "protokoll.cli.site",
    "protokoll.search.cli",
    "protokoll.audit.cli",
    "protokoll.recording.cli",
)


class _Commands(click.Group):
    _loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for name in COMMAND_MODULES:
            for command in importlib.import_module(name).COMMANDS:
                self.add_command(command)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load()
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="protokoll")
def main() -> None:
    """protokoll: Swedish committee protocols as data."""
