"""Highlighted snippets, built the same way on both engines.

The text is escaped piece by piece and only then wrapped in ``<mark>``: imported protocol text
may hold "<script>", and the only markup in a snippet is the ``<mark>`` added here. Built in
Python rather than with ``ts_headline`` so that SQLite and PostgreSQL give the same snippet.
"""

from __future__ import annotations

import html
import re

from protokoll.search.text import TOKEN_RE, normalize, stem
from protokoll.web.masking import mask_personnummer

WINDOW = 28
LEAD = 4
_SPACE = re.compile(r"\s+")


def _escape(text: str) -> str:
    return html.escape(_SPACE.sub(" ", text), quote=True)


def _best_window(matches: list[tuple[int, str]], n_tokens: int) -> tuple[tuple[int, int], int, int]:
    """The window of tokens with the most distinct hit terms (then most hits, then earliest)."""
    best = ((0, 0), 0, 0)
    for pos, _ in matches:
        start = max(0, pos - LEAD)
        end = min(n_tokens, start + WINDOW)
        inside = [t for p, t in matches if start <= p < end]
        score = (len(set(inside)), len(inside))
        if score > best[1:]:
            best = ((start, end), *score)
    return best


def snippet(fields: list[str | None], marked: frozenset[str] | set[str]) -> str:
    """An HTML snippet from the first best-matching field; the opening of the first non-empty
    field when nothing matches (a hit on the title only)."""
    chosen: tuple[str, list[re.Match[str]], set[int], tuple[int, int]] | None = None
    chosen_score = (0, 0)
    fallback = None
    for raw in fields:
        if not raw or not raw.strip():
            continue
        # Snippets quote the stored text, which keeps its personnummer (DOMAIN 1.10).
        text = normalize(mask_personnummer(raw))
        toks = list(TOKEN_RE.finditer(text))
        if fallback is None:
            fallback = (text, toks)
        matches = []
        for i, m in enumerate(toks):
            term = stem(m.group().lower())
            if term in marked:
                matches.append((i, term))
        if not matches:
            continue
        window, distinct, count = _best_window(matches, len(toks))
        if (distinct, count) > chosen_score:
            chosen_score = (distinct, count)
            chosen = (text, toks, {p for p, _ in matches}, window)
    if chosen is None:
        if fallback is None:
            return ""
        text, toks = fallback
        return _render(text, toks, set(), (0, min(len(toks), WINDOW)))
    text, toks, hits, window = chosen
    return _render(text, toks, hits, window)


def _render(text: str, toks: list[re.Match[str]], hits: set[int], window: tuple[int, int]) -> str:
    start, end = window
    if not toks:
        return _escape(text[:200].strip())
    begin = 0 if start == 0 else toks[start].start()
    finish = len(text) if end >= len(toks) else toks[end - 1].end()
    out = ["… "] if start > 0 else []
    cursor = begin
    for i in range(start, end):
        if i in hits:
            m = toks[i]
            out.append(_escape(text[cursor : m.start()]))
            out.append(f"<mark>{_escape(m.group())}</mark>")
            cursor = m.end()
    out.append(_escape(text[cursor:finish]))
    if end < len(toks):
        out.append(" …")
    return "".join(out).strip()
