"""The parts of the archive other areas own (search, API redaction and negotiation, insights),
reached through one module so that each page falls back to the archive's own rows when a part
is not installed yet, and switches to it without a change elsewhere."""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType


@cache
def optional(module: str) -> ModuleType | None:
    """The module, or None when that area has not been built (an ImportError inside an existing
    module is a real bug and is raised)."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            return None
        raise


def attribute(module: str, name: str):
    found = optional(module)
    return getattr(found, name, None) if found is not None else None
