"""What the round trip compares: the fields KL 5:66-67 makes the protocol show.

``differences`` compares §§ (Dnr, title, beslut, outcome, votes with tallies and named ballots,
reservations) and attendance (group, serving). ``full=True`` also compares what a recorded
meeting carries: yrkanden (who, kind, withdrawn), jäv, uppdrag, and per attendance line the
member an ersättare sits for and the §§ served.
"""

from __future__ import annotations

from protokoll.document.model import Document
from protokoll.rendering.layout import flowed


def _people(people) -> list[tuple[str, str | None]]:
    return sorted((p.name, p.party) for p in people)


def item_record(item, *, full: bool = False) -> dict:
    out = {
        "paragraph": item.paragraph,
        "case_number": item.case_number,
        "title": item.title,
        # line breaks other than before a numbered point are not part of the text form
        "decision": "\n".join(flowed(item.decision)) or None,
        "outcome": item.outcome.value if item.outcome else None,
        "confidential": item.confidential,
        "votes": [
            {
                "yes": v.yes,
                "no": v.no,
                "abstain": v.abstain,
                "absent": v.absent,
                "casting_vote": v.casting_vote,
                "lottery": v.lottery,
                "ballots": sorted((b.person.name, b.person.party, b.vote.value) for b in v.ballots),
            }
            for v in item.votes
        ],
        "reservations": [_people(r.by) for r in item.reservations],
    }
    if full:
        out["motions"] = [
            ([(p.name, p.party) for p in x.by], x.kind.value, x.withdrawn) for x in item.motions
        ]
        out["conflicts"] = _people(item.conflicts)
        out["assignments"] = [(a.assignee, a.task, a.due) for a in item.assignments]
    return out


def attendance_record(doc: Document, *, full: bool = False) -> list[tuple]:
    rows = []
    for e in doc.attendance:
        row: tuple = (e.name, e.party, e.group.value, e.serving)
        if full:
            replaces = (e.replaces.name, e.replaces.party) if e.replaces else None
            row += (e.status.value, replaces, [tuple(r) for r in e.paragraphs] if e.paragraphs else None)
        rows.append(row)
    return sorted(rows, key=repr)


def differences(expected: Document, got: Document, *, full: bool = False) -> list[str]:
    """Human-readable differences between the generated and the parsed document."""
    out = []
    want_items = {i.paragraph: item_record(i, full=full) for i in expected.items}
    got_items = {i.paragraph: item_record(i, full=full) for i in got.items}
    if sorted(want_items) != sorted(got_items):
        out.append(f"paragraphs: expected {sorted(want_items)}, got {sorted(got_items)}")
    for p, want in want_items.items():
        have = got_items.get(p)
        if have is None:
            continue
        if want["confidential"]:  # a sekretess § shows its heading and a marker only (DOMAIN 1.10)
            want = {k: want[k] for k in ("paragraph", "case_number", "title", "confidential")}
        for key, value in want.items():
            if have[key] != value:
                out.append(f"§ {p} {key}: expected {value!r}, got {have[key]!r}")
    want_att, got_att = attendance_record(expected, full=full), attendance_record(got, full=full)
    if want_att != got_att:
        missing = [r for r in want_att if r not in got_att]
        extra = [r for r in got_att if r not in want_att]
        out.append(f"attendance: missing {missing}, unexpected {extra}")
    return out
