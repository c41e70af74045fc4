"""File names from uploads, made safe before they touch the file system (issue 5 "Hostile
input": path traversal in file names).

The recording workflow's upload view (beslutsunderlag, signed protocols) and any import that
stores a file under a name given by a client must pass that name through ``safe_upload_name``
and build the path with ``upload_path``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_NAME = 120
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.I)
_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def safe_upload_name(name: str, *, default: str = "fil") -> str:
    """A plain file name from whatever a client sent: the last path component only (both ``/``
    and ``\\`` count as separators, so ``..\\..\\x`` and ``/etc/passwd`` lose their
    directories), no control characters or NUL, no leading dots (no ``..``, no hidden files),
    NFC-normalised (so å stays å), characters other than letters, digits, space, ``.-_()``
    replaced by ``_``, at most 120 characters with the extension kept, and never a Windows
    device name. Never empty."""
    name = unicodedata.normalize("NFC", str(name))
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    name = name.lstrip(".-_ ")
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        ext = ext[:16] if dot and stem else ""
        name = name[: MAX_NAME - len(ext) - (1 if ext else 0)].rstrip(" .") + (f".{ext}" if ext else "")
    if _WINDOWS_RESERVED.match(name):
        name = f"_{name}"
    return name or default


def upload_path(directory: str | Path, name: str) -> Path:
    """The path where an upload called ``name`` is stored inside ``directory``; raises
    ``ValueError`` if it would not stay inside (a second line of defence)."""
    root = Path(directory).resolve()
    target = (root / safe_upload_name(name)).resolve()
    if not target.is_relative_to(root) or target == root:
        raise ValueError(f"upload name {name!r} escapes {root}")
    return target
