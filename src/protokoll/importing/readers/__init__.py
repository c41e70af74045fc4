"""One reader per input format; each returns an ``Extracted``.

``read_file`` is the only entry point the rest of protokoll needs: it checks the file before
reading it (exists, not empty, not too large), sniffs the format from the content, dispatches
to the reader and stamps the result with the file's base name and the SHA-256 of its bytes.
Every failure is an ``UnreadableInput`` with a one-line message.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from protokoll.importing.extracted import Extracted, UnreadableInput
from protokoll.importing.readers.limits import (
    MAX_UPLOAD_MB_ENV,
    Budget,
    format_limit,
    format_size,
    max_read_seconds,
    max_upload_bytes,
)
from protokoll.importing.readers.sniff import sniff

__all__ = ["read_file", "read_bytes", "UnreadableInput"]


def _check_size(size: int, limit: int, explicit: bool) -> None:
    if size == 0:
        raise UnreadableInput("the file is empty")
    if size > limit:
        source = "" if explicit else f" ({MAX_UPLOAD_MB_ENV})"
        raise UnreadableInput(f"the file is {format_size(size)}; the limit is {format_limit(limit)}{source}")


def read_file(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> Extracted:
    """Read one input file of any supported format.

    The size is checked with stat() before a byte is read, so an oversized file costs nothing.
    """
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise UnreadableInput(f"no such file: {p.name or p}") from None
    except PermissionError:
        raise UnreadableInput(f"no permission to read {p.name}") from None
    except OSError as e:
        raise UnreadableInput(f"cannot open {p.name or p}: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableInput(f"{p.name or p} is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableInput(f"{p.name} is not a regular file")
    limit = max_bytes if max_bytes is not None else max_upload_bytes()
    _check_size(st.st_size, limit, explicit=max_bytes is not None)
    try:
        with p.open("rb") as f:
            # Read at most one byte past the limit: the file may have grown since stat().
            data = f.read(limit + 1)
    except PermissionError:
        raise UnreadableInput(f"no permission to read {p.name}") from None
    except OSError as e:
        raise UnreadableInput(f"cannot read {p.name}: {e.strerror or e}") from None
    return read_bytes(data, file=p.name, max_bytes=limit, _explicit_limit=max_bytes is not None)


def read_bytes(
    data: bytes, *, file: str | None = None, max_bytes: int | None = None, _explicit_limit: bool = True
) -> Extracted:
    """Read an input already in memory (an upload). ``file`` is reduced to its base name."""
    limit = max_bytes if max_bytes is not None else max_upload_bytes()
    _check_size(len(data), limit, explicit=_explicit_limit and max_bytes is not None)
    name = _base_name(file)
    budget = Budget(max_read_seconds())
    try:
        result = _dispatch(data, name, budget)
    except UnreadableInput as e:
        message = " ".join(str(e).split())
        if message != str(e):
            raise UnreadableInput(message) from None
        raise
    except MemoryError:
        raise UnreadableInput("reading the file needed more memory than is allowed") from None
    except Exception as e:
        # Hostile input can reach corners of the C libraries we did not foresee; the import
        # of other files must go on. The cause stays chained for logs.
        detail = " ".join(str(e).split())[:200]
        raise UnreadableInput(f"the file cannot be read ({type(e).__name__}: {detail})") from e
    for page in result.pages:
        page.lines = _split_lines(page.lines)
    result.file = name
    result.sha256 = hashlib.sha256(data).hexdigest()
    return result


def _split_lines(lines: list[str]) -> list[str]:
    """Make each line one line by every definition: Python's ``splitlines`` also breaks at
    \v, \x1c-\x1e, \x85, U+2028 and U+2029, which Word exports and web pages contain. Without
    this, a consumer that splits ``Extracted.text`` again would count lines differently."""
    out: list[str] = []
    for line in lines:
        parts = line.splitlines()
        out.extend(parts or [""])
    return out


def _dispatch(data: bytes, name: str | None, budget: Budget) -> Extracted:
    fmt = sniff(data)
    if fmt == "pdf":
        from protokoll.importing.readers.pdf import read_pdf

        result = read_pdf(data, file=name, budget=budget)
    elif fmt == "docx":
        from protokoll.importing.readers.docx import read_docx

        result = read_docx(data, file=name)
    elif fmt == "html":
        from protokoll.importing.readers.html import read_html

        result = read_html(data, file=name)
    else:
        from protokoll.importing.readers.text import read_text

        result = read_text(data, file=name)
    return result


def _base_name(file: str | None) -> str | None:
    """An uploaded name may carry a client's path ("../../etc/x", "C:\\Users\\x"): keep only the
    last component, whichever separator it used."""
    if file is None:
        return None
    name = file.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or None
