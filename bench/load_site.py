"""A bounded loopback load of the public site and API (issue 5, "Fuzzing and load").

Fills a demo SQLite archive under bench/out/load/, starts the server (``--server``: gunicorn as
``protokoll serve`` runs it, waitress, or Django's threaded runserver-style server) on a free
127.0.0.1 port in its own process, finds the public URLs by crawling the site and the API, then
runs ``--clients`` concurrent keep-alive clients for ``--seconds`` (or until ``--max-requests``)
over a weighted mix of URL kinds: start page, municipality and body pages, protocol pages and
their .json, case, person and uppdrag pages, search with varied and malformed queries, /api/
lists and details, Atom feeds, iCal and CSV exports. It stops by itself and stops the server.

    flock /tmp/protokoll-test.lock .venv/bin/python bench/load_site.py --clients 100 --seconds 120

Reports total requests, errors (any 5xx or connection failure; the run exits non-zero on one),
4xx answers, throughput and p50/p95/p99 latency per URL kind.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

OUT = Path(__file__).parent / "out" / "load"
HOST = "127.0.0.1"  # loopback only: this never talks to another machine

SERVER = """
import socket, sys
import django
django.setup()
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application

class Handler(WSGIRequestHandler):
    def setup(self):
        super().setup()
        # wsgiref sends headers and body separately; without TCP_NODELAY a keep-alive response
        # waits for the client's delayed ACK (see bench/bench_web.py).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

class Server(ThreadedWSGIServer):
    # The default listen backlog (10) drops SYNs when 100 clients connect at once; a deployment
    # behind a real server has a backlog of hundreds.
    request_queue_size = 256

django_app = get_wsgi_application()
workers = int(sys.argv[2])
if workers:
    # A worker pool as gunicorn (gthread) or waitress has one: at most N requests run at once,
    # the rest wait their turn, instead of one thread per connection all sharing the GIL.
    import threading
    gate = threading.BoundedSemaphore(workers)

    def app(environ, start_response):
        with gate:
            return list(django_app(environ, start_response))
else:
    app = django_app

server = Server(("127.0.0.1", int(sys.argv[1])), Handler)
server.set_app(app)
print("ready", flush=True)
server.serve_forever()
"""

# The production path: protokoll.web.serving (waitress with a fixed thread pool), as
# `protokoll serve` and `make serve` run it.
WAITRESS = """
import sys
import django
django.setup()
from protokoll.web.serving import serve
serve(f"127.0.0.1:{sys.argv[1]}", threads=int(sys.argv[2]) or 4, server="waitress")
"""

GUNICORN = """
import sys
import django
django.setup()
from protokoll.web.serving import serve
serve(f"127.0.0.1:{sys.argv[1]}", threads=int(sys.argv[2]) or 2, server="gunicorn")
"""

FILL = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from protokoll.archive.loading import load_document
from protokoll.demo import generate
for doc in generate(1):
    load_document(doc)
"""

# Queries a reader types, and ones a naive FTS query would choke on (issue 4: a malformed query
# is treated as plain words, never an error).
QUERIES = [
    "bygglov", "beslutade", "skolmåltider", "maxtaxan", "äldreomsorgen", "detaljplan Norrmalm",
    "återremiss kostnader", '"förklara uppdraget slutfört"', "budget 2025", "Tallmon", "ö", "å ä ö",
    '"unbalanced', "((x", "a OR", "NOT", "NEAR(", "col:umn", "bygg*", "*", "^", "-", "AND AND",
    "'; DROP TABLE x; --", "%", "_", "\\", "\x00", "<script>alert(1)</script>", "ÅÄÖ" * 50,
    "x" * 2000, "1=1", "{}", "[]", "😀", "null", "",
]  # fmt: skip
SEARCH_FILTERS = ["", "&order=date", "&has_vote=1", "&has_reservation=1", "&from=2025-01-01&to=2025-06-30",
                  "&from=not-a-date", "&page=2", "&page=99999", "&page=-1", "&party=S", "&outcome=bifall"]  # fmt: skip

# Relative weight of each URL kind in the mix (roughly what a public archive serves).
WEIGHTS = {
    "start": 4, "municipality": 3, "body": 6, "protocol": 20, "protocol_json": 8, "case": 6, "person": 4,
    "party": 2, "uppdrag": 2, "search": 12, "api_list": 10, "api_detail": 8, "api_search": 4, "feed": 5,
    "ical": 2, "csv": 1, "static": 3,
}  # fmt: skip


def classify(path: str) -> str | None:
    """The URL kind of a public path, or None for paths outside the public site."""
    p = urlsplit(path).path
    if p == "/":
        return "start"
    if p == "/stil.css" or p == "/tillganglighet/":
        return "static"
    if p.startswith("/sok/"):
        return "search"
    if p.startswith("/api/"):
        if p.endswith(".atom"):
            return "feed"
        if p.endswith(".ics"):
            return "ical"
        if p.endswith(".csv"):
            return "csv"
        if p.startswith("/api/search"):
            return "api_search"
        if p.startswith("/api/export/") or p.endswith("/protokoll.json") or p == "/api/openapi.json":
            return None  # the full dump and whole documents are downloads, not browsing
        if p.endswith("/") or p == "/api/":
            return "api_list"
        return "api_detail"
    m = re.fullmatch(r"/kommun/[^/]+/(.*)", p)
    if not m:
        return None
    rest = m.group(1)
    if rest == "":
        return "municipality"
    if rest.startswith("arende/"):
        return "case"
    if rest.startswith("person/") or rest == "personer/":
        return "person"
    if rest.startswith("parti/"):
        return "party"
    if rest == "uppdrag/":
        return "uppdrag"
    if re.fullmatch(r"[^/]+/\d{4}-\d\d-\d\d\.json", rest):
        return "protocol_json"
    if re.fullmatch(r"[^/]+/\d{4}-\d\d-\d\d/", rest):
        return "protocol"
    if re.fullmatch(r"[^/]+/", rest):
        return "body"
    return None


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _json_links(value) -> list[str]:
    """Every string in an API answer that is a local URL (OParl-style resources link by URL)."""
    out: list[str] = []
    if isinstance(value, dict):
        for v in value.values():
            out += _json_links(v)
    elif isinstance(value, list):
        for v in value:
            out += _json_links(v)
    elif isinstance(value, str) and (value.startswith("/") or value.startswith(f"http://{HOST}")):
        out.append(value)
    return out


def _local(link: str, port: int) -> str | None:
    parts = urlsplit(link)
    if parts.scheme and (parts.hostname != HOST or parts.port not in (port, None)):
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(port: int, limit: int) -> dict[str, list[str]]:
    """Public URLs by kind, found from the start page and the API index.

    Links wait in one queue per kind and the kind with the fewest pages found so far is
    visited next, so that the many API links do not crowd out protocol, case or person pages."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    seen: set[str] = set()
    queues: dict[str, list[str]] = defaultdict(list)
    for path in (
        "/",
        "/api/",
        "/api/bodies/",
        "/api/meetings/",
        "/api/persons/",
        "/api/votes/",
        "/api/cases/",
    ):
        queues[classify(path) or ""].append(path)
        seen.add(path)
    found: dict[str, list[str]] = defaultdict(list)
    per_kind_cap = max(10, limit // 10)
    visited = 0
    while visited < limit:
        ready = [k for k, q in queues.items() if q and len(found[k]) < per_kind_cap]
        if not ready:
            break
        kind = min(ready, key=lambda k: len(found[k]))
        path = queues[kind].pop(0)
        visited += 1
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            continue
        found[kind].append(path)
        ctype = response.getheader("Content-Type", "")
        links: list[str] = []
        if "html" in ctype:
            parser = _Links()
            parser.feed(body.decode("utf-8", "replace"))
            links = parser.links
        elif "json" in ctype:
            links = _json_links(json.loads(body))
        for link in links:
            local = _local(link, port)
            link_kind = classify(local) if local else None
            if local and link_kind and local not in seen:
                seen.add(local)
                queues[link_kind].append(local)
    conn.close()
    # The .json twin of a protocol page answers the same data (issue 4) but is seldom linked.
    found["protocol_json"] = sorted(
        set(found.get("protocol_json", [])) | {p[:-1] + ".json" for p in found.get("protocol", [])}
    )
    return dict(found)


def search_urls(rng: random.Random, n: int) -> tuple[list[str], list[str]]:
    site, api = [], []
    for _ in range(n):
        q = quote(rng.choice(QUERIES))
        f = rng.choice(SEARCH_FILTERS)
        site.append(f"/sok/?q={q}{f}")
        api.append(f"/api/search?q={q}{f}")
    return site, api


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.errors: list[str] = []
        self.count = 0


def _client(
    port: int, urls: list[tuple[str, str]], seed: int, deadline: float, cap: int, timeout: float, stats: Stats
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    while time.monotonic() < deadline:
        with stats.lock:
            if stats.count >= cap:
                break
            stats.count += 1
        kind, path = rng.choice(urls)
        began = time.perf_counter()
        status = 0
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            with stats.lock:
                stats.errors.append(f"{kind} {path[:80]}: {exc!r}")
        elapsed = time.perf_counter() - began
        with stats.lock:
            stats.times[kind].append(elapsed)
            stats.status[kind][status] += 1
            if status >= 500:
                stats.errors.append(f"{kind} {path[:80]}: HTTP {status}")
    conn.close()


def _pct(sorted_times: list[float], q: float) -> float:
    return 1000 * sorted_times[min(len(sorted_times) - 1, int(q * len(sorted_times)))]


def _env(database: Path) -> dict:
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "protokoll.settings"
    env["PROTOKOLL_DATABASE_URL"] = f"sqlite:///{database}"
    env["PROTOKOLL_SECRET_KEY"] = "bench-only"
    env.pop("PROTOKOLL_DEBUG", None)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _wait(port: int, server: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited before it listened")
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def _pool(server: str, workers: int) -> str:
    if server == "runserver":
        return f"{workers} requests at once" if workers else "one thread per connection"
    threads = workers or (2 if server == "gunicorn" else 4)
    return (
        f"{threads} threads per process, one process per core"
        if server == "gunicorn"
        else f"{threads} threads"
    )


def _server_header(port: int) -> str:
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request("GET", "/stil.css")
        response = conn.getresponse()
        response.read()
        return response.getheader("Server", "")
    finally:
        conn.close()


def _server_command(server: str, port: int, workers: int) -> list[str]:
    if server == "gunicorn":
        # As `protokoll serve` runs it: one process per core, a fixed pool of threads in each.
        return [sys.executable, "-c", GUNICORN, str(port), str(workers)]
    return [sys.executable, "-c", WAITRESS if server == "waitress" else SERVER, str(port), str(workers)]


def run(args: argparse.Namespace) -> dict:
    args.out.mkdir(parents=True, exist_ok=True)
    database = args.out / "load.sqlite3"
    env = _env(database)
    if not (args.reuse and database.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", FILL], env=env, check=True)
        print(f"filled {database} with the demo year in {time.perf_counter() - t0:.0f} s", flush=True)
    port = _free_port()
    server = subprocess.Popen(
        _server_command(args.server, port, args.workers), env=env, stdout=subprocess.DEVNULL
    )
    try:
        _wait(port, server, 60)
        # Which server answered, from its own Server header: the runs of 23 Nov 2026 labelled
        # "gunicorn" were in fact served by the runserver-style server (this call was missing).
        answered_by = _server_header(port)
        rng = random.Random(args.seed)
        found = crawl(port, args.crawl)
        site_q, api_q = search_urls(rng, 200)
        found["search"] = found.get("search", []) + site_q
        found["api_search"] = found.get("api_search", []) + api_q
        found.setdefault("csv", []).extend(["/api/export/decisions.csv", "/api/export/ballots.csv"])
        urls: list[tuple[str, str]] = []
        for kind, paths in sorted(found.items()):
            weight = WEIGHTS.get(kind, 1)
            urls += [(kind, p) for p in paths for _ in range(max(1, round(100 * weight / len(paths))))]
        print("URL kinds: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(found.items())), flush=True)

        stats = Stats()
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=_client,
                args=(port, urls, args.seed * 1000 + i, deadline, args.max_requests, args.timeout, stats),
            )
            for i in range(args.clients)
        ]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began
        alive = server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    total = sum(len(v) for v in stats.times.values())
    all_times = sorted(t for v in stats.times.values() for t in v)
    kinds = {}
    for kind, times in sorted(stats.times.items()):
        times.sort()
        kinds[kind] = {
            "requests": len(times),
            "p50_ms": round(_pct(times, 0.50), 1),
            "p95_ms": round(_pct(times, 0.95), 1),
            "p99_ms": round(_pct(times, 0.99), 1),
            "max_ms": round(1000 * times[-1], 1),
            "status": dict(sorted(stats.status[kind].items())),
        }
    return {
        "clients": args.clients,
        "timeout_s": args.timeout,
        "server": args.server,
        "server_header": answered_by,
        "workers": args.workers,
        "seconds": round(elapsed, 1),
        "requests": total,
        "errors": len(stats.errors) + (0 if alive else 1),
        "error_samples": stats.errors[:10] + ([] if alive else ["the server died"]),
        "client_4xx": sum(n for s in stats.status.values() for code, n in s.items() if 400 <= code < 500),
        "throughput": round(total / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(_pct(all_times, 0.50), 1) if all_times else None,
        "p95_ms": round(_pct(all_times, 0.95), 1) if all_times else None,
        "p99_ms": round(_pct(all_times, 0.99), 1) if all_times else None,
        "kinds": kinds,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--max-requests", type=int, default=1_000_000, help="stop after this many requests")
    ap.add_argument(
        "--workers",
        type=int,
        default=0,
        help="gunicorn: threads per process (0 = the shipped 2); waitress: threads (0 = 4); "
        "runserver: requests at once (0 = one thread per connection)",
    )
    ap.add_argument(
        "--server",
        choices=["gunicorn", "waitress", "runserver"],
        default="gunicorn",
        help="gunicorn (protokoll serve on Linux), waitress (protokoll serve without fork) or Django's "
        "runserver-style threaded server",
    )
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before a request counts as failed")
    ap.add_argument("--crawl", type=int, default=600, help="pages visited to find URLs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reuse", action="store_true", help="keep the archive of the previous run")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    r = run(args)
    print(f"\n{'kind':14} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}  status")
    for kind, k in r["kinds"].items():
        status = " ".join(f"{code}:{n}" for code, n in k["status"].items())
        print(
            f"{kind:14} {k['requests']:>8} {k['p50_ms']:>8} {k['p95_ms']:>8} {k['p99_ms']:>8} {k['max_ms']:>8}  {status}"
        )
    print(
        f"\n{r['clients']} clients, {r['server']} with "
        f"{_pool(r['server'], r['workers'])}, "
        f"(answered as {r['server_header']!r}), {r['seconds']} s: {r['requests']} requests, {r['throughput']} req/s; "
        f"p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, p99 {r['p99_ms']} ms; "
        f"errors {r['errors']} (5xx or connection failures), 4xx {r['client_4xx']}"
    )
    for e in r["error_samples"]:
        print(f"  error: {e}")
    (args.out / "last.json").write_text(json.dumps(r, indent=1) + "\n")
    return 1 if r["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
