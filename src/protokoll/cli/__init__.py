"""The ``protokoll`` command: a thin layer, each command parses options and calls the library.

Commands live in one module per area (document, importing, archive, site, search, audit,
recording) so that each area's commands sit next to the code they call.
"""

from __future__ import annotations

import click

from protokoll import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="protokoll")
def main() -> None:
    """protokoll: Swedish committee protocols as data."""


def _register() -> None:
    from protokoll.audit import cli as audit
    from protokoll.cli import archive, document, importing, site
    from protokoll.search import cli as search

    for module in (document, importing, archive, site, search, audit):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
