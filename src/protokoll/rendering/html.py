"""The protocol as semantic, accessible HTML (DOMAIN 4.1, checklist 38): lang="sv", one heading
per §, vote tables with column and row headers, an ärendelista that links to each §.

The wording is the text renderer's (``layout``), so all three renderings say the same thing.
Sekretess §§ show their number, title and a marker only (KL 6:25; DOMAIN 1.10).
"""

from __future__ import annotations

from html import escape

from protokoll.document.model import Document, Item
from protokoll.rendering import layout as lay


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _paras(lines: list[str]) -> str:
    return "".join(f"<p>{_e(x)}</p>" for x in lines if x)


def _section(title: str, lines: list[str]) -> str:
    lines = [x for x in lines if x]
    return f"<h3>{_e(title)}</h3>{_paras(lines)}" if lines else ""


def _people_list(title: str, entries, level: int = 4) -> str:
    if not entries:
        return ""
    items = "".join(f"<li>{_e(lay.attendee_line(e))}</li>" for e in entries)
    return f"<h{level}>{_e(title)}</h{level}><ul>{items}</ul>"


def _attendance(doc: Document) -> str:
    groups = lay.attendance_groups(doc)
    out = ["<section aria-labelledby='narvaro'><h2 id='narvaro'>Närvaro</h2><h3>Beslutande</h3>"]
    out.append(_people_list("Ledamöter", groups.members))
    out.append(_people_list("Tjänstgörande ersättare", groups.serving_substitutes))
    if any(group for _, group in groups.others):
        out.append("<h3>Övriga närvarande</h3>" + "".join(_people_list(t, g) for t, g in groups.others))
    if any(group for _, group in groups.absent):
        out.append("<h3>Frånvarande</h3>" + "".join(_people_list(t, g) for t, g in groups.absent))
    out.append("</section>")
    return "".join(out)


def _fields(rows: list[tuple[str, str | None]]) -> str:
    return "<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows if v) + "</dl>"


def _votes(item: Item) -> str:
    out = []
    for n, vote in enumerate(item.votes, start=1):
        caption = "Omröstning" + (f": {vote.question}" if vote.question else "")
        rows = "".join(
            f"<tr><th scope='row'>{_e(lay.who(b.person))}</th><td>{_e(lay.VOTE_WORDS[b.vote])}</td></tr>"
            for b in vote.ballots
        )
        result = f"{vote.yes} ja, {vote.no} nej, {vote.abstain} avstår"
        if vote.absent:
            result += f", {vote.absent} frånvarande"
        out.append(
            f"<table id='p{item.paragraph}-v{n}'><caption>{_e(caption)}</caption>"
            "<thead><tr><th scope='col'>Ledamot</th><th scope='col'>Röst</th></tr></thead>"
            f"<tbody>{rows}</tbody><tfoot><tr><th scope='row'>Omröstningsresultat</th>"
            f"<td>{_e(result)}</td></tr></tfoot></table>"
        )
        if vote.casting_vote:
            out.append("<p>Ordföranden använder sin utslagsröst.</p>")
        if vote.lottery:
            out.append("<p>Ärendet avgörs genom lottning.</p>")
    return "".join(out)


def _item(item: Item) -> str:
    head = f"§ {item.paragraph}" + (f" {item.title}" if item.title else "")
    out = [f"<article id='p{item.paragraph}' aria-labelledby='h{item.paragraph}'>"]
    out.append(f"<h2 id='h{item.paragraph}'>{_e(head)}</h2>")
    if item.case_number:
        out.append(f"<p class='dnr'>Dnr {_e(item.case_number)}</p>")
    if item.confidential:
        out.append(f"<p class='sekretess'>{_e(lay.SECRECY_NOTE)}</p></article>")
        return "".join(out)
    out.append(_section("Ärendebeskrivning", [item.background or ""]))
    out.append(_section("Förslag till beslut", (item.proposed_decision or "").split("\n")))
    out.append(_section("Yrkanden", lay.motion_lines(item)))
    out.append(_section("Propositionsordning", [item.proposition_order or ""]))
    out.append(_votes(item))
    out.append(_section("Beslut", (item.decision or "").split("\n")))
    out.append(_section("Uppdrag", [lay.assignment_line(a) for a in item.assignments]))
    out.append(_section("Reservation", lay.reservation_lines(item)))
    out.append(
        _section(
            "Särskilt yttrande",
            lay.statement_lines(item, "special_statement", "lämnar ett särskilt yttrande"),
        )
    )
    out.append(
        _section(
            "Protokollsanteckning",
            lay.statement_lines(item, "protocol_note", "lämnar följande protokollsanteckning"),
        )
    )
    out.append(
        _section(
            "Jäv",
            [
                f"{lay.who(p)} anmäler jäv och deltar inte i handläggningen av ärendet."
                for p in item.conflicts
            ],
        )
    )
    if item.immediately_adjusted:
        out.append(f"<p>{_e(lay.IMMEDIATE)}</p>")
    if item.sent_to:
        out.append("<h3>Beslutet skickas till</h3>")
        for purpose, label in (("action", "För åtgärd"), ("information", "För kännedom")):
            names = [d.recipient for d in item.sent_to if d.purpose == purpose]
            if names:
                out.append(f"<h4>{label}</h4><ul>" + "".join(f"<li>{_e(n)}</li>" for n in names) + "</ul>")
    out.append(_section("Bilagor", list(item.attachments)))
    out.append("</article>")
    return "".join(out)


def render_html(doc: Document) -> str:
    """A complete HTML page for the protocol."""
    municipality, body, date = lay.municipality_line(doc), doc.body or "", doc.meeting.date
    iso = date.isoformat() if date else ""
    m = doc.meeting
    where = ", ".join(x for x in (m.place, f"kl. {m.start}-{m.end}" if m.start else None) if x)
    adj, notice = doc.adjustment, doc.notice
    agenda = "".join(
        f"<li><a href='#p{i.paragraph}'>§ {i.paragraph} {_e(i.title or '')}</a></li>" for i in doc.items
    )
    parts = [
        "<!DOCTYPE html>",
        f"<html lang='sv'><head><meta charset='utf-8'><title>{_e(body)} {iso} – Sammanträdesprotokoll</title>",
        "</head><body>",
        f"<header><p>{_e(municipality)}</p><h1>{_e(body)}: sammanträdesprotokoll</h1>",
        f"<p>Sammanträdesdatum <time datetime='{iso}'>{iso}</time></p></header><main>",
        _fields([("Plats och tid", where)]),
        _attendance(doc),
        "<section aria-labelledby='justering'><h2 id='justering'>Justering</h2>",
        _fields(
            [
                ("Utses att justera", lay.names(doc.adjusters) if doc.adjusters else None),
                (
                    "Justeringens plats och tid",
                    f"{adj.place or ''} {adj.date or ''}".strip() if adj else None,
                ),
                ("Sekreterare", doc.secretary.name if doc.secretary else None),
                ("Ordförande", doc.chair.name if doc.chair else None),
            ]
            + [("Justerande", p.name) for p in doc.adjusters]
        ),
        "</section>",
    ]
    if notice:
        parts += [
            "<section aria-labelledby='anslag'><h2 id='anslag'>Anslag/bevis</h2>",
            "<p>Protokollet är justerat. Justeringen har tillkännagivits genom anslag.</p>",
            _fields(
                [
                    ("Datum då anslaget sätts upp", str(notice.posted or "") or None),
                    ("Datum då anslaget tas ned", str(notice.removed or "") or None),
                    ("Sista dag för överklagande", str(notice.appeal_deadline or "") or None),
                    ("Förvaringsplats för protokollet", notice.storage),
                ]
            ),
            "</section>",
        ]
    parts += [f"<nav aria-labelledby='lista'><h2 id='lista'>Ärendelista</h2><ol>{agenda}</ol></nav>"]
    parts += [_item(i) for i in doc.items]
    parts += ["</main></body></html>"]
    return "\n".join(p for p in parts if p) + "\n"
