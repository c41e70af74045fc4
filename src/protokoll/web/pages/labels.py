"""Swedish words for the archive's stable English codes (domain/vocab.py)."""

from __future__ import annotations

from protokoll.domain.vocab import (
    AdjustmentMethod,
    AttendanceGroup,
    BodyKind,
    DispatchPurpose,
    MotionKind,
    Outcome,
    StatementKind,
    VoteChoice,
)
from protokoll.insights.phrases import MONTH_NAMES

OUTCOME = {
    Outcome.DECISION: "Beslut",
    Outcome.REFERRAL: "Återremiss",
    Outcome.TABLED: "Bordlagt",
    Outcome.WITHDRAWN: "Utgår",
    Outcome.INFORMATION: "Information",
    Outcome.REPORT: "Anmälan",
}
CHOICE = {
    VoteChoice.YES: "Ja",
    VoteChoice.NO: "Nej",
    VoteChoice.ABSTAIN: "Avstår",
    VoteChoice.ABSENT: "Frånvarande",
}
MOTION = {
    MotionKind.APPROVAL: "bifall",
    MotionKind.REJECTION: "avslag",
    MotionKind.AMENDMENT: "ändring",
    MotionKind.ADDITION: "tillägg",
    MotionKind.REFERRAL: "återremiss",
    MotionKind.TABLING: "bordläggning",
    MotionKind.OTHER: "övrigt",
}
STATEMENT = {
    StatementKind.SPECIAL_STATEMENT: "Särskilt yttrande",
    StatementKind.PROTOCOL_NOTE: "Protokollsanteckning",
}
GROUP = {
    AttendanceGroup.MEMBER: "Ledamöter",
    AttendanceGroup.SUBSTITUTE: "Ersättare",
    AttendanceGroup.OFFICIAL: "Tjänstepersoner",
    AttendanceGroup.OTHER: "Övriga närvarande",
}
BODY_KIND = {
    BodyKind.COUNCIL: "Fullmäktige",
    BodyKind.BOARD: "Styrelse",
    BodyKind.COMMITTEE: "Nämnd",
    BodyKind.SUBCOMMITTEE: "Utskott",
}
DISPATCH = {DispatchPurpose.ACTION: "för åtgärd", DispatchPurpose.INFORMATION: "för kännedom"}
ADJUSTMENT = {AdjustmentMethod.PAPER: "på papper", AdjustmentMethod.DIGITAL: "digitalt"}
UPPDRAG_STATUS = {
    "open": "Pågår",
    "reported": "Återrapporterat",
    "closed": "Avslutat",
    "overdue": "Försenat",
}


def label(table: dict, code: str | None) -> str:
    if code is None:
        return ""
    return table.get(code, code)


def long_date(value) -> str:
    """14 januari 2025"""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
