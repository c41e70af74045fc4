"""What the round trip compares: the fields KL 5:66-67 makes the protocol show."""

from __future__ import annotations

from protokoll.document.model import Document


def _people(people) -> list[tuple[str, str | None]]:
    return sorted((p.name, p.party) for p in people)


def item_record(item) -> dict:
    return {
        "paragraph": item.paragraph,
        "case_number": item.case_number,
        "title": item.title,
        "decision": item.decision,
        "outcome": item.outcome.value if item.outcome else None,
        "confidential": item.confidential,
        "votes": [
            {
                "yes": v.yes,
                "no": v.no,
                "abstain": v.abstain,
                "ballots": sorted((b.person.name, b.person.party, b.vote.value) for b in v.ballots),
            }
            for v in item.votes
        ],
        "reservations": [_people(r.by) for r in item.reservations],
    }


def attendance_record(doc: Document) -> list[tuple]:
    return sorted((e.name, e.party, e.group.value, e.serving) for e in doc.attendance)


def differences(expected: Document, got: Document) -> list[str]:
    """Human-readable differences between the generated and the parsed document."""
    out = []
    want_items = {i.paragraph: item_record(i) for i in expected.items}
    got_items = {i.paragraph: item_record(i) for i in got.items}
    if sorted(want_items) != sorted(got_items):
        out.append(f"paragraphs: expected {sorted(want_items)}, got {sorted(got_items)}")
    for p, want in want_items.items():
        have = got_items.get(p)
        if have is None:
            continue
        for key, value in want.items():
            if have[key] != value:
                out.append(f"§ {p} {key}: expected {value!r}, got {have[key]!r}")
    want_att, got_att = attendance_record(expected), attendance_record(got)
    if want_att != got_att:
        missing = sorted(set(want_att) - set(got_att))
        extra = sorted(set(got_att) - set(want_att))
        out.append(f"attendance: missing {missing}, unexpected {extra}")
    return out
