"""News-style meeting summaries ("Här kommer en kort sammanfattning av nämndens sammanträde"):
kind ``summary`` with body, date, the text, and one item (paragraph null) per reported decision."""

from __future__ import annotations

import datetime as dt
import re

from protokoll.document.model import Document, Item, Meeting, Source, Warning
from protokoll.domain.vocab import DocumentKind, Outcome
from protokoll.importing import rules
from protokoll.importing.clean import Line
from protokoll.importing.values import find_dates, first_date, squash

_BODY = re.compile(
    r"\b((?:[Nn]ämnden|[Ss]tyrelsen|[Uu]tskottet) för [a-zåäö]+(?:(?:,\s*|\s+och\s+)[a-zåäö]+){0,4}|"
    r"[A-ZÅÄÖ][a-zåäö\-]*(?:nämnden|styrelsen|fullmäktige|utskottet))"
)


def _is_subheading(line: str, following: str | None) -> bool:
    return (
        len(line) <= 90
        and not line.rstrip().endswith((".", ":", "?", "!", "”", '"'))
        and following is not None
        and len(following) > len(line)
    )


# a date the article ties to the meeting: "från kommunstyrelsens sammanträde den 4 mars 2025",
# "senaste sammanträde, den 15 maj 2024", "vid mötet tisdagen den 4 mars 2025"
_MEETING_WORD = re.compile(r"\b(?:sammanträde|sammanträdet|mötet|möte)\b[,:]?\s+", re.IGNORECASE)
# the page's own dates, never the meeting's: "Publicerad: 6 mars 2025", "Senast uppdaterad …"
_PAGE_DATE = re.compile(r"\b(?:publicerad|publicerat|uppdaterad|ändrad|granskad)\b", re.IGNORECASE)


def _meeting_date(texts: list[str]) -> dt.date | None:
    for t in texts[:15]:
        for m in _MEETING_WORD.finditer(t):
            found = find_dates(t[m.end() : m.end() + 60])
            if found and found[0][0] <= 25:
                return found[0][1]
    for t in texts[:6]:
        found = None if _PAGE_DATE.search(t) else first_date(t)
        if found:
            return found
    return None


def _outcome(text: str) -> Outcome:
    if rules.REFERRAL.search(text):
        return Outcome.REFERRAL
    if rules.TABLED.search(text) and not re.search(r"beslutade att godkänna", text):
        return Outcome.DECISION
    return Outcome.DECISION


def read_summary(
    lines: list[Line], *, source: Source, municipality: str | None, warnings: list[Warning]
) -> Document:
    texts = [ln.text for ln in lines]
    body = None
    for t in texts[:5]:
        m = _BODY.search(t)
        if m:
            body = m.group(1)
            body = body[0].upper() + body[1:]
            break
    date = _meeting_date(texts)
    items: list[Item] = []
    groups: list[tuple[Line, list[str]]] = []
    for k, ln in enumerate(lines[2:], start=2):
        nxt = texts[k + 1] if k + 1 < len(texts) else None
        if _is_subheading(ln.text, nxt):
            groups.append((ln, []))
        elif groups:
            groups[-1][1].append(ln.text)
    for head, paragraphs in groups:
        text = squash(" ".join(paragraphs))
        decisions = [squash(m.group(0)) for m in rules.SUMMARY_DECISION.finditer(text)]
        if not decisions:
            continue
        decision = " ".join(decisions)
        items.append(
            Item(
                paragraph=None,
                title=head.text.strip(),
                decision=decision,
                outcome=_outcome(decision),
                reservations=[],
            )
        )
        if re.search(r"reserver(?:ar|ade)\s+sig", text):
            from protokoll.document.model import Reservation

            items[-1].reservations = [
                Reservation(text=s)
                for s in re.split(r"(?<=[.!?])\s+", text)
                if re.search(r"reserver(?:ar|ade)\s+sig", s)
            ]
        from protokoll.document.model import Provenance

        items[-1].provenance = Provenance(page=head.page, line_start=head.no, line_end=head.no)
    warnings = warnings + [
        Warning(
            code="summary_document", message="a news-style summary, not the protocol: decisions as reported"
        )
    ]
    return Document(
        kind=DocumentKind.SUMMARY,
        municipality=municipality,
        body=body,
        meeting=Meeting(date=date),
        items=items,
        summary="\n".join(texts),
        warnings=warnings,
        source=source,
    )
