"""Limits on how much work one input file may cost, declared once and read from the environment.

Django-free on purpose: the readers run in CLI workers and in tests without settings.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from protokoll.importing.extracted import UnreadableInput

MB = 1024 * 1024

MAX_UPLOAD_MB_ENV = "PROTOKOLL_MAX_UPLOAD_MB"
DEFAULT_MAX_UPLOAD_MB = 50.0

MAX_SECONDS_ENV = "PROTOKOLL_MAX_READ_SECONDS"
# A text PDF of 2000 pages reads in about 5 s; OCR takes about 1.5 s per page, so 300 s lets a
# scanned protocol of some 200 pages through while a hostile file holds a worker for 5 minutes at most.
DEFAULT_MAX_SECONDS = 300.0

# A protocol is rarely over 300 pages; 2000 leaves room for a year bound in one file.
MAX_PDF_PAGES = 2000

# DOCX is a zip: bound what it may unpack to, how hard one entry may be compressed and how many
# entries there may be, so that a small upload cannot expand to gigabytes (a zip bomb).
MAX_DOCX_UNCOMPRESSED = 200 * MB
MAX_DOCX_RATIO = 200
MAX_DOCX_ENTRIES = 2000
# Below this size an entry's ratio does not matter: a tiny file of repeated XML compresses well.
DOCX_RATIO_MIN_SIZE = 1 * MB


def _positive_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {raw!r}")
    return value


def max_upload_bytes() -> int:
    """The size limit for one input file, from PROTOKOLL_MAX_UPLOAD_MB (default 50)."""
    return int(_positive_float(MAX_UPLOAD_MB_ENV, DEFAULT_MAX_UPLOAD_MB) * MB)


def max_read_seconds() -> float:
    """Wall-clock budget for reading one file, from PROTOKOLL_MAX_READ_SECONDS (default 300)."""
    return _positive_float(MAX_SECONDS_ENV, DEFAULT_MAX_SECONDS)


def format_size(n: int) -> str:
    """A file size as people read it: "200.0 MB"; small sizes in bytes, where 0.0 MB says nothing."""
    return f"{n / MB:.1f} MB" if n >= MB // 20 else f"{n} bytes"


def format_limit(n: int) -> str:
    """A configured limit, without the float noise of MB arithmetic: "50 MB", "0.1 MB"."""
    return f"{n / MB:.3g} MB" if n >= MB // 20 else f"{n} bytes"


@dataclass
class Budget:
    """A wall-clock deadline, checked between units of work (pages). A single call into a C
    library cannot be interrupted from Python; the budget bounds everything around it."""

    seconds: float
    started: float = 0.0

    def __post_init__(self) -> None:
        self.started = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def check(self, what: str) -> None:
        if self.elapsed > self.seconds:
            raise UnreadableInput(
                f"reading the file took longer than {self.seconds:g} s (at {what}); "
                f"the limit is set by {MAX_SECONDS_ENV}"
            )
