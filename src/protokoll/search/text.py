"""Swedish text as index terms: tokens, stop words and Snowball stems, for index and query alike.

The same Snowball Swedish stemmer and stop-word list as PostgreSQL's ``swedish`` text-search
configuration, so that a word finds the same §§ on SQLite and PostgreSQL ("beslutade" and
"besluta" both become "beslut"; "nämnderna" becomes "nämnd"). Letters are only lower-cased,
never folded: å, ä and ö are letters of their own in Swedish, and "får" is not "far".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from protokoll.web.masking import mask_personnummer

# Letters and digits; everything else (punctuation, FTS syntax, quotes, operators) separates.
TOKEN_RE = re.compile(r"[^\W_]+")
PHRASE_RE = re.compile(r'"([^"]*)"')

# PostgreSQL's tsearch_data/swedish.stop (the Snowball project's list): these words are not
# indexed by the ``swedish`` configuration, so they are not indexed here either.
_STOP = """och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
    från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
    allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
    några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
    vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas"""
STOP_WORDS = frozenset(_STOP.split())

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 24

_stemmer = snowballstemmer.stemmer("swedish")


def normalize(text: str) -> str:
    """NFC, so that an å written as a + combining ring is the one letter å."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str | None:
    """The index term of one token, or None for a stop word. ``word`` must be lower-case."""
    if word in STOP_WORDS:
        return None
    return _stemmer.stemWord(word)


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(normalize(text).lower())


def index_terms(text: str | None) -> str:
    """Space-separated stems of ``text``: what the SQLite index stores for it."""
    if not text:
        return ""
    out = []
    for token in tokens(text):
        term = stem(token)
        if term:
            out.append(term)
    return " ".join(out)


@dataclass(frozen=True)
class Query:
    """A user's query as plain words and optional "exact phrases", never as syntax.

    ``words`` and ``phrases`` keep the sanitised tokens as written (PostgreSQL stems them
    itself); ``terms`` and ``phrase_terms`` are the stems (what SQLite matches, and what the
    snippet builder marks).
    """

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    terms: tuple[str, ...] = ()
    phrase_terms: tuple[tuple[str, ...], ...] = ()
    marked: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrase_terms


def _kept(words: list[str]) -> tuple[list[str], list[str]]:
    kept, stems = [], []
    for w in words:
        s = stem(w)
        if s:
            kept.append(w)
            stems.append(s)
    return kept, stems


def parse_query(q: str | None) -> Query:
    """Read any string as a query. Balanced double quotes make a phrase; every other character
    that is not a letter or digit only separates words. Never raises."""
    text = normalize(q or "")[:MAX_QUERY_CHARS].lower()
    phrases: list[tuple[str, ...]] = []
    phrase_terms: list[tuple[str, ...]] = []
    budget = MAX_QUERY_TERMS

    def take_phrase(match: re.Match[str]) -> str:
        nonlocal budget
        kept, stems = _kept(TOKEN_RE.findall(match.group(1)))
        kept, stems = kept[:budget], stems[:budget]
        budget -= len(stems)
        if len(stems) == 1:
            return f" {kept[0]} "  # a one-word "phrase" is just a word
        if stems and tuple(stems) not in phrase_terms:
            phrases.append(tuple(kept))
            phrase_terms.append(tuple(stems))
        return " "

    rest = PHRASE_RE.sub(take_phrase, text)
    words: list[str] = []
    terms: list[str] = []
    for w, s in zip(*_kept(TOKEN_RE.findall(rest)), strict=True):
        if s in terms or len(terms) >= max(budget, 0):
            continue
        words.append(w)
        terms.append(s)
    marked = frozenset(terms) | frozenset(t for p in phrase_terms for t in p)
    return Query(tuple(words), tuple(phrases), tuple(terms), tuple(phrase_terms), marked)


def fts5_phrases(query: Query) -> list[str]:
    """The query's FTS5 phrases, each quoted: one per term, one per "exact phrase".

    Terms hold only letters and digits (``TOKEN_RE``), so no quote, operator, column filter or
    parenthesis can reach FTS5's query syntax."""
    return [f'"{t}"' for t in query.terms] + ['"' + " ".join(p) + '"' for p in query.phrase_terms]


def fts5_match(query: Query) -> str:
    """The FTS5 MATCH expression: every term and phrase quoted, implicitly ANDed."""
    return " ".join(fts5_phrases(query))


@dataclass(frozen=True)
class IndexText:
    """The searchable text of one §: title (with its Dnr) and body text."""

    title: str
    text: str


def item_text(
    title: str | None,
    case_number: str | None,
    decision: str | None,
    proposed_decision: str | None,
    background: str | None,
    motions: Iterable[str],
) -> IndexText:
    """The text indexed for a §; personnummer masked, so that none is findable (DOMAIN 1.10)."""
    head = " ".join(mask_personnummer(t) for t in (title, case_number) if t)
    parts = [decision, proposed_decision, background, *motions]
    return IndexText(head, "\n".join(mask_personnummer(p) for p in parts if p))


def parties_key(parties: Iterable[str | None]) -> str:
    found = sorted({p for p in parties if p})
    return "|" + "|".join(found) + "|" if found else ""
