"""What the index stores besides the words, so that date order and filters are part of the
full-text match itself (docs/search.md, "Date order and filters inside the index").

- ``sort_key``: the FTS5 rowid. ``(date ordinal << 40) | item id``, so rowid order is date
  order (ties by § id) and a date range is a rowid range. FTS5 walks its doclists in rowid
  order, so "newest first" and "within these dates" need no sort and no lookup per match.
- ``facet_terms``: the filter values as reserved tokens (``_b12`` body 12, ``_pS`` party S, …)
  in a third FTS5 column, so that a filtered search is one MATCH with AND. The leading ``_``
  is a token character for FTS5 (``tokenchars '_'``) but never part of a query word
  (``text.TOKEN_RE`` splits on it), so nothing a user types can match a facet token.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

ID_BITS = 40
ID_MASK = (1 << ID_BITS) - 1


def sort_key(date: dt.date, item_id: int) -> int:
    """The index key of a §: date first, then § id; fits a signed 64-bit rowid for any date."""
    if not 0 <= item_id <= ID_MASK:
        raise ValueError(f"item id {item_id} does not fit the {ID_BITS} bits of the search key")
    return (date.toordinal() << ID_BITS) | item_id


def item_id_of(key: int) -> int:
    return key & ID_MASK


def key_range(date_from: dt.date | None, date_to: dt.date | None) -> tuple[int, int] | None:
    """The rowids of §§ dated ``date_from`` to ``date_to`` inclusive (either may be open);
    None when neither is given."""
    if date_from is None and date_to is None:
        return None
    lo = (date_from or dt.date.min).toordinal() << ID_BITS
    hi = ((date_to or dt.date.max).toordinal() << ID_BITS) | ID_MASK
    return lo, hi


def _number(value: int) -> str:
    # A filter may carry -1 ("names nothing that exists"): "n1" is a token no row has.
    return str(value) if value >= 0 else f"n{-value}"


def body_term(body_id: int) -> str:
    return f"_b{_number(body_id)}"


def municipality_term(municipality_id: int) -> str:
    return f"_m{_number(municipality_id)}"


def party_term(party: str) -> str:
    return f"_p{party}"


def outcome_term(outcome: str) -> str:
    return f"_o{outcome}"


def vote_term(has_vote: bool) -> str:
    return "_v1" if has_vote else "_v0"


def reservation_term(has_reservation: bool) -> str:
    return "_r1" if has_reservation else "_r0"


def facet_terms(
    body_id: int,
    municipality_id: int,
    outcome: str | None,
    has_vote: bool,
    has_reservation: bool,
    parties: Iterable[str],
) -> str:
    """The facet column of one index row. Migration 0003 computes the same string in SQL for
    rows that existed before it (tests/search/test_facets.py checks that they agree)."""
    terms = [body_term(body_id), municipality_term(municipality_id)]
    if outcome:
        terms.append(outcome_term(outcome))
    terms += [vote_term(has_vote), reservation_term(has_reservation)]
    terms += [party_term(p) for p in sorted({p for p in parties if p})]
    return " ".join(terms)
