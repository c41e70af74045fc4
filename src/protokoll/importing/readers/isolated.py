"""Reading a file in a child process with a hard time and memory limit.

The readers' own budget is checked between pages; a single call into pdfium, lxml or
Tesseract cannot be interrupted from Python. For input from people we do not know (uploads,
a crawl), ``read_file_isolated`` runs ``read_file`` in a forked child, kills it when the wall
clock runs out and caps its address space, so one hostile file costs at most that time and
memory. Forking is cheap on Linux (a few ms); where fork does not exist, the file is read in
process with the cooperative budget only.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal

from protokoll.importing.extracted import Extracted, UnreadableInput
from protokoll.importing.readers.limits import MB, max_read_seconds

MAX_MEMORY_ENV = "PROTOKOLL_MAX_READ_MEMORY_MB"
DEFAULT_MAX_MEMORY_MB = 2048


def _max_memory_bytes() -> int:
    from protokoll.importing.readers.limits import _positive_float

    return int(_positive_float(MAX_MEMORY_ENV, DEFAULT_MAX_MEMORY_MB) * MB)


def _child(conn, path: str, max_bytes: int | None, memory: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass  # no rlimit on this platform, or the current limit is already lower
    from protokoll.importing.readers import read_file

    try:
        result: object = read_file(path, max_bytes=max_bytes)
    except UnreadableInput as e:
        result = e
    except MemoryError:
        result = UnreadableInput("reading the file needed more memory than is allowed")
    except BaseException as e:  # noqa: BLE001 - everything must reach the parent as a message
        result = UnreadableInput(f"the file cannot be read ({type(e).__name__})")
    try:
        conn.send_bytes(pickle.dumps(result))
    finally:
        conn.close()


def _how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"


def read_file_isolated(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, timeout: float | None = None
) -> Extracted:
    """``read_file`` in a child process, killed after ``timeout`` seconds (default
    PROTOKOLL_MAX_READ_SECONDS) and limited to PROTOKOLL_MAX_READ_MEMORY_MB of memory."""
    seconds = timeout if timeout is not None else max_read_seconds()
    if "fork" not in multiprocessing.get_all_start_methods():
        from protokoll.importing.readers import read_file

        return read_file(path, max_bytes=max_bytes)
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child, args=(sender, os.fspath(path), max_bytes, _max_memory_bytes()), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise UnreadableInput(f"reading the file took longer than {seconds:g} s and was stopped")
        try:
            result = pickle.loads(receiver.recv_bytes())
        except (EOFError, OSError):
            child.join(5)
            result = UnreadableInput(
                f"the file cannot be read: the reader stopped unexpectedly ({_how(child.exitcode)}); "
                "the file may be malformed or need more memory than allowed"
            )
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if isinstance(result, UnreadableInput):
        message = str(result)
        if "more memory" in message:
            message += f" ({MAX_MEMORY_ENV})"
        raise UnreadableInput(message)
    return result
