"""Page throughput of the protocol page under a bounded loopback load.

A fresh SQLite archive is filled with the Exempelstad demo year; a Django server (the threaded
WSGI server of ``runserver``, HTTP/1.1 keep-alive) runs in its own process; a fixed number of
client threads request protocol pages of every published meeting, round robin, for a fixed
number of requests. Prints requests per second and latency percentiles.

    .venv/bin/python bench/bench_web.py --requests 3000 --clients 4
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SERVER = """
import os, socket, sys
import django
django.setup()
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application

class Quiet(WSGIRequestHandler):
    def setup(self):
        super().setup()
        # wsgiref writes headers and body in two sends; without TCP_NODELAY every keep-alive
        # response waits ~40 ms for the client's delayed ACK (Nagle), whatever the page costs.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

server = ThreadedWSGIServer(("127.0.0.1", int(sys.argv[1])), Quiet)
server.set_app(get_wsgi_application())
server.serve_forever()
"""

FILL = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from protokoll.archive.loading import load_document
from protokoll.demo import generate
from protokoll.web.pages.common import meeting_url
from protokoll.web.public import public_meetings
for doc in generate(1):
    load_document(doc)
for meeting in public_meetings():
    print(meeting_url(meeting))
"""


PERSISTENT = """
from protokoll.settings import *  # noqa: F403
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405
"""


def _env(database: Path, persistent: bool = False) -> dict:
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "protokoll.settings"
    if persistent:
        (database.parent / "bench_settings.py").write_text(PERSISTENT)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(database.parent), env.get("PYTHONPATH")]))
        env["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    env["PROTOKOLL_DATABASE_URL"] = f"sqlite:///{database}"
    env["PROTOKOLL_SECRET_KEY"] = "bench-only"
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not start")


def _client(port: int, paths: list[str], count: int, start: int, times: list[float], errors: list) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for n in range(count):
        path = paths[(start + n) % len(paths)]
        began = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept": "text/html"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        times.append(time.perf_counter() - began)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument(
        "--persistent-connections",
        action="store_true",
        help="keep each server thread's SQLite connection (CONN_MAX_AGE=None) instead of the "
        "settings' one connection per request, to show what that policy costs",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp) / "bench.sqlite3", args.persistent_connections)
        filled = subprocess.run(
            [sys.executable, "-c", FILL], env=env, check=True, capture_output=True, text=True
        )
        paths = [line for line in filled.stdout.splitlines() if line.startswith("/")]
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], env=env)
        try:
            _wait(port, time.monotonic() + 30)
            _client(port, paths, args.warmup, 0, [], [])
            per_client = args.requests // args.clients
            times: list[float] = []
            errors: list = []
            threads = [
                threading.Thread(target=_client, args=(port, paths, per_client, i * 7, times, errors))
                for i in range(args.clients)
            ]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(10)
    done = len(times)
    times.sort()
    policy = "persistent" if args.persistent_connections else "one per request (settings)"
    print(f"protocol pages: {len(paths)} meetings, {done} requests, {args.clients} client threads")
    print(f"SQLite connections: {policy}")
    print(f"throughput: {done / elapsed:.0f} req/s ({elapsed:.2f} s)")
    print(
        f"latency ms: p50 {1000 * statistics.median(times):.1f}, "
        f"p95 {1000 * times[int(0.95 * (done - 1))]:.1f}, max {1000 * times[-1]:.1f}"
    )
    print(f"errors: {len(errors)} {errors[:5]}")
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
