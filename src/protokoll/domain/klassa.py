"""KLASSA classification codes: names for the dotted code after a diarienummer (DOMAIN 2.2).

The shipped table (``klassa.json``) holds only the KLASSA 2.1 codes DOMAIN.md 2.2 names. A
municipality adapts KLASSA locally (Västerås' 1.6.1 is not in the standard), so ``describe``
takes an extra table, a dict or a JSON file, whose entries win over the shipped ones. A code
with no entry is described by its nearest listed parent ("1.2.3.4" → the name of "1.2.3"); the
sub-code ".0" is KLASSA's "Ledning-Styrning-Organisering" of its area. Old three-digit
diarieplan codes ("003") are not KLASSA and have names only when the extra table gives them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

_CODE = re.compile(r"^\d+(?:\.\d+)*$")
_AREA_MANAGEMENT = "Ledning-Styrning-Organisering"

Table = Mapping[str, str]


@lru_cache(maxsize=1)
def standard_table() -> dict[str, str]:
    """The shipped KLASSA 2.1 codes (DOMAIN 2.2)."""
    data = json.loads(resources.files("protokoll.domain").joinpath("klassa.json").read_text("utf-8"))
    return dict(data["codes"])


def load_table(path: str | Path) -> dict[str, str]:
    """A municipality's own table from a JSON file: either ``{"codes": {...}}`` or a flat map
    (KLASSA adapted locally, DOMAIN 2.2)."""
    data = json.loads(Path(path).read_text("utf-8"))
    codes = data.get("codes", data) if isinstance(data, dict) else None
    if not isinstance(codes, dict) or not all(isinstance(v, str) for v in codes.values()):
        raise ValueError(f"{path}: expected a JSON object mapping codes to names")
    return {str(k): v for k, v in codes.items() if not str(k).startswith("_")}


@dataclass(frozen=True)
class KlassaMatch:
    """``name`` is the name of ``matched``; ``exact`` is False when a parent code answered."""

    code: str
    matched: str
    name: str
    exact: bool


def _table(extra: Table | str | Path | None) -> dict[str, str]:
    table = dict(standard_table())
    if isinstance(extra, (str, Path)):
        table.update(load_table(extra))
    elif extra:
        table.update(extra)
    return table


def lookup(code: str | None, extra: Table | str | Path | None = None) -> KlassaMatch | None:
    """The nearest described code for ``code``: itself, else its closest listed parent.

    KLASSA hierarchy verksamhetstyp → område → processgrupp → process, with ".0" for an area's
    management processes (DOMAIN 2.2; checklist 44).
    """
    code = (code or "").strip()
    if not _CODE.match(code):
        return None
    table = _table(extra)
    if code in table:
        return KlassaMatch(code, code, table[code], True)
    parts = code.split(".")
    if len(parts) == 3 and parts[-1] == "0":
        area = ".".join(parts[:2])
        if area in table:
            return KlassaMatch(code, code, f"{table[area]}: {_AREA_MANAGEMENT}", True)
    for cut in range(len(parts) - 1, 0, -1):
        parent = ".".join(parts[:cut])
        if parent in table:
            return KlassaMatch(code, parent, table[parent], False)
    return None


def describe(code: str | None, extra: Table | str | Path | None = None) -> str | None:
    """The name for a KLASSA (or local) code, falling back to the nearest parent; DOMAIN 2.2."""
    match = lookup(code, extra)
    return match.name if match else None
