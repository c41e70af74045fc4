"""How a SQLite search asks FTS5 for its matches and scores (docs/benchmarks.md, "## Search").

FTS5's bm25 pays for every phrase of the MATCH twice: once per query it walks every row of the
whole table that holds the phrase (to count them for the idf), and for every row it scores it
reads the phrase's hits in that row. A word found in most §§ ("beslut" in "beslutade om
bygglov") makes both expensive while it can only break near ties, because bm25 gives a phrase
found in half the rows or more an idf of 1e-6 (it adds under 2.2e-6 to any score). A
facet token changes nothing either: its column weighs 0. So the window of matches is chosen by
the whole MATCH, and scored by a MATCH of only the phrases that can change the order.

Walking the matches has a like cost: FTS5 steps through the doclist of every phrase it ANDs,
so a facet token found in most rows ("_v0", no vote) costs as much as such a word. A yes/no
filter is therefore asked for as NOT the other value's token when that one is the rarer.

Whether a phrase is "in most rows" is estimated on the newest ``SAMPLE`` index rows.
"""

from __future__ import annotations

from django.db import connection

# How many of the newest index rows a phrase's share of the rows is estimated on: large
# enough that the estimate is within a few per cent, small enough to cost well under a ms.
SAMPLE = 2000


def _one(sql: str, params: list) -> tuple:
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


class Sample:
    """The newest ``SAMPLE`` index rows, read once per search and only if asked."""

    def __init__(self) -> None:
        self._bound: tuple[int, int | None] | None = None

    def _rows(self) -> tuple[int, int | None]:
        if self._bound is None:
            self._bound = _one(
                "SELECT count(*), min(sort_key) FROM"
                " (SELECT sort_key FROM search_entry ORDER BY sort_key DESC LIMIT %s) AS s",
                [SAMPLE],
            )
        return self._bound

    def common(self, phrase: str) -> bool:
        """Whether ``phrase`` (quoted FTS5) is in at least half of the sampled rows: where bm25
        gives it an idf of (almost) zero."""
        sampled, oldest = self._rows()
        if not sampled:
            return False
        hits = _one(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s AND rowid >= %s", [phrase, oldest]
        )
        return 2 * hits[0] >= sampled


def scored_phrases(phrases: list[str], sample: Sample | None = None) -> list[str]:
    """The query's phrases (quoted FTS5 phrases, facets not included) minus those found in at
    least half of the sampled rows. When that would drop all of them, all are kept: their
    near-zero idfs are then all bm25 orders by."""
    if len(phrases) < 2:
        return phrases
    sample = sample or Sample()
    kept = [p for p in phrases if not sample.common(p)]
    return kept or phrases


def yes_no(wanted: str, other: str, sample: Sample) -> tuple[str | None, str | None]:
    """A yes/no filter whose rows each hold exactly one of two tokens, ``wanted`` (the value
    asked for) or ``other``: (token a row must hold, None), or (None, token it must not hold)
    when ``wanted`` is in most rows and ``other`` therefore the shorter doclist."""
    return (None, other) if sample.common(wanted) else (wanted, None)
