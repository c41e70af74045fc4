"""A plain search over the archive's rows, used until ``protokoll.search`` is installed.

Words are stemmed with the Swedish Snowball stemmer ("beslutade" and "besluta" share the stem
"beslut") and matched as substrings of the readable text; å, ä and ö stay letters of their own.
It answers the same ``SearchPage`` shape as ``protokoll.search.api.search``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import snowballstemmer
from django.db.models import Exists, OuterRef, Q
from django.utils.html import escape

from protokoll.archive import models as m
from protokoll.web import public

_WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+")
_STEMMER = snowballstemmer.stemmer("swedish")
FIELDS = ("title", "decision", "proposed_decision", "background")
SNIPPET = 220


@dataclass
class Hit:
    item_id: int
    meeting_id: int
    paragraph: int | None
    title: str | None
    date: dt.date
    body_name: str
    municipality_name: str
    snippet_html: str
    score: float


@dataclass
class SearchPage:
    total: int
    page: int
    per_page: int
    hits: list = field(default_factory=list)


def stems(q: str) -> list[str]:
    """Stems of the words of ``q``; quotes, colons, asterisks and brackets are just spaces."""
    words = [w.lower() for w in _WORD.findall(q or "")]
    return list(dict.fromkeys(_STEMMER.stemWord(w) for w in words if w))


def snippet(texts: list[str], terms: list[str]) -> str:
    """An escaped window of the first text that contains a term, the terms in <mark>."""
    for text in texts:
        low = text.lower()
        found = [low.find(t) for t in terms if t in low]
        if not found:
            continue
        at = min(found)
        start = max(0, at - SNIPPET // 3)
        window = text[start : start + SNIPPET]
        pattern = re.compile("(" + "|".join(re.escape(t) for t in terms) + r")(\w*)", re.IGNORECASE)
        parts, last = [], 0
        for match in pattern.finditer(window):
            parts.append(escape(window[last : match.start()]))
            parts.append(f"<mark>{escape(match.group(0))}</mark>")
            last = match.end()
        parts.append(escape(window[last:]))
        return ("…" if start else "") + "".join(parts) + ("…" if start + SNIPPET < len(text) else "")
    first = next((t for t in texts if t), "")
    return escape(first[:SNIPPET])


def search(
    q: str,
    municipality=None,
    body=None,
    date_from=None,
    date_to=None,
    party=None,
    outcome=None,
    has_vote=None,
    has_reservation=None,
    order: str = "relevance",
    page: int = 1,
    per_page: int = 20,
) -> SearchPage:
    terms = stems(q)
    items = public.open_items()
    for term in terms:
        in_motions = m.Motion.objects.filter(item=OuterRef("pk"), text__icontains=term)
        match = Q(Exists(in_motions))
        for name in FIELDS:
            match |= Q(**{f"{name}__icontains": term})
        items = items.filter(match)
    if municipality:
        items = items.filter(meeting__body__municipality_id=municipality)
    if body:
        items = items.filter(meeting__body_id=body)
    if date_from:
        items = items.filter(meeting__date__gte=date_from)
    if date_to:
        items = items.filter(meeting__date__lte=date_to)
    if outcome:
        items = items.filter(outcome=outcome)
    if party:
        voted = m.Ballot.objects.filter(vote__item=OuterRef("pk"), party=party)
        moved = m.MotionAuthor.objects.filter(motion__item=OuterRef("pk"), party=party)
        reserved = m.ReservationAuthor.objects.filter(reservation__item=OuterRef("pk"), party=party)
        items = items.filter(Exists(voted) | Exists(moved) | Exists(reserved))
    if has_vote:
        items = items.filter(Exists(m.Vote.objects.filter(item=OuterRef("pk"))))
    if has_reservation:
        items = items.filter(Exists(m.Reservation.objects.filter(item=OuterRef("pk"))))
    if not terms and not any(
        (municipality, body, date_from, date_to, party, outcome, has_vote, has_reservation)
    ):
        return SearchPage(0, 1, per_page)
    total = items.count()
    ordered = items.select_related("meeting__body__municipality").order_by("-meeting__date", "paragraph")
    page = max(1, page)
    rows = list(ordered[(page - 1) * per_page : page * per_page])
    hits = []
    for i in rows:
        texts = [i.title or "", i.decision or "", i.proposed_decision or "", i.background or ""]
        hits.append(
            Hit(
                i.pk,
                i.meeting_id,
                i.paragraph,
                i.title,
                i.meeting.date,
                i.meeting.body.name,
                i.meeting.body.municipality.name,
                snippet(texts[1:] + texts[:1], terms) if terms else escape((i.decision or "")[:SNIPPET]),
                0.0,
            )
        )
    return SearchPage(total, page, per_page, hits)
