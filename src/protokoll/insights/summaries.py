"""A plain-language Swedish summary of a meeting, from its records alone.

Deterministic template sentences (no network, no model): what was decided beyond routine items,
votes and their results, who reserved themselves (KL 4:27), uppdrag given (DOMAIN 1.12), and
återremiss or bordläggning (DOMAIN 1.6). Withheld §§ (sekretess, DOMAIN 1.10) never appear.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from protokoll.document.model import Document, Item, Person
from protokoll.domain.vocab import MotionKind, Outcome
from protokoll.insights.ledger import ItemRecord, ItemRef, given_of_item, uppdrag_of
from protokoll.insights.phrases import MONTHS, find_assignments, sentences

MONTH_NAMES = {number: name for name, number in MONTHS.items()}

# Items every meeting has; left out unless something happened in them (a vote, a reservation,
# an uppdrag).
ROUTINE = re.compile(
    r"^\s*(?:val\s+av\s+(?:protokolls)?justerar|justering|(?:fastställande|godkännande)\s+av\s+"
    r"(?:dagordning|föredragningslista)|dagordning|föredragningslista|upprop|sammanträdets\s+öppnande|"
    r"anmälan|anmälningar|meddelanden|delegationsbeslut|redovisning\s+av\s+delegationsbeslut|"
    r"information|informationsärenden|övriga\s+frågor)",
    re.IGNORECASE,
)

# Present tense of the verbs decisions open with, and their past tense.
PAST = {
    "beslutar": "beslutade",
    "antar": "antog",
    "godkänner": "godkände",
    "fastställer": "fastställde",
    "lägger": "lade",
    "noterar": "noterade",
    "avslår": "avslog",
    "bifaller": "biföll",
    "återremitterar": "återremitterade",
    "bordlägger": "bordlade",
    "överlämnar": "överlämnade",
    "översänder": "översände",
    "uppdrar": "uppdrog",
    "ger": "gav",
    "tillstyrker": "tillstyrkte",
    "avstyrker": "avstyrkte",
    "yttrar": "yttrade",
    "föreslår": "föreslog",
    "tar": "tog",
    "avslutar": "avslutade",
    "förklarar": "förklarade",
    "beviljar": "beviljade",
    "delegerar": "delegerade",
    "utser": "utsåg",
    "väljer": "valde",
    "skickar": "skickade",
    "ställer": "ställde",
    "upphäver": "upphävde",
    "avger": "avgav",
    "begär": "begärde",
    "hemställer": "hemställde",
    "tillsätter": "tillsatte",
    "rekommenderar": "rekommenderade",
    "återkallar": "återkallade",
    "anvisar": "anvisade",
    "reviderar": "reviderade",
    "godtar": "godtog",
}
_NUMBER = re.compile(r"^\s*\d+\s*[.)]\s*")
_MOTIVATION = re.compile(r"med\s+motiveringen\s+att\s+(?P<why>.+?)\.?\s*$", re.IGNORECASE | re.DOTALL)
_MAX_DECISION_SENTENCES = 3


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def _name(p: Person) -> str:
    return f"{p.name} ({p.party})" if p.party else p.name


def join(words: list[str]) -> str:
    """ "A", "A och B", "A, B och C"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " och " + words[-1]


def _lcfirst(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _ucfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def past_tense(sentence: str) -> str:
    """ "Nämnden beslutar att …" → "Nämnden beslutade att …": the first known decision verb
    among the first words becomes past tense; otherwise the sentence is quoted as the decision."""
    sentence = _NUMBER.sub("", sentence.strip()).rstrip(".;: ")
    words = sentence.split(" ")
    for i, word in enumerate(words[:8]):
        past = PAST.get(word.lower())
        if past and i > 0:
            words[i] = past
            return " ".join(words) + "."
    return f"Beslut: {_ucfirst(sentence)}."


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _votes(item: Item) -> list[str]:
    out = []
    for vote in item.votes:
        text = (
            f"Ärendet avgjordes efter omröstning med {_plural(vote.yes, 'ja-röst', 'ja-röster')} mot "
            f"{_plural(vote.no, 'nej-röst', 'nej-röster')}"
        )
        if vote.abstain:
            text += f"; {_plural(vote.abstain, 'ledamot', 'ledamöter')} avstod"
        text += "."
        if vote.casting_vote:
            text += " Ordförandens utslagsröst fällde avgörandet."
        if vote.lottery:
            text += " Lottning avgjorde."
        out.append(text)
    return out


def _motions(item: Item) -> list[str]:
    out = []
    for motion in item.motions:
        if motion.withdrawn or motion.kind == MotionKind.APPROVAL or not motion.by or not motion.text.strip():
            continue
        out.append(
            f"{join([_name(p) for p in motion.by])} yrkade {_lcfirst(motion.text.strip().rstrip('.'))}."
        )
    return out[:3]


def _reservations(item: Item) -> list[str]:
    people = [p for r in item.reservations for p in r.by]
    if not people:
        return ["Reservation anmäldes mot beslutet."] if item.reservations else []
    if len(people) > 4:
        parties = sorted({p.party for p in people if p.party})
        who = f"{len(people)} ledamöter" + (f" ({join(parties)})" if parties else "")
    else:
        who = join([_name(p) for p in people])
    return [f"{who} reserverade sig mot beslutet."]


def _uppdrag(record: ItemRecord) -> list[str]:
    out = []
    for given, _source in uppdrag_of(record):
        text = f"{_ucfirst(given.assignee)} fick i uppdrag att {given.task.rstrip('.')}"
        if given.due:
            already = "rapport" in given.task.lower()
            text += f"{',' if already else ', med återrapport'} senast {long_date(given.due)}"
        out.append(text + ".")
    return out


def _decision(item: Item) -> list[str]:
    """The decision's points in past tense, without the uppdrag points (told separately)."""
    out = []
    for point in sentences(item.decision or ""):
        if find_assignments(point) or not _NUMBER.sub("", point).strip(" .;:"):
            continue
        out.append(past_tense(point))
    return out[:_MAX_DECISION_SENTENCES]


def _outcome(item: Item) -> list[str]:
    if item.outcome == Outcome.REFERRAL:
        m = _MOTIVATION.search(item.decision or "")
        return [
            f"Ärendet återremitterades med motiveringen att {m['why'].strip()}."
            if m
            else "Ärendet återremitterades."
        ]
    if item.outcome == Outcome.TABLED:
        return ["Ärendet bordlades."]
    if item.outcome == Outcome.WITHDRAWN:
        return ["Ärendet utgick."]
    return _decision(item)


def is_routine(item: Item, record: ItemRecord) -> bool:
    eventful = item.votes or item.reservations or uppdrag_of(record)
    if eventful or item.outcome in (Outcome.REFERRAL, Outcome.TABLED):
        return False
    return item.outcome in (Outcome.INFORMATION, Outcome.REPORT) or bool(ROUTINE.match(item.title or ""))


def _record(doc: Document, item: Item) -> ItemRecord:
    ref = ItemRef(
        doc.municipality or "", doc.body or "", doc.meeting.date or dt.date.min, item.paragraph, item.title
    )
    return ItemRecord(
        ref,
        item.case.normalized if item.case else None,
        item.outcome.value if item.outcome else None,
        item.decision,
        given_of_item(item),
    )


def summarize(doc: Document, *, withheld: Iterable[int] = ()) -> str:
    """The summary text: a heading sentence, one paragraph per non-routine §, and a closing
    line naming the other items. ``withheld`` names §§ the archive withholds besides those the
    document marks confidential."""
    hidden = set(withheld)
    visible = [i for i in doc.items if not i.confidential and i.paragraph not in hidden]
    body = doc.body or "Organet"
    head = body + (f" i {doc.municipality}" if doc.municipality else "")
    opening = (
        f"{head} sammanträdde den {long_date(doc.meeting.date)}."
        if doc.meeting.date
        else f"{head} sammanträdde."
    )
    if doc.chair is not None:
        opening += f" Ordförande var {_name(doc.chair)}."
    if not visible:
        return opening if not doc.summary else f"{opening}\n\n{doc.summary.strip()}"
    paragraphs = [opening]
    others = []
    for item in visible:
        record = _record(doc, item)
        if is_routine(item, record):
            if item.title and not re.match(
                r"^\s*(val av|justering|fastställande|godkännande|upprop|dagordning)", item.title, re.I
            ):
                others.append(item.title.strip())
            continue
        lines = [*_outcome(item), *_motions(item), *_votes(item), *_reservations(item), *_uppdrag(record)]
        if item.immediately_adjusted:
            lines.append("Paragrafen justerades omedelbart.")
        heading = " ".join(
            p for p in (f"§ {item.paragraph}" if item.paragraph is not None else "", item.title or "") if p
        )
        paragraphs.append(f"{heading}\n{' '.join(lines)}".strip())
    if len(paragraphs) == 1:
        paragraphs.append("Inga beslut utöver rutinärenden fattades.")
    if others:
        paragraphs.append(f"Övriga ärenden: {join(others)}.")
    return "\n\n".join(paragraphs)


def summarize_meeting(meeting) -> str:
    """The summary of a stored meeting, built only from what the public may see: an
    unpublished meeting has none, withheld or masked §§ are left out, and personnummer are
    masked (DOMAIN 1.10, checklist 37)."""
    from protokoll.archive.exporting import export_meeting
    from protokoll.domain.vocab import Visibility
    from protokoll.web.masking import mask_personnummer
    from protokoll.web.public import is_withheld, public_meetings

    if not public_meetings().filter(pk=getattr(meeting, "pk", meeting)).exists():
        raise LookupError("no published meeting with that id")
    doc = export_meeting(meeting)
    rows = meeting.items.all() if hasattr(meeting, "items") else []
    withheld = [i.paragraph for i in rows if is_withheld(i) or i.visibility == Visibility.MASKED]
    return mask_personnummer(summarize(doc, withheld=withheld))
