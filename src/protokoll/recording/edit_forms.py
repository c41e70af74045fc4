"""The fields of the recording page's edit forms, one list per entered row (presentation only:
the changes themselves are ``recording.edits``)."""

from __future__ import annotations

from protokoll.archive import models as m
from protokoll.domain.vocab import DispatchPurpose, MotionKind, StatementKind, VoteChoice

# The kinds a secretary picks when entering a yrkande; editing also offers "annat", which an
# imported or API-entered yrkande may carry and an edit must be able to keep.
ENTRY_KINDS = [
    (MotionKind.APPROVAL, "bifall"),
    (MotionKind.REJECTION, "avslag"),
    (MotionKind.AMENDMENT, "ändring"),
    (MotionKind.ADDITION, "tillägg"),
    (MotionKind.REFERRAL, "återremiss"),
    (MotionKind.TABLING, "bordläggning"),
]
KINDS = [*ENTRY_KINDS, (MotionKind.OTHER, "annat")]
CHOICES = [
    ("", "röstar inte"),
    (VoteChoice.YES, "ja"),
    (VoteChoice.NO, "nej"),
    (VoteChoice.ABSTAIN, "avstår"),
]
STATEMENTS = [
    (StatementKind.SPECIAL_STATEMENT, "särskilt yttrande"),
    (StatementKind.PROTOCOL_NOTE, "protokollsanteckning"),
]
PURPOSES = [(DispatchPurpose.ACTION, "åtgärd"), (DispatchPurpose.INFORMATION, "kännedom")]


def _f(name: str, label: str, value=None, *, type: str = "text", options=None) -> dict:  # noqa: A002
    return {"name": name, "label": label, "value": value, "type": type, "options": options}


def _by(row) -> str:
    return ", ".join(a.name for a in row.by.all())


def row_edits(item: m.Item, serving: list[str], everyone: list[str]) -> list[dict]:
    """One entry per row of the § that the secretary may edit or delete."""
    out: list[dict] = []

    def add(what, label, rows, fields, summary=lambda r: ""):
        for n, row in enumerate(rows, start=1):
            out.append(
                {
                    "what": what,
                    "label": label,
                    "n": n,
                    "row": row,
                    "fields": fields(row),
                    "summary": summary(row),
                }
            )

    add(
        "motion",
        "yrkande",
        item.motions.all(),
        lambda x: [
            _f("by", "Yrkande av (namn, namn)", _by(x)),
            _f("kind", "Slag", x.kind, options=KINDS),
            _f("text", "Text", x.text),
        ],
        _by,
    )
    add(
        "vote",
        "omröstning",
        item.votes.all(),
        lambda v: (
            [_f("question", "Proposition", v.question), _f("default", "", "", type="hidden")]
            + [
                _f(
                    f"ballot:{name}",
                    f"Röst för {name}",
                    next((b.choice for b in v.ballots.all() if b.name == name), ""),
                    options=CHOICES,
                )
                for name in sorted(set(serving) | {b.name for b in v.ballots.all()})
            ]
        ),
        lambda v: f"{v.yes} ja, {v.no} nej",
    )
    add(
        "reservation",
        "reservation",
        item.reservations.all(),
        lambda x: [_f("by", "Reservation av (namn, namn)", _by(x)), _f("text", "Text", x.text)],
        _by,
    )
    add(
        "statement",
        "yttrande",
        item.statements.all(),
        lambda x: [
            _f("by", "Av (namn, namn)", _by(x)),
            _f("kind", "Slag", x.kind, options=STATEMENTS),
            _f("text", "Text", x.text),
        ],
        _by,
    )
    add(
        "assignment",
        "uppdrag",
        item.assignments.all(),
        lambda x: [
            _f("assignee", "Uppdrag till", x.assignee),
            _f("task", "Uppgift", x.task),
            _f("due", "Senast", x.due.isoformat() if x.due else "", type="date"),
            _f("report_to", "Återrapporteras till", x.report_to),
        ],
        lambda x: x.assignee,
    )
    add(
        "dispatch",
        "expediering",
        item.sent_to.all(),
        lambda x: [
            _f("recipient", "Expediera till", x.recipient),
            _f("purpose", "För", x.purpose, options=PURPOSES),
        ],
        lambda x: x.recipient,
    )
    add(
        "jav",
        "jäv",
        item.conflicts.all(),
        lambda x: [_f("name", "Jävig", x.name, options=[(n, n) for n in everyone])],
        lambda x: x.name,
    )
    return out
