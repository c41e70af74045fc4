"""The two engines behind ``protokoll.search.api.search``: each turns a parsed ``Query`` and the
filters into SQL over the index that returns a page of (item id, score) and the total
(counted up to ``RANK_WINDOW``). Everything the user typed reaches SQL as a bound parameter, never as SQL text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection

from protokoll.search import facets, ranking
from protokoll.search.text import Query, fts5_match, fts5_phrases


@dataclass(frozen=True)
class Filters:
    municipality_id: int | None = None
    body_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    party: str | None = None
    outcome: str | None = None
    has_vote: bool | None = None
    has_reservation: bool | None = None

    def where(self, alias: str = "e") -> tuple[list[str], list]:
        sql: list[str] = []
        params: list = []
        for column, value in (
            ("municipality_id", self.municipality_id),
            ("body_id", self.body_id),
            ("outcome", self.outcome),
            ("has_vote", self.has_vote),
            ("has_reservation", self.has_reservation),
        ):
            if value is not None:
                sql.append(f"{alias}.{column} = %s")
                params.append(value)
        if self.date_from is not None:
            sql.append(f"{alias}.date >= %s")
            params.append(self.date_from)
        if self.date_to is not None:
            sql.append(f"{alias}.date <= %s")
            params.append(self.date_to)
        if self.party:
            sql.append(f"{alias}.parties LIKE %s")
            params.append(f"%|{self.party}|%")
        return sql, params

    @property
    def any(self) -> bool:
        return bool(self.where()[0])


# Relevance ranking looks at no more than the newest RANK_WINDOW matches, and the total is
# counted up to it: a broad query costs the same as one matching RANK_WINDOW §§, and a query
# matching fewer gets exactly the full ranking (docs/search.md, "Broad queries").
RANK_WINDOW = 10_000


class Page(NamedTuple):
    total: int
    rows: list[tuple[int, float]]
    more: bool = False  # there are more matches than ``total``: it is a lower bound


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def _window(limit: int, offset: int) -> int:
    """How many of the newest matches are ranked and counted: RANK_WINDOW, or more when the
    page asked for lies beyond it (pages are capped, so this stays bounded)."""
    return max(RANK_WINDOW, offset + limit)


def _capped_count(sql: str, params: list, window: int) -> Page:
    """Count the matches of ``sql`` (a SELECT of matching rows) up to ``window`` + 1."""
    n = _run(f"SELECT count(*) FROM ({sql} LIMIT %s) AS c", [*params, window + 1])[0][0]
    return Page(min(n, window), [], n > window)


def _newest_first(
    sql: str, params: list, count_sql: str, limit: int, offset: int, after_page: list | None = None
) -> Page:
    """A page in date order, then the total counted up to the window by ``count_sql`` (which
    selects the same matches, unordered and unranked, with ``params``). ``sql`` ends in its
    ORDER BY; or, given ``after_page``, holds its own LIMIT and OFFSET, followed by the
    parameters in ``after_page``."""
    if after_page is None:
        rows = _run(sql + " LIMIT %s OFFSET %s", [*params, limit, offset])
    else:
        rows = _run(sql, [*params, limit, offset, *after_page])
    page = [(r[0], float(r[1])) for r in rows]
    if offset == 0 and len(rows) < limit:
        return Page(len(rows), page)
    counted = _capped_count(count_sql, params, _window(limit, offset))
    return Page(counted.total, page, counted.more)


def _ranked(
    sql: str,
    params: list,
    count_sql: str,
    key: str,
    limit: int,
    offset: int,
    after_window: list | None = None,
) -> Page:
    """A page by relevance. ``sql`` ranks the newest ``window`` matches and yields (id, score,
    matches ranked, oldest sort key ranked); its parameters are ``params``, the window,
    ``after_window``, limit and offset. When the window is full, one more probe asks whether
    any match is older (``count_sql`` with ``key`` < that oldest key)."""
    window = _window(limit, offset)
    rows = _run(sql, [*params, window, *(after_window or []), limit, offset])
    if not rows:
        return _capped_count(count_sql, params, window) if offset else Page(0, [])
    n, oldest = rows[0][2], rows[0][3]
    more = n == window and bool(_run(f"{count_sql} AND {key} < %s LIMIT 1", [*params, oldest]))
    return Page(n, [(r[0], float(r[1])) for r in rows], more)


def browse(filters: Filters, limit: int, offset: int) -> Page:
    """No query words: the filtered §§, newest first."""
    where, params = filters.where()
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = f"SELECT e.item_id, 0 FROM search_entry e {clause} ORDER BY e.sort_key DESC"
    return _newest_first(sql, params, f"SELECT 1 FROM search_entry e {clause}", limit, offset)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def facet_match(filters: Filters, sample: ranking.Sample | None = None) -> tuple[list[str], list[str]]:
    """The filters (all but the dates) as FTS5 phrases over the facet tokens: those a row must
    hold and those it must not. Given a ``sample``, a yes/no filter whose value is in most
    rows is asked for as NOT the other value (``ranking.yes_no``); without one, every filter
    is a token to hold."""
    required = []
    if filters.municipality_id is not None:
        required.append(facets.municipality_term(filters.municipality_id))
    if filters.body_id is not None:
        required.append(facets.body_term(filters.body_id))
    if filters.outcome is not None:
        required.append(facets.outcome_term(filters.outcome))
    if filters.party:
        required.append(facets.party_term(filters.party))
    required = [_quoted(t) for t in required]
    excluded = []
    for value, term in (
        (filters.has_vote, facets.vote_term),
        (filters.has_reservation, facets.reservation_term),
    ):
        if value is None:
            continue
        wanted, other = _quoted(term(value)), _quoted(term(not value))
        need, avoid = ranking.yes_no(wanted, other, sample) if sample else (wanted, None)
        required += [need] if need else []
        excluded += [avoid] if avoid else []
    return required, excluded


class SQLiteBackend:
    """FTS5 over Snowball stems; bm25 with the title weighted 4:1 (``rank`` set in migration).
    The rowid is the date-ordered ``sort_key`` and the filters are tokens of the facet column,
    so every search is one MATCH walking the doclists, with no join and no lookup per match."""

    @staticmethod
    def raw(query: Query, limit: int) -> list[tuple[int, float]]:
        """The bare FTS5 query for the same terms and the top 20 by bm25 over every match
        (the benchmark's yardstick; rowids are sort keys)."""
        return _run(
            "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH %s ORDER BY rank, rowid DESC LIMIT %s",
            [fts5_match(query), limit],
        )

    def search(self, query: Query, filters: Filters, order: str, limit: int, offset: int) -> Page:
        phrases = fts5_phrases(query)
        sample = ranking.Sample()
        required, excluded = facet_match(filters, sample)
        match = " ".join([*phrases, *required])
        if excluded:
            match = f"({match}) " + " ".join(f"NOT {t}" for t in excluded)
        conditions, params = "search_fts MATCH %s", [match]
        keys = facets.key_range(filters.date_from, filters.date_to)
        if keys:
            conditions += " AND search_fts.rowid BETWEEN %s AND %s"
            params += list(keys)
        matches = f"SELECT rowid FROM search_fts WHERE {conditions}"
        scored = " ".join(ranking.scored_phrases(phrases, sample))
        if order == "date" and scored == match:
            sql = f"SELECT rowid, -rank FROM search_fts WHERE {conditions} ORDER BY rowid DESC"
            page = _newest_first(sql, params, matches, limit, offset)
        elif order == "date":
            # The page by the whole MATCH, its scores by the phrases that can change them (as
            # for relevance below): bm25 over the whole MATCH would count every row holding a
            # common word or facet token just to score 20.
            sql = (
                "WITH w AS MATERIALIZED"
                f" (SELECT rowid AS k FROM search_fts WHERE {conditions} ORDER BY rowid DESC LIMIT %s OFFSET %s),"
                " b AS (SELECT min(k) AS lo, max(k) AS hi FROM w)"
                " SELECT s.rowid AS k, -s.rank FROM b CROSS JOIN search_fts AS s"
                " WHERE s.search_fts MATCH %s AND s.rowid BETWEEN b.lo AND b.hi AND +s.rowid IN (SELECT k FROM w)"
                " ORDER BY k DESC"
            )
            page = _newest_first(sql, params, matches, limit, offset, [scored])
        elif scored == match:
            # FTS5 walks the doclists newest first and stops after the window, scoring
            # only those rows; the outer query ranks them (ties newest first). The CTE
            # states the count once, for the page and for ``_ranked``; it is no slower
            # than count(*) OVER () (docs/benchmarks.md, "--costs").
            sql = (
                "WITH w AS MATERIALIZED"
                f" (SELECT rowid AS k, rank AS r FROM search_fts WHERE {conditions} ORDER BY rowid DESC LIMIT %s),"
                " b AS (SELECT count(*) AS n, min(k) AS lo FROM w)"
                " SELECT k, -r AS score, b.n, b.lo FROM b CROSS JOIN w ORDER BY score DESC, k DESC LIMIT %s OFFSET %s"
            )
            page = _ranked(sql, params, matches, "search_fts.rowid", limit, offset)
        else:
            # The window is chosen by the whole MATCH without scoring it; bm25 then scores
            # those rows by the phrases that can change their order (``ranking``): a second
            # MATCH over the window's rowid span, scored only where the row is in the
            # window (the IN is tested before ``rank`` is read; ``+`` keeps it from becoming
            # one FTS5 lookup per rowid).
            sql = (
                "WITH w AS MATERIALIZED"
                f" (SELECT rowid AS k FROM search_fts WHERE {conditions} ORDER BY rowid DESC LIMIT %s),"
                " b AS (SELECT count(*) AS n, min(k) AS lo, max(k) AS hi FROM w)"
                " SELECT s.rowid AS k, -s.rank AS score, b.n, b.lo FROM b CROSS JOIN search_fts AS s"
                " WHERE s.search_fts MATCH %s AND s.rowid BETWEEN b.lo AND b.hi AND +s.rowid IN (SELECT k FROM w)"
                " ORDER BY score DESC, k DESC LIMIT %s OFFSET %s"
            )
            page = _ranked(sql, params, matches, "search_fts.rowid", limit, offset, [scored])
        return page._replace(rows=[(facets.item_id_of(k), score) for k, score in page.rows])


class PostgresBackend:
    """tsvector (``swedish``) with a GIN index; the query from plainto_tsquery/phraseto_tsquery
    of the sanitised words, so no tsquery operator a user types has any effect."""

    @staticmethod
    def tsquery(query: Query) -> tuple[str, list]:
        parts, params = [], []
        if query.words:
            parts.append("plainto_tsquery('swedish', %s)")
            params.append(" ".join(query.words))
        for phrase in query.phrases:
            parts.append("phraseto_tsquery('swedish', %s)")
            params.append(" ".join(phrase))
        return "(" + " && ".join(parts) + ")", params

    def raw(self, query: Query, limit: int) -> list[tuple[int, float]]:
        tsq, params = self.tsquery(query)
        return _run(
            f"SELECT item_id, ts_rank(document, tq.q) AS s FROM search_entry, (SELECT {tsq} AS q) tq "
            "WHERE document @@ tq.q ORDER BY s DESC LIMIT %s",
            [*params, limit],
        )

    def search(self, query: Query, filters: Filters, order: str, limit: int, offset: int) -> Page:
        tsq, tparams = self.tsquery(query)
        where, params = filters.where()
        conditions = " AND ".join(["e.document @@ tq.q", *where])
        base = f"FROM search_entry e, (SELECT {tsq} AS q) tq WHERE {conditions}"
        all_params = [*tparams, *params]
        matches = f"SELECT 1 {base}"
        if order == "date":
            sql = f"SELECT e.item_id, ts_rank(e.document, tq.q) {base} ORDER BY e.sort_key DESC"
            return _newest_first(sql, all_params, matches, limit, offset)
        # The same bounded ranking as on SQLite: ts_rank over the newest ``window`` matches.
        sql = (
            "SELECT c.item_id, ts_rank(c.document, c.q) AS score, count(*) OVER () AS n,"
            " min(c.sort_key) OVER () AS oldest FROM"
            f" (SELECT e.item_id, e.sort_key, e.document, tq.q {base} ORDER BY e.sort_key DESC LIMIT %s) c"
            " ORDER BY score DESC, c.sort_key DESC LIMIT %s OFFSET %s"
        )
        return _ranked(sql, all_params, matches, "e.sort_key", limit, offset)


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
