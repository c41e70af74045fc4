"""The two engines behind ``protokoll.search.api.search``: each turns a parsed ``Query`` and the
filters into one SQL statement over the index that returns a page of (item id, score) and the
total. Everything the user typed reaches SQL as a bound parameter, never as SQL text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection

from protokoll.search.text import Query, fts5_match


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


Page = tuple[int, list[tuple[int, float]]]


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def _page(sql: str, params: list, count_sql: str, count_params: list, limit: int, offset: int) -> Page:
    """The page, then the total. Counted by a second statement: counting needs no ranking, so it
    is cheap next to the ranked page, whereas a window count in the page statement would make
    the engine keep every match instead of the top ``limit + offset`` (docs/benchmarks.md)."""
    rows = _run(sql + " LIMIT %s OFFSET %s", [*params, limit, offset])
    page = [(r[0], float(r[1])) for r in rows]
    if offset == 0 and len(rows) < limit:
        return len(rows), page
    return _run(count_sql, count_params)[0][0], page


def browse(filters: Filters, limit: int, offset: int) -> Page:
    """No query words: the filtered §§, newest first."""
    where, params = filters.where()
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = f"SELECT e.item_id, 0 FROM search_entry e {clause} ORDER BY e.date DESC, e.item_id DESC"
    return _page(sql, params, f"SELECT count(*) FROM search_entry e {clause}", params, limit, offset)


class SQLiteBackend:
    """FTS5 over Snowball stems; bm25 with the title weighted 4:1 (``rank`` set in migration)."""

    @staticmethod
    def raw(query: Query, limit: int) -> list[tuple[int, float]]:
        """The bare FTS5 query for the same terms and the same top 20 (the benchmark's yardstick)."""
        return _run(
            "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH %s ORDER BY rank, rowid DESC LIMIT %s",
            [fts5_match(query), limit],
        )

    def search(self, query: Query, filters: Filters, order: str, limit: int, offset: int) -> Page:
        match = fts5_match(query)
        where, params = filters.where()
        if order == "date" or where:
            conditions = " AND ".join(["search_fts MATCH %s", *where])
            # The planner would take the unique item_id index and then read the wide row;
            # the covering index answers the filters and the date from one narrow lookup.
            base = (
                "FROM search_fts JOIN search_entry e INDEXED BY search_entry_filters "
                f"ON e.item_id = search_fts.rowid WHERE {conditions}"
            )
            sort = "e.date DESC, e.item_id DESC" if order == "date" else "search_fts.rank, e.item_id DESC"
            sql = f"SELECT e.item_id, -search_fts.rank {base} ORDER BY {sort}"
        else:
            base = "FROM search_fts WHERE search_fts MATCH %s"
            sql = f"SELECT rowid, -rank {base} ORDER BY rank, rowid DESC"
        all_params = [match, *params]
        return _page(sql, all_params, f"SELECT count(*) {base}", all_params, limit, offset)


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
        sort = "e.date DESC, e.item_id DESC" if order == "date" else "2 DESC, e.item_id DESC"
        sql = f"SELECT e.item_id, ts_rank(e.document, tq.q) {base} ORDER BY {sort}"
        all_params = [*tparams, *params]
        return _page(sql, all_params, f"SELECT count(*) {base}", all_params, limit, offset)


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
