"""The protocol as a sequence of blocks in the usual Swedish layout, shared by every renderer.

Order (DOMAIN 1.1): header, Plats och tid, Beslutande, Övriga närvarande, Frånvarande, Utses att
justera, Justeringens plats och tid, Underskrifter, ANSLAG/BEVIS, Ärendelista, then one § per page.
Each renderer measures blocks its own way (the text renderer one line per block, the PDF
renderer wrapped lines) and ``paginate`` splits them into pages, so both carry the same content
and the ärendelista points at the right page.

Conventions a parser can rely on: a section label stands alone on its line; inside a section a
new line is a new paragraph of the field (the text renderer never wraps); people are written
"Name (PARTY)"; § ranges "§ 5" or "§§ 5-7, 9-10"; a ballot row is "Name (PARTY)<tab>Ja|Nej|Avstår".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from protokoll.document.model import Assignment, AttendanceEntry, Document, Item, Person

VOTE_WORDS = {"yes": "Ja", "no": "Nej", "abstain": "Avstår", "absent": "Frånvarande"}
MOTION_VERBS = {
    "approval": "yrkar",
    "rejection": "yrkar",
    "amendment": "yrkar",
    "addition": "yrkar",
    "referral": "yrkar",
    "tabling": "yrkar",
    "other": "yrkar",
}
SECRECY_NOTE = (
    "Sekretess enligt OSL (offentlighets- och sekretesslagen). Paragrafen redovisas i "
    "ett separat sekretessprotokoll."
)
IMMEDIATE = "Paragrafen förklaras omedelbart justerad."


@dataclass(frozen=True)
class Block:
    """One line of the layout. kind: title, heading, label, line, para, field, row, agenda, blank."""

    kind: str
    text: str = ""
    cells: tuple[str, ...] = ()


BLANK = Block("blank")


@dataclass
class Layout:
    front: list[Block]
    agenda: Callable[[dict[int, int]], list[Block]]  # given § → page, the ärendelista
    items: list[tuple[int | None, list[Block]]]
    header: tuple[str, str, str]  # municipality line, body, date line


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)


def who(p: Person) -> str:
    return f"{p.name} ({p.party})" if p.party else p.name


def names(people: list[Person]) -> str:
    parts = [who(p) for p in people]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " och " + parts[-1]


def ranges(paragraphs: list[tuple[int, int]] | None) -> str:
    if not paragraphs:
        return ""
    parts = [str(lo) if lo == hi else f"{lo}-{hi}" for lo, hi in paragraphs]
    single = len(parts) == 1 and "-" not in parts[0]
    return ("§ " if single else "§§ ") + ", ".join(parts)


def municipality_line(doc: Document) -> str:
    name = (doc.municipality or "").strip()
    if not name or " " in name:  # "Västerås stad", "Region Kronoberg" are written out already
        return name
    return f"{name} kommun" if name.endswith("s") else f"{name}s kommun"


def attendee_line(e: AttendanceEntry) -> str:
    text = who(e)
    if e.replaces is not None:
        text += f" ersätter {who(e.replaces)}"
    elif e.role and e.group in ("member", "official", "other"):
        text += f", {e.role}"
    span = ranges(e.paragraphs)
    if span:
        text += f" {span}"
    if e.remote:
        text += ", via länk"
    return text


def _list(title: str | None, entries: list[AttendanceEntry]) -> list[Block]:
    if not entries:
        return []
    head = [Block("label", title)] if title else []
    return head + [Block("line", attendee_line(e)) for e in entries]


@dataclass(frozen=True)
class AttendanceGroups:
    """The attendance list as every rendering lays it out (DOMAIN 1.1, 1.8)."""

    members: list
    serving_substitutes: list
    others: list  # (title, entries) under "Övriga närvarande"
    absent: list  # (title, entries) under "Frånvarande"


def attendance_groups(doc: Document) -> AttendanceGroups:
    present = [e for e in doc.attendance if e.status == "present"]
    absent = [e for e in doc.attendance if e.status == "absent"]
    # A ledamot in the room who served on no § (jävig on every § while present) did not decide:
    # listed under "Beslutande" the line would read as serving.
    members = [e for e in present if e.group == "member" and e.serving]
    return AttendanceGroups(
        members=members,
        serving_substitutes=[e for e in present if e.group == "substitute" and e.serving],
        others=[
            ("Ej tjänstgörande ledamöter", [e for e in present if e.group == "member" and e not in members]),
            ("Ersättare", [e for e in present if e.group == "substitute" and not e.serving]),
            ("Tjänstepersoner", [e for e in present if e.group == "official"]),
            ("Övriga", [e for e in present if e.group == "other"]),
        ],
        absent=[
            ("Ledamöter", [e for e in absent if e.group == "member"]),
            ("Ersättare", [e for e in absent if e.group != "member"]),
        ],
    )


def _front(doc: Document) -> list[Block]:
    out: list[Block] = []
    m = doc.meeting
    clock = f"kl. {m.start}-{m.end}" if m.end else f"kl. {m.start}"
    where = ", ".join(x for x in (m.place, clock if m.start else None) if x)
    out.append(Block("field", cells=("Plats och tid", where)))
    for adj in m.adjournments:
        out.append(Block("field", cells=("Ajournering", f"kl. {adj.start}-{adj.end or ''}".rstrip("-"))))
    out.append(BLANK)
    groups = attendance_groups(doc)
    out += [Block("heading", "Beslutande")] + _list("Ledamöter", groups.members)
    if groups.serving_substitutes:
        out += [BLANK] + _list("Tjänstgörande ersättare", groups.serving_substitutes)
    if any(group for _, group in groups.others):
        out += [BLANK, Block("heading", "Övriga närvarande")]
        for title, group in groups.others:
            if group:
                out += _list(title, group) + [BLANK]
        out.pop()
    if any(group for _, group in groups.absent):
        out += [BLANK, Block("heading", "Frånvarande")]
        for title, group in groups.absent:
            if group:
                out += _list(title, group) + [BLANK]
        out.pop()
    out.append(BLANK)
    if doc.adjusters:
        out.append(Block("field", cells=("Utses att justera", names(doc.adjusters))))
    adj = doc.adjustment
    if adj is not None:
        when = " ".join(x for x in (adj.place, adj.date.isoformat() if adj.date else None, adj.time) if x)
        out.append(Block("field", cells=("Justeringens plats och tid", when)))
    out += [BLANK, Block("heading", "Underskrifter")]
    paras = [i.paragraph for i in doc.items if i.paragraph is not None]
    span = ranges([(min(paras), max(paras))]) if paras else ""
    if doc.secretary:
        out.append(Block("field", cells=("Sekreterare", doc.secretary.name)))
    if span:
        out.append(Block("field", cells=("Paragrafer", span)))
    if doc.chair:
        out.append(Block("field", cells=("Ordförande", doc.chair.name)))
    for p in doc.adjusters:
        out.append(Block("field", cells=("Justerande", p.name)))
    out += [BLANK] + _notice(doc)
    return out


def _notice(doc: Document) -> list[Block]:
    n = doc.notice
    if n is None:
        return []
    out = [
        Block("heading", "ANSLAG/BEVIS"),
        Block("line", "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."),
    ]
    rows = (
        ("Organ", doc.body),
        ("Sammanträdesdatum", doc.meeting.date.isoformat() if doc.meeting.date else None),
        ("Datum då anslaget sätts upp", n.posted.isoformat() if n.posted else None),
        ("Datum då anslaget tas ned", n.removed.isoformat() if n.removed else None),
        ("Sista dag för överklagande", n.appeal_deadline.isoformat() if n.appeal_deadline else None),
        ("Förvaringsplats för protokollet", n.storage),
        ("Underskrift", doc.secretary.name if doc.secretary else None),
    )
    return out + [Block("field", cells=(k, v)) for k, v in rows if v]


def _agenda(doc: Document) -> Callable[[dict[int, int]], list[Block]]:
    def build(pages: dict[int, int]) -> list[Block]:
        out = [Block("title", "Ärendelista"), BLANK]
        for item in doc.items:
            if item.paragraph is None:
                continue
            page = str(pages.get(item.paragraph, ""))
            out.append(Block("agenda", cells=(f"§ {item.paragraph}", item.title or "", page)))
        return out

    return build


_POINT = re.compile(r"^(?:\d{1,2}|[a-h])[.)]\s")


def flowed(text: str | None) -> list[str]:
    """A beslut or förslag as lines: a numbered point ("1. …", "a) …") starts a line, any other
    line break joins. A reader cannot tell a typed line break from a wrapped line (the PDF
    wraps), and a typed line that stands alone may read as a section label ("Nämnden
    beslutar" above its att-satser), so only the points keep their own lines."""
    out: list[str] = []
    for row in (r.strip() for r in (text or "").split("\n")):
        if not row:
            continue
        if out and not _POINT.match(row):
            out[-1] = f"{out[-1]} {row}"
        else:
            out.append(row)
    return out


def _section(label: str, lines: list[str]) -> list[Block]:
    lines = [x for x in lines if x]
    if not lines:
        return []
    return [BLANK, Block("label", label)] + [Block("para", x) for x in lines]


def motion_lines(item: Item) -> list[str]:
    out = []
    for m in item.motions:
        if not m.by:
            out.append(f"Yrkande om {m.text}.")
            continue
        out.append(f"{who(m.by[0])} {MOTION_VERBS.get(m.kind, 'yrkar')} {m.text}.")
        if len(m.by) > 1:
            out.append(f"{names(m.by[1:])} instämmer i yrkandet.")
        if m.withdrawn:
            out.append(f"{who(m.by[0])} återtar sitt yrkande.")
    return out


def _vote_blocks(item: Item) -> list[Block]:
    out: list[Block] = []
    for vote in item.votes:
        out += [BLANK, Block("label", "Omröstning")]
        if vote.question:
            out.append(Block("para", vote.question))
        if vote.ballots:
            out.append(Block("row", cells=("Ledamot", "Ja", "Nej", "Avstår")))
            for b in vote.ballots:
                out.append(Block("row", cells=(who(b.person), VOTE_WORDS[b.vote])))
        result = f"Omröstningsresultat: {vote.yes} ja, {vote.no} nej, {vote.abstain} avstår"
        if vote.absent:
            result += f", {vote.absent} frånvarande"
        out.append(Block("para", result))
        if vote.casting_vote:
            out.append(Block("para", "Ordföranden använder sin utslagsröst."))
        if vote.lottery:
            out.append(Block("para", "Ärendet avgörs genom lottning."))
    return out


def assignment_line(a: Assignment) -> str:
    """An uppdrag in the form "X får i uppdrag att …, senast ÅÅÅÅ-MM-DD." (DOMAIN 1.12)."""
    text = f"{a.assignee} får i uppdrag att {a.task.rstrip('.')}"
    if a.due:
        text += f", senast {a.due.isoformat()}"
    text += "."
    if a.report_to:
        text += f" Uppdraget återrapporteras till {a.report_to.rstrip('.')}."
    return text


def reservation_lines(item: Item) -> list[str]:
    out = []
    for r in item.reservations:
        # a reservation whose authors the source did not name still shows that one was made
        opening = f"{names(r.by)} reserverar sig mot beslutet" if r.by else "Reservation anmäls mot beslutet"
        if r.written:
            out += [f"{opening} med en skriftlig reservation:", r.text]
        else:
            out.append(f"{opening} {r.text}.".replace(" .", ".") if r.text else f"{opening}.")
    return out


def statement_lines(item: Item, kind: str, verb: str) -> list[str]:
    out = []
    for s in item.statements:
        if s.kind == kind:
            out += [f"{names(s.by)} {verb}:" if s.by else "", s.text]
    return out


def item_blocks(doc: Document, item: Item) -> list[Block]:
    out = [Block("heading", f"§ {item.paragraph}" if item.paragraph is not None else "§")]
    if item.case_number:
        out.append(Block("line", f"Dnr {item.case_number}"))
    if item.title:
        out.append(Block("title", item.title))
    if item.confidential:
        return out + [BLANK, Block("para", SECRECY_NOTE)]
    out += _section("Ärendebeskrivning", [item.background or ""])
    out += _section("Förslag till beslut", flowed(item.proposed_decision))
    out += _section("Yrkanden", motion_lines(item))
    out += _section("Propositionsordning", [item.proposition_order or ""])
    out += _vote_blocks(item)
    out += _section("Beslut", flowed(item.decision))
    out += _section("Uppdrag", [assignment_line(a) for a in item.assignments])
    out += _section("Reservation", reservation_lines(item))
    out += _section(
        "Särskilt yttrande", statement_lines(item, "special_statement", "lämnar ett särskilt yttrande")
    )
    out += _section(
        "Protokollsanteckning",
        statement_lines(item, "protocol_note", "lämnar följande protokollsanteckning"),
    )
    out += _section(
        "Jäv", [f"{who(p)} anmäler jäv och deltar inte i handläggningen av ärendet." for p in item.conflicts]
    )
    if item.immediately_adjusted:
        out += [BLANK, Block("para", IMMEDIATE)]
    if item.sent_to:
        out += [BLANK, Block("label", "Beslutet skickas till")]
        for purpose, label in (("action", "För åtgärd"), ("information", "För kännedom")):
            recipients = [d.recipient for d in item.sent_to if d.purpose == purpose]
            if recipients:
                out += [Block("line", label)] + [Block("line", r) for r in recipients]
    out += _section("Bilagor", list(item.attachments))
    return out


def build_layout(doc: Document) -> Layout:
    header = (
        municipality_line(doc),
        doc.body or "",
        f"Sammanträdesdatum {doc.meeting.date.isoformat()}" if doc.meeting.date else "",
    )
    items = [(item.paragraph, item_blocks(doc, item)) for item in doc.items]
    return Layout(_front(doc), _agenda(doc), items, header)


def _groups(blocks: list[Block]) -> list[list[Block]]:
    """Runs of blocks between blank lines: a group moves to the next page whole when it fits."""
    groups: list[list[Block]] = [[]]
    for block in blocks:
        if block.kind == "blank":
            groups.append([block])
        else:
            groups[-1].append(block)
    return [g for g in groups if g]


def _split(blocks: list[Block], measure: Callable[[Block], int], capacity: int) -> list[Page]:
    pages = [Page()]
    used = 0
    for group in _groups(blocks):
        size = sum(measure(b) for b in group)
        if used + size > capacity and pages[-1].blocks and size - measure(group[0]) <= capacity:
            pages.append(Page())
            used = 0
        for block in group:
            height = measure(block)
            if used + height > capacity and pages[-1].blocks:
                pages.append(Page())
                used = 0
            if block.kind == "blank" and not pages[-1].blocks:
                continue  # never start a page with a blank line
            pages[-1].blocks.append(block)
            used += height
    return pages


def paginate(
    layout: Layout, measure: Callable[[Block], int], capacity: int
) -> tuple[list[Page], dict[int, int]]:
    """Front matter, ärendelista, then each § from a new page. Returns pages and § → page."""
    front = _split(layout.front, measure, capacity)
    agenda_len = len(_split(layout.agenda({}), measure, capacity))
    where: dict[int, int] = {}
    body: list[Page] = []
    first = len(front) + agenda_len + 1
    for paragraph, blocks in layout.items:
        if paragraph is not None:
            where[paragraph] = first + len(body)
        body += _split(blocks, measure, capacity)
    agenda = _split(layout.agenda(where), measure, capacity)
    return front + agenda + body, where
