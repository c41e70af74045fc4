"""Serving the site: waitress, a production WSGI server with a fixed pool of threads.

Django's ``runserver`` starts a thread per connection; under 100 concurrent clients the threads
share the GIL until requests time out (docs/benchmarks.md, "Load"). waitress queues connections
and runs at most ``threads`` requests at once, so a burst waits instead of failing.
"""

from __future__ import annotations


def split_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    return (host or "127.0.0.1").strip("[]"), int(port)


def serve(addr: str = "127.0.0.1:8000", *, threads: int = 6) -> None:
    from waitress import serve as waitress_serve

    from protokoll.wsgi import application

    host, port = split_addr(addr)
    print(f"protokoll: serving http://{host}:{port}/ with {threads} threads (Ctrl-C stops)", flush=True)
    waitress_serve(application, host=host, port=port, threads=threads, ident="protokoll", backlog=1024)
