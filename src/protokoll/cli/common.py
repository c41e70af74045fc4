"""Helpers shared by the CLI modules."""

from __future__ import annotations

import os
import sys

import click


def setup_django() -> None:
    """Configure Django for commands that use the database; idempotent."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protokoll.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def fail(message: str, code: int = 1) -> None:
    """Exit with a one-line reason on stderr, never a traceback."""
    click.echo(f"protokoll: {message}", err=True)
    sys.exit(code)
