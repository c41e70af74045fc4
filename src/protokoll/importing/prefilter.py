"""Cheap necessary conditions read off the rule table's own patterns.

A rule that can only match a line containing one of a few words ("beslut", "förslag") need not
be tried on a line without them. The words are derived from the compiled pattern, not written
by hand, so a rule added to rules.py keeps its prefilter true without anyone updating it: a
pattern whose structure gives no such words simply gets no prefilter.
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser's node types; stable within a Python minor version
import re._parser as sre_parse
from collections.abc import Callable, Iterator

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
MIN_WORD = 3  # shorter words pass nearly every line: no use as a test


def _best(candidates: list[set[str]], min_word: int) -> set[str] | None:
    """Of several alternative necessary conditions, the most selective one."""
    useful = [c for c in candidates if c and min(map(len, c)) >= min_word]
    if not useful:
        return None
    return max(useful, key=lambda c: (min(map(len, c)), -len(c)))


def _required(items, min_word: int = MIN_WORD) -> set[str] | None:
    """Words of which every match of the sequence ``items`` contains at least one."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        found = None
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if not (add_flags or del_flags):  # a flag change inside would change what matches
                found = _required(body, min_word)
        elif op is sre.ATOMIC_GROUP:
            found = _required(av, min_word)
        elif op is sre.ASSERT:
            # what a look-ahead or look-behind must see stands in the text, though the match
            # does not take it in ("(?=.*org\.nr)" needs "org" somewhere after the start)
            found = _required(av[1], min_word)
        elif op in _REPEATS and av[0] >= 1:
            body = list(av[2])
            if len(body) == 1 and body[0][0] is sre.LITERAL:
                found = {chr(body[0][1]) * min(av[0], 8)}  # "X{3,}" holds "XXX"
            else:
                found = _required(body, min_word)
        elif op is sre.BRANCH:
            alternatives = [_required(alt, min_word) for alt in av[1]]
            if all(alternatives):
                found = set().union(*alternatives)
        if found:
            candidates.append(found)
    if run:
        candidates.append({"".join(run)})
    return _best(candidates, min_word)


def required_words(pattern: re.Pattern[str], min_word: int = MIN_WORD) -> set[str] | None:
    """Words of which every match of ``pattern`` contains one (compared the way the pattern
    compares: a pattern with IGNORECASE matches them in any case), or None when none are.
    ``min_word`` 1 gives single characters too ("§"), for tests of one sign."""
    try:
        return _required(sre_parse.parse(pattern.pattern, pattern.flags), min_word)
    except (re.error, TypeError, ValueError, IndexError):
        return None  # a structure this reader does not know: no prefilter, never a wrong one


def minimal_words(words: set[str]) -> list[str]:
    """The same condition with fewer words: a word that contains another adds nothing
    ("beslutet" holds "beslut"). Compared in lower case; a word is kept as it is written."""
    out: list[str] = []
    for w in sorted(words, key=lambda w: (len(w), w)):
        if not any(kept.lower() in w.lower() for kept in out):
            out.append(w)
    return out


def has_long_scan(pattern: re.Pattern[str], limit: int = 20) -> bool:
    """Whether the pattern holds a bounded repetition of ``limit`` or more (``[\\w ]{0,80}?``):
    the engine tries it at up to that many positions, on every line the pattern is tried on."""

    def walk(items) -> bool:
        for op, av in items:
            if op in _REPEATS:
                inner = [av[2]]
                if limit <= av[1] < sre.MAXREPEAT:
                    return True
            elif op is sre.SUBPATTERN:
                inner = [av[3]]
            elif op is sre.BRANCH:
                inner = av[1]
            elif op is sre.ATOMIC_GROUP:
                inner = [av]
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                inner = [av[1]]
            else:
                continue
            if any(walk(body) for body in inner):
                return True
        return False

    return walk(sre_parse.parse(pattern.pattern, pattern.flags))


# The characters for which str.lower() disagrees with how an IGNORECASE pattern compares: "İ"
# lowers to two characters, "ı" and "ſ" match "i" and "s" without lowering to them. Found by
# trying every code point against each character of _CASE_SAFE; no other one disagrees. Three
# substring tests are cheaper than one call of a compiled character class.
def _case_odd(text: str) -> bool:
    return not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text)


_CASE_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzåäöéü0123456789 -:,./()")


def word_test(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """A test that is false only for texts ``pattern`` cannot match anywhere in: whether the text
    holds one of its required words. Plain substring tests on the lowered text, several times
    faster than the engine's case-insensitive search. None when the pattern gives no words."""
    words = required_words(pattern)
    if not words:
        return None
    kept = minimal_words(words)
    if not pattern.flags & re.IGNORECASE:
        exact = tuple(kept)
        return lambda text: any(w in text for w in exact)
    lowered = tuple(w.lower() for w in kept)
    if any(not set(w) <= _CASE_SAFE for w in lowered):
        return None  # a letter whose case rules were not checked: no test rather than a wrong one

    def test(text: str) -> bool:
        low = text.lower()
        for w in lowered:  # a plain loop: a generator for any() costs more than the tests
            if w in low:
                return True
        return _case_odd(text)

    return test


class Prefiltered:
    """A pattern searched only in texts that hold one of its required words (``word_test``)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._test = word_test(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        if self._test is not None and not self._test(text):
            return None
        return self.pattern.search(text)

    def sub(self, repl: str, text: str) -> str:
        if self._test is not None and not self._test(text):
            return text
        return self.pattern.sub(repl, text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._test is not None and not self._test(text):
            return iter(())
        return self.pattern.finditer(text)


_MAX_ENDINGS = 300


def _tails(items) -> set[tuple[str, bool]] | None:
    """The literal text every match of the sequence ``items`` ends with, as (text, whole): whole
    when that text is everything the sequence matched, so the text before it may be prepended."""
    out = {("", True)}
    for op, av in reversed(list(items)):
        if not any(whole for _, whole in out):
            break
        if op is sre.LITERAL:
            own = {(chr(av), True)}
        elif op is sre.AT and av is not sre.AT_BEGINNING:
            continue  # "\b" consumes nothing
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # neither does a look-around
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if add_flags or del_flags:
                return None  # a flag change inside would change what matches
            own = _tails(body)
        elif op is sre.BRANCH:
            alternatives = [_tails(alt) for alt in av[1]]
            if not all(alternatives):
                return None
            own = set().union(*alternatives)
        elif op in _REPEATS:
            inner = _tails(av[2])
            if inner is None:
                return None
            if av[1] != 1:  # text before the last round is not known
                inner = {(t, False) for t, _ in inner}
            own = inner | {("", True)} if av[0] == 0 else inner
        else:
            own = {("", False)}  # a character class or the like: the literal text stops here
        if own is None:
            return None
        out = {(t + s, whole_t) if whole_s else (s, False) for s, whole_s in out for t, whole_t in own} | {
            (s, False) for s, whole_s in out if not whole_s
        }
        if len(out) > _MAX_ENDINGS:
            return None
    return out


def _ending(items) -> set[str] | None:
    """Literal runs of which every match of the sequence ``items`` ends in one."""
    tails = _tails(items)
    return {t for t, _ in tails} if tails else None


# "\s" as the parser writes it; in a str pattern it means what str.isspace() means
_BLANK_CLASS = ([(sre.CATEGORY, sre.CATEGORY_SPACE)], [(sre.CATEGORY, sre.CATEGORY_UNI_SPACE)])


def _strippable_tail(items) -> tuple[list, set[str]] | None:
    """``items`` without a final ``$`` and the optional blanks and punctuation before it
    (``\\s*:?\\s*$``), and the literal characters those may consume; None when not so anchored."""
    items = list(items)
    if not items or items[-1] != (sre.AT, sre.AT_END):
        return None
    items.pop()
    chars: set[str] = set()
    while items and items[-1][0] in _REPEATS and items[-1][1][0] == 0:
        body = list(items[-1][1][2])
        if len(body) != 1:
            break
        op, av = body[0]
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif not (op is sre.IN and av in _BLANK_CLASS):
            break
        items.pop()
    return items, chars


def ending_test(patterns: list[re.Pattern[str]]) -> Callable[[str], bool] | None:
    """A test that is false only for lines none of ``patterns`` (each anchored at the line's end)
    can match: whether the line, without trailing blanks and colons, ends in one of their
    final words. The long ``[\\w ]{0,80}?s beslut`` scans then run only on lines ending in
    "beslut", not on every sentence that mentions a decision. None when a pattern gives none."""
    words: set[str] = set()
    tail: set[str] = set()
    for pattern in patterns:
        if not pattern.flags & re.IGNORECASE:
            return None
        try:
            stripped = _strippable_tail(sre_parse.parse(pattern.pattern, pattern.flags))
        except (re.error, TypeError, ValueError, IndexError):
            return None
        found = _ending(stripped[0]) if stripped else None
        if not found:
            return None
        words |= {w.lower() for w in found}
        tail |= stripped[1]
    if any(not set(w) <= _CASE_SAFE or len(w) < MIN_WORD or w[-1].isspace() or w[-1] in tail for w in words):
        return None
    # keyed by the last letter: a line is compared with the few words that end as it does, not
    # with all hundred of them (the lower case of one letter is that letter's part of the lower
    # case of the line, but for "İ", which _case_odd answers)
    by_last: dict[str, tuple[tuple[str, ...], int]] = {}
    for last in {w[-1] for w in words}:
        group = tuple(sorted(w for w in words if w[-1] == last))
        by_last[last] = (group, max(map(len, group)))
    strip = "".join(sorted(tail))

    def test(text: str) -> bool:
        end = text.rstrip()
        while end and end[-1] in strip:
            end = end[:-1].rstrip()
        group = by_last.get(end[-1:].lower())
        if group is not None and end[-group[1] :].lower().endswith(group[0]):
            return True
        return _case_odd(text)

    return test
