"""Serving the site with a production WSGI server and a fixed pool of workers.

Django's ``runserver`` starts a thread per connection; under 100 concurrent clients the threads
share the GIL until requests time out (docs/benchmarks.md, "Load"). The servers here run at most
a fixed number of requests at once and queue the rest, so a burst waits instead of failing:

- ``gunicorn`` (Linux, the default): one worker process per core, ``threads`` threads in each,
  so both cores serve requests. Two threads per process measured best: with four, heavy pages
  (1 MB API lists, the uppdrag ledger) shared each process's GIL until requests timed out
  (docs/benchmarks.md, "Load");
- ``waitress``: one process with a thread pool; pure Python, also runs on Windows.
"""

from __future__ import annotations

import os


def split_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    return (host or "127.0.0.1").strip("[]"), int(port)


def _gunicorn(host: str, port: int, threads: int, processes: int) -> None:
    from gunicorn.app.base import BaseApplication

    from protokoll.wsgi import application

    class _App(BaseApplication):
        def load_config(self) -> None:
            for key, value in {
                "bind": f"{host}:{port}",
                "workers": processes,
                "worker_class": "gthread",
                "threads": threads,
                "backlog": 1024,
                "timeout": 60,
                "accesslog": None,
            }.items():
                self.cfg.set(key, value)

        def load(self):
            return application

    _App().run()


def serve(
    addr: str = "127.0.0.1:8000", *, threads: int = 2, processes: int | None = None, server: str | None = None
) -> None:
    host, port = split_addr(addr)
    server = server or ("gunicorn" if os.name == "posix" else "waitress")
    processes = processes or max(1, os.cpu_count() or 1)
    print(f"protokoll: serving http://{host}:{port}/ with {server} (Ctrl-C stops)", flush=True)
    if server == "gunicorn":
        _gunicorn(host, port, threads, processes)
        return
    from waitress import serve as waitress_serve

    from protokoll.wsgi import application

    waitress_serve(
        application, host=host, port=port, threads=threads * processes, ident="protokoll", backlog=1024
    )
