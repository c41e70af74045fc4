"""Import protocol files and folders into the archive (issue 3, ``protokoll import``).

Parsing is CPU-bound and runs in a process pool when ``workers > 1``; database writes stay in
this process, one transaction per document (``load_document``), so a file that fails, at any
stage, is reported in the summary and never stops the rest nor leaves a half-written meeting.
Re-importing the same files changes nothing (``load_document`` compares content hashes).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from protokoll.document.io import DocumentError
from protokoll.document.io import load_document as read_document_file
from protokoll.document.model import Document
from protokoll.importing.extracted import UnreadableInput

# What a folder walk picks up; named files are always tried, whatever their suffix.
SUFFIXES = {".pdf", ".html", ".htm", ".docx", ".txt", ".text", ".json"}


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class ImportSummary:
    files: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    superseded: int = 0
    items: int = 0
    warnings: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def meetings(self) -> int:
        return self.created + self.updated + self.unchanged + self.superseded

    def lines(self) -> list[str]:
        out = [
            f"files: {self.files}",
            f"meetings: {self.meetings} (created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, superseded {self.superseded})",
            f"items: {self.items}",
            f"warnings: {self.warnings}",
            f"failures: {len(self.failures)}",
        ]
        out += [f"  {f.path}: {f.reason}" for f in self.failures]
        return out


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Named files as they are; folders walked recursively (sorted, hidden files skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if (
                    child.is_file()
                    and child.suffix.lower() in SUFFIXES
                    and not any(p.startswith(".") for p in rel)
                ):
                    yield child
        else:
            yield path


def parse_path(path: str) -> Document:
    """One file → one document. ``.json`` files are protokoll/1 documents already; anything else
    goes through the parser. Raises UnreadableInput or DocumentError with a one-line reason."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return read_document_file(p)
    try:
        from protokoll.importing.api import parse_file
    except ImportError as exc:  # the parser is built separately; until then, say so per file
        raise UnreadableInput(f"no protocol parser available ({exc})") from exc
    return parse_file(p)


def _parse_one(path: str) -> tuple[Document | None, str | None]:
    """Runs in a worker: never raises, so one bad file cannot take the pool down by an exception."""
    try:
        return parse_path(path), None
    except (UnreadableInput, DocumentError) as exc:
        return None, str(exc) or type(exc).__name__
    except Exception as exc:  # a parser bug in one file must not stop the import
        return None, f"parser error: {type(exc).__name__}: {exc}".splitlines()[0]


def _parsed(files: list[Path], workers: int) -> Iterator[tuple[Path, Document | None, str | None]]:
    if workers <= 1:
        for path in files:
            yield (path, *_parse_one(str(path)))
        return
    # spawn: workers never inherit the parent's database connections or threads.
    crashed: list[Path] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [(path, pool.submit(_parse_one, str(path))) for path in files]
        for path, future in futures:
            try:
                yield (path, *future.result())
            except BrokenProcessPool:
                crashed.append(path)
    # A worker that died (e.g. a native crash in a PDF library) breaks the whole pool; retry
    # each unfinished file alone so that only the file that kills its process fails.
    for path in crashed:
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as solo:
                yield (path, *solo.submit(_parse_one, str(path)).result())
        except BrokenProcessPool:
            yield path, None, "the parser process crashed on this file"


def import_paths(
    paths: Iterable[str | Path], *, workers: int = 1, municipality: str | None = None, progress: bool = True
) -> ImportSummary:
    from django.db import DatabaseError

    from protokoll.archive.loading import LoadError, load_document

    files = list(iter_files(paths))
    summary = ImportSummary(files=len(files))
    bar = _progress(len(files), progress)
    try:
        for path, doc, error in _parsed(files, workers):
            bar.update(1)
            if doc is None:
                summary.failures.append(Failure(str(path), error or "unreadable"))
                continue
            try:
                result = load_document(doc, municipality=municipality)
            except (LoadError, DatabaseError) as exc:
                summary.failures.append(Failure(str(path), f"not stored: {exc}".splitlines()[0]))
                continue
            except Exception as exc:  # a storage bug on one document must not stop the import
                reason = f"not stored: {type(exc).__name__}: {exc}".splitlines()[0]
                summary.failures.append(Failure(str(path), reason))
                continue
            setattr(summary, result.status, getattr(summary, result.status) + 1)
            summary.items += result.items
            summary.warnings += result.warnings
    finally:
        bar.close()
    return summary


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, disable=not enabled, dynamic_ncols=True)
