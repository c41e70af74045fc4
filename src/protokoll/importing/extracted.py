"""What a reader hands the parser: text lines grouped by page, with provenance.

Readers (pdf, html, docx, text) are the only code that opens files. Everything after this
point is pure: it takes an ``Extracted`` and never touches the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from protokoll.document.model import Warning


class UnreadableInput(Exception):
    """The input cannot be read as a protocol (not the format it claims, encrypted, empty,
    too large, not a protocol). The message is one line, shown to the user as it is."""


@dataclass
class Page:
    number: int  # 1-based page number in the source; 1 for formats without pages
    lines: list[str]


@dataclass
class Extracted:
    pages: list[Page]
    format: str  # "pdf" | "html" | "docx" | "text"
    file: str | None = None
    sha256: str | None = None
    warnings: list[Warning] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line for page in self.pages for line in page.lines)

    def numbered_lines(self):
        """(page number, line number within the page, text) for every line."""
        for page in self.pages:
            for i, line in enumerate(page.lines, start=1):
                yield page.number, i, line
