"""Helpers for archive tests."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction


class _Rollback(Exception):
    pass


@contextmanager
def rolled_back():
    """Run a block inside a transaction that is always undone, so each Hypothesis example
    starts from the database the test started with."""
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
