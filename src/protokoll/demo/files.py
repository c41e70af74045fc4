"""Write the demo year to files and load it into the archive (what ``protokoll demo`` calls)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from protokoll.document import Document, dump_document

FORMATS = ("json", "text", "pdf", "html")


def file_stem(doc: Document) -> str:
    """A stable name: body and date, e.g. ``socialnamnden_2025-03-18``."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o"})
    body = re.sub(r"[^a-z0-9]+", "-", (doc.body or "protokoll").lower().translate(table)).strip("-")
    return f"{body}_{doc.meeting.date.isoformat() if doc.meeting.date else 'utan-datum'}"


def write_documents(docs: Iterable[Document], out: Path, formats: Iterable[str] = ("json",)) -> int:
    """Write each document in each format into ``out``; returns the number of files written."""
    from protokoll.rendering.html import render_html
    from protokoll.rendering.pdf import render_pdf
    from protokoll.rendering.text import render_text

    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc in docs:
        stem = file_stem(doc)
        for fmt in formats:
            if fmt == "json":
                (out / f"{stem}.json").write_text(dump_document(doc) + "\n", encoding="utf-8")
            elif fmt == "text":
                (out / f"{stem}.txt").write_text(render_text(doc), encoding="utf-8")
            elif fmt == "html":
                (out / f"{stem}.html").write_text(render_html(doc), encoding="utf-8")
            elif fmt == "pdf":
                (out / f"{stem}.pdf").write_bytes(render_pdf(doc))
            else:
                raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
            written += 1
    return written


def load_documents(docs: Iterable[Document]) -> dict[str, int]:
    """Store documents in the archive (Django must be set up); counts per load status."""
    from protokoll.archive.loading import load_document

    counts: dict[str, int] = {}
    for doc in docs:
        status = load_document(doc).status
        counts[status] = counts.get(status, 0) + 1
    return counts
