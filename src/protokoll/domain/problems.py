"""Problems found by the rules of law: what is wrong, how serious, and which rule says so.

The rule functions in this package never raise for a lawful-but-odd situation; they return a
list of ``Problem``. An ``error`` means the action must be refused (a ballot by someone who does
not serve, a notice removed before the appeal period ran out); a ``warning`` informs and lets
the record stand (justering after 14 days, no quorum on an imported §), because a protocol must
show what actually happened (STYLE.md practice 8: warnings, not exceptions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding. ``code`` is a stable machine key, ``rule`` cites the law (e.g. "KL 6:27")."""

    code: str
    message: str
    rule: str
    severity: Severity = "error"

    @property
    def refuses(self) -> bool:
        return self.severity == "error"


def error(code: str, message: str, rule: str) -> Problem:
    return Problem(code, message, rule, "error")


def warning(code: str, message: str, rule: str) -> Problem:
    return Problem(code, message, rule, "warning")


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.refuses]


def refused(problems: Iterable[Problem]) -> bool:
    """True when any problem is an error, i.e. the action it was checked for must not happen."""
    return any(p.refuses for p in problems)
