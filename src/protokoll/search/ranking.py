"""Which phrases of a SQLite search bm25 has to score (docs/benchmarks.md, "## Search").

FTS5's bm25 pays for every phrase of the MATCH twice: once per query it walks every row of the
whole table that holds the phrase (to count them for the idf), and for every row it scores it
reads the phrase's hits in that row. A word found in most §§ ("beslut" in "beslutade om
bygglov") makes both expensive while changing nothing in the order, because bm25 gives a phrase
found in half the rows or more an idf of 1e-6 (its contribution to a score is below 3e-6). A
facet token changes nothing either: its column weighs 0. So the window of matches is chosen by
the whole MATCH, and scored by a MATCH of only the phrases that can change the order.
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


def scored_phrases(phrases: list[str]) -> list[str]:
    """The query's phrases (quoted FTS5 phrases, facets not included) minus those found in at
    least half of the newest ``SAMPLE`` rows: bm25's idf for them is (nearly) zero. When that
    would drop all of them, all are kept: their near-zero idfs are then all bm25 orders by."""
    if len(phrases) < 2:
        return phrases
    sampled, oldest = _one(
        "SELECT count(*), min(sort_key) FROM"
        " (SELECT sort_key FROM search_entry ORDER BY sort_key DESC LIMIT %s) AS s",
        [SAMPLE],
    )
    if not sampled:
        return phrases
    sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s AND rowid >= %s"
    common = {p for p in phrases if 2 * _one(sql, [p, oldest])[0] >= sampled}
    kept = [p for p in phrases if p not in common]
    return kept or phrases
