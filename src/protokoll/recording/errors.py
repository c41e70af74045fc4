"""Domain errors of the recording workflow; views turn them into a message and a status."""

from __future__ import annotations

from protokoll.domain.problems import Problem


class Refused(ValueError):
    """The action breaks a rule of law or of the workflow; nothing was changed."""

    status = 400

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


class Stale(Refused):
    """Optimistic locking: someone else changed the § (or meeting) since it was read."""

    status = 409


class Immutable(Refused):
    """The § is justerat: it is changed only by a visible rättelse (JO 581-2013)."""

    status = 409


def refuse_on(problems: list[Problem]) -> list[Problem]:
    """Raise ``Refused`` when any problem is an error; return the warnings otherwise."""
    errors = [p for p in problems if p.refuses]
    if errors:
        raise Refused("; ".join(p.message for p in errors), errors)
    return [p for p in problems if not p.refuses]
