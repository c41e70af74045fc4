"""Search latency on a large SQLite archive: ``search()`` next to the bare FTS5 query.

Run by hand, when no tests are running, under the test lock (it takes several minutes):

    flock /tmp/protokoll-test.lock .venv/bin/python bench/bench_search.py --paragraphs 2000000

It generates Exempelstad protocols with the demo generator until at least ``--paragraphs`` §§
exist, writes the archive rows the search reads (municipality, bodies, meetings, §§, yrkanden)
and the index rows straight into a fresh SQLite file under bench/out/ in bulk (loading 2 M §§
through the ORM would take hours; the index rows are computed by the same functions
``protokoll.search.indexing`` uses), then times a fixed query set: ``search()`` (page of 20,
total, snippets, read through ``protokoll.web.public``) and the raw FTS5 query for the same terms
(``SELECT rowid, rank … MATCH … ORDER BY rank, rowid DESC LIMIT 20``). Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"

QUERIES: list[tuple[str, dict]] = [
    ("skolmåltider", {}),
    ("maxtaxan", {}),
    ("prisbasbeloppet", {}),
    ("äldreomsorgen", {}),
    ("Tallmon", {}),
    ("bygglov Norrmalm", {}),
    ("detaljplan", {}),
    ("beslutade om bygglov", {}),
    ('"förklara uppdraget slutfört"', {}),
    ("återremiss kostnader", {}),
    ("maxtaxan", {"order": "date"}),
    ("skolmåltider", {"has_vote": True}),
]
# Not the set: a word in most §§ alone, and filters that most §§ pass (their facet
# tokens are as common as such a word), for ``--set extra``.
EXTRA: list[tuple[str, dict]] = [
    ("beslutade", {}),
    ("beslutade nämnden", {}),
    ("bygglov", {"has_vote": False}),
    ("bygglov", {"has_reservation": False, "has_vote": False}),
    ("detaljplan", {"date_from": "2020-01-01"}),
    ("beslutade om bygglov", {"has_vote": False}),
    ("beslutade om bygglov", {"order": "date"}),
    ("bygglov", {"has_vote": False, "order": "date"}),
]
SETS = {"issue": QUERIES, "extra": EXTRA}


def _setup(db: Path, fresh: bool) -> None:
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["PROTOKOLL_DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protokoll.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _load(paragraphs: int, seed: int) -> dict:
    from django.db import connection

    from protokoll.archive.loading import get_body, get_municipality
    from protokoll.demo import iter_document_dicts
    from protokoll.search.facets import facet_terms, sort_key
    from protokoll.search.text import index_terms, item_text, parties_key

    connection.ensure_connection()
    raw = connection.connection
    raw.execute("PRAGMA synchronous=OFF")
    raw.execute("PRAGMA cache_size=-400000")
    bodies: dict[str, tuple[int, int]] = {}
    now = dt.datetime.now(dt.UTC).isoformat()
    meeting_id = item_id = motion_id = 0
    n_items = n_indexed = 0
    meetings, items, motions, entries = [], [], [], []
    t0 = time.perf_counter()

    def flush() -> None:
        raw.executemany(
            "INSERT INTO archive_meeting (id, body_id, date, kind, has_source, published, content_hash,"
            " version, created_at, updated_at) VALUES (?, ?, ?, 'protocol', 0, 1, '', 1, ?, ?)",
            meetings,
        )
        raw.executemany(
            "INSERT INTO archive_item (id, meeting_id, position, paragraph, case_number, case_raw, title,"
            " confidential, visibility, outcome, decision, proposed_decision, background,"
            " immediately_adjusted, has_provenance, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 1)",
            items,
        )
        raw.executemany(
            "INSERT INTO archive_motion (id, item_id, position, kind, text, withdrawn) VALUES (?, ?, ?, ?, ?, ?)",
            motions,
        )
        raw.executemany(
            "INSERT INTO search_entry (item_id, meeting_id, body_id, municipality_id, date, paragraph,"
            " outcome, has_vote, has_reservation, parties, title_index, text_index, sort_key, facet_index)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            entries,
        )
        raw.commit()
        for rows in (meetings, items, motions, entries):
            rows.clear()

    for doc in iter_document_dicts(seed):
        if n_items >= paragraphs:
            break
        name = doc["body"]
        if name not in bodies:
            muni = get_municipality(doc["municipality"])
            body = get_body(muni, name)
            connection.commit() if not connection.get_autocommit() else None
            bodies[name] = (body.pk, muni.pk)
        body_id, muni_id = bodies[name]
        meeting_id += 1
        date = doc["meeting"]["date"]
        day = dt.date.fromisoformat(str(date))
        meetings.append((meeting_id, body_id, date, now, now))
        for position, it in enumerate(doc["items"]):
            item_id += 1
            n_items += 1
            secret = it["confidential"]
            items.append(
                (
                    item_id,
                    meeting_id,
                    position,
                    it["paragraph"],
                    it["case_number"],
                    it["case"]["raw"] if it["case"] else None,
                    it["title"],
                    secret,
                    "secret" if secret else "public",
                    it["outcome"],
                    it["decision"],
                    it["proposed_decision"],
                    it["background"],
                )
            )
            for mpos, mo in enumerate(it["motions"]):
                motion_id += 1
                motions.append((motion_id, item_id, mpos, mo["kind"], mo["text"], mo["withdrawn"]))
            if secret:
                continue  # withheld: never indexed (DOMAIN 1.10)
            text = item_text(
                it["title"],
                it["case_number"],
                it["decision"],
                it["proposed_decision"],
                it["background"],
                [mo["text"] for mo in it["motions"]],
            )
            parties = [
                p["party"]
                for group in ("motions", "reservations", "statements")
                for row in it[group]
                for p in row["by"]
            ]
            entries.append(
                (
                    item_id,
                    meeting_id,
                    body_id,
                    muni_id,
                    date,
                    it["paragraph"],
                    it["outcome"],
                    bool(it["votes"]),
                    bool(it["reservations"]),
                    parties_key(parties),
                    index_terms(text.title),
                    index_terms(text.text),
                    sort_key(day, item_id),
                    facet_terms(
                        body_id,
                        muni_id,
                        it["outcome"],
                        bool(it["votes"]),
                        bool(it["reservations"]),
                        parties,
                    ),
                )
            )
            n_indexed += 1
        if len(items) >= 20000:
            flush()
            rate = n_items / (time.perf_counter() - t0)
            print(f"\r{n_items:>9} §§ ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    flush()
    load_s = time.perf_counter() - t0
    print(file=sys.stderr)
    t1 = time.perf_counter()
    raw.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    raw.execute("ANALYZE")
    raw.commit()
    return {
        "meetings": meeting_id,
        "paragraphs": n_items,
        "indexed": n_indexed,
        "load_s": load_s,
        "optimize_s": time.perf_counter() - t1,
    }


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def _time(fn, repeat: int) -> list[float]:
    fn()  # warm the page cache and statement cache
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _exact(query, filters) -> list[int]:
    """The top 20 by bm25 over every match (facet phrases weigh 0), filters included."""
    from protokoll.search.backends import _run, facet_match
    from protokoll.search.facets import item_id_of, key_range
    from protokoll.search.text import fts5_match

    sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
    required = facet_match(filters)
    if isinstance(required, tuple):  # (required, excluded) since the NOT form; a list before
        required = required[0]
    params: list = [" ".join([fts5_match(query), *required])]
    keys = key_range(filters.date_from, filters.date_to)
    if keys:
        sql += " AND rowid BETWEEN %s AND %s"
        params += list(keys)
    return [item_id_of(r[0]) for r in _run(sql + " ORDER BY rank, rowid DESC LIMIT 20", params)]


def _measure(queries: list[tuple[str, dict]], repeat: int) -> dict:
    from protokoll.search.api import make_filters, search
    from protokoll.search.backends import SQLiteBackend
    from protokoll.search.text import parse_query

    engine = SQLiteBackend()
    rows, all_s, all_e, all_r = [], [], [], []
    for q, opts in queries:
        page = search(q, **opts)
        query = parse_query(q)
        order = opts.get("order", "relevance")
        filters = make_filters(**{k: v for k, v in opts.items() if k != "order"})
        s = _time(lambda q=q, opts=opts: search(q, **opts), repeat)
        e = _time(lambda query=query, f=filters, o=order: engine.search(query, f, o, 20, 0), repeat)
        r = _time(lambda query=query: SQLiteBackend.raw(query, 20), repeat)
        all_s += s
        all_e += e
        all_r += r
        label = q + (" " + " ".join(f"{k}={v}" for k, v in opts.items()) if opts else "")
        total = f"> {page.total:,}" if page.total_is_lower_bound else f"{page.total:,}"
        # How many of the exact top 20 (bm25 over every match) the page shows, in the same order
        # or not; only meaningful for relevance order.
        same = "–"
        if order == "relevance":
            exact = _exact(query, filters)
            ids = [h.item_id for h in page.hits]
            same = "20/20, same order" if ids == exact else f"{len(set(ids) & set(exact))}/20"
        rows.append((label, total, s, e, r, same))
    return {"rows": rows, "search": all_s, "engine": all_e, "raw": all_r}


COSTS = {
    # The newest 10,000 matches, rowids only: what walking the doclists costs.
    "walk": "SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
    " ORDER BY rowid DESC LIMIT 10000)",
    # The same with bm25 read for each: the walk, the idf counts and 10,000 scorings.
    "walk+rank": "SELECT count(*), sum(r) FROM (SELECT rowid, rank AS r FROM search_fts"
    " WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 10000)",
    # bm25 of the newest match only: nearly all of it is the idf counts over the whole table.
    "rank of 1": "SELECT rank FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 1",
    # The top 20 of the newest 10,000 with the count, by window functions and by a CTE.
    "window fns": "SELECT k, -r AS score, count(*) OVER () AS n, min(k) OVER () AS oldest FROM"
    " (SELECT rowid AS k, rank AS r FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 10000)"
    " ORDER BY score DESC, k DESC LIMIT 20",
    "CTE": "WITH w AS MATERIALIZED (SELECT rowid AS k, rank AS r FROM search_fts WHERE search_fts MATCH %s"
    " ORDER BY rowid DESC LIMIT 10000), b AS (SELECT count(*) AS n, min(k) AS lo FROM w)"
    " SELECT k, -r AS score, b.n, b.lo FROM b CROSS JOIN w ORDER BY score DESC, k DESC LIMIT 20",
}


def _costs(expressions: list[str], repeat: int) -> None:
    """Where the time of a MATCH goes: median ms of ``repeat`` rounds after one warm-up, each
    round running every statement once (so that a busy moment of the machine hits all)."""
    from protokoll.search.backends import _run

    print("| MATCH | " + " | ".join(COSTS) + " |")
    print("|---|" + "---:|" * len(COSTS))
    for expr in expressions:
        times: dict[str, list[float]] = {name: [] for name in COSTS}
        for sql in COSTS.values():
            _run(sql, [expr])
        for _ in range(repeat):
            for name, sql in COSTS.items():
                t0 = time.perf_counter()
                _run(sql, [expr])
                times[name].append((time.perf_counter() - t0) * 1000)
        print(f"| `{expr}` | " + " | ".join(f"{statistics.median(t):.1f}" for t in times.values()) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", type=Path, default=OUT / "search.sqlite3")
    ap.add_argument("--reuse", action="store_true", help="time an archive built by an earlier run")
    ap.add_argument("--set", choices=sorted(SETS), default="issue", help="which query set to time")
    ap.add_argument(
        "--costs", nargs="+", metavar="MATCH", help="time the parts of these FTS5 MATCH expressions"
    )
    ap.add_argument("--window", type=int, help="RANK_WINDOW for this run (default: the one in backends.py)")
    a = ap.parse_args(argv)
    a.db.parent.mkdir(parents=True, exist_ok=True)
    _setup(a.db, fresh=not a.reuse)
    if not a.reuse:
        info = _load(a.paragraphs, a.seed)
        print(
            f"archive: {info['paragraphs']:,} §§ in {info['meetings']:,} meetings, {info['indexed']:,} indexed; "
            f"load {info['load_s']:.0f} s, optimize {info['optimize_s']:.0f} s; "
            f"file {a.db.stat().st_size / 1e9:.2f} GB"
        )
    from protokoll.search import backends

    if a.costs:
        _costs(a.costs, a.repeat)
        return 0
    if a.window:
        backends.RANK_WINDOW = a.window
    print(f"rank window: {backends.RANK_WINDOW:,} newest matches")
    m = _measure(SETS[a.set], a.repeat)
    med = statistics.median
    print("ms per query (median over runs): search() = page of 20 with total, rows and snippets;")
    print("engine = the index query behind it (page + total); raw = bare FTS5 top 20 for the same terms")
    print(
        "| query | hits | search() p50 | p95 | engine p50 | raw FTS5 p50 | p95 | search/raw | engine/raw | top 20 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for label, total, s, e, r, same in m["rows"]:
        print(
            f"| `{label}` | {total} | {med(s):.1f} | {_pct(s, 0.95):.1f} | {med(e):.1f} | {med(r):.1f} | "
            f"{_pct(r, 0.95):.1f} | {med(s) / med(r):.2f} | {med(e) / med(r):.2f} | {same} |"
        )
    s, e, r = m["search"], m["engine"], m["raw"]
    print(
        f"all runs: search() p50 {med(s):.1f} ms, p95 {_pct(s, 0.95):.1f} ms; engine p50 {med(e):.1f}, "
        f"p95 {_pct(e, 0.95):.1f}; raw FTS5 p50 {med(r):.1f} ms, p95 {_pct(r, 0.95):.1f} ms; "
        f"ratio search/raw p50 {med(s) / med(r):.2f}, p95 {_pct(s, 0.95) / _pct(r, 0.95):.2f}; "
        f"engine/raw p50 {med(e) / med(r):.2f}, p95 {_pct(e, 0.95) / _pct(r, 0.95):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
