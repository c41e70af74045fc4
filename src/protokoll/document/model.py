"""The ``protokoll/1`` document: one committee meeting's proceedings as data.

This is the interchange format between import, storage, recording and export. Field names are
part of the published format (docs/document-format.md, ``protokoll schema``); add fields, never
rename them. Every model forbids unknown keys so that a typo in a hand-written document is an
error that names the field rather than silently lost data.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from protokoll.domain.vocab import (
    AdjustmentMethod,
    AttendanceGroup,
    AttendanceStatus,
    DispatchPurpose,
    DocumentKind,
    MotionKind,
    Outcome,
    StatementKind,
    VoteChoice,
)

SCHEMA_ID = "protokoll/1"

Clock = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Party = Annotated[str, StringConstraints(pattern=r"^[A-ZÅÄÖ]{1,8}$")]
ParagraphRange = tuple[int, int]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


class Person(_Model):
    """A named person as the protocol writes them. ``party`` is the upper-case abbreviation."""

    name: str = Field(min_length=1)
    party: Party | None = None
    role: str | None = Field(None, description='e.g. "ordförande", "1:e vice ordförande"')


class AttendanceEntry(Person):
    """One line of the attendance list (KL 5:66: who served; DOMAIN 1.8)."""

    group: AttendanceGroup
    status: AttendanceStatus = AttendanceStatus.PRESENT
    serving: bool = Field(False, description="took part in decisions (tjänstgörande)")
    replaces: Person | None = Field(None, description="the member a serving ersättare sits for")
    paragraphs: list[ParagraphRange] | None = Field(
        None, description="inclusive § ranges this entry applies to; null = the whole meeting"
    )
    remote: bool = Field(False, description="took part at a distance (KL 6:24)")
    note: str | None = None


class Adjournment(_Model):
    start: Clock
    end: Clock | None = None


class Meeting(_Model):
    date: dt.date | None = None
    start: Clock | None = None
    end: Clock | None = None
    place: str | None = None
    adjournments: list[Adjournment] = []


class Adjustment(_Model):
    """Justering (KL 5:69; DOMAIN 1.2)."""

    date: dt.date | None = None
    time: Clock | None = None
    place: str | None = None
    method: AdjustmentMethod | None = None
    signed_by: list[Person] = []


class Notice(_Model):
    """Anslag / anslagsbevis (KL 8:12, 13:5; DOMAIN 1.3-1.4)."""

    posted: dt.date | None = None
    removed: dt.date | None = None
    storage: str | None = Field(None, description="förvaringsplats för protokollet")
    appeal_deadline: dt.date | None = None


class CaseRef(_Model):
    """A parsed diarienummer (DOMAIN 2.1). ``raw`` keeps the original spelling."""

    raw: str
    prefix: str | None = None
    year: int | None = None
    serial: int | None = None
    classification: str | None = Field(None, description="KLASSA code or old diarieplan code")
    document: int | None = Field(None, description="document number within the case, if written")
    normalized: str = Field(description="key used to match the same case across meetings")


class Motion(_Model):
    """A yrkande (KL 5:67 p. 1)."""

    by: list[Person] = []
    kind: MotionKind = MotionKind.OTHER
    text: str = ""
    withdrawn: bool = False


class Ballot(_Model):
    person: Person
    vote: VoteChoice


class Vote(_Model):
    """An omröstning and its result (KL 5:67 p. 3 and 5; 5:56 casting vote and lottery)."""

    question: str | None = Field(None, description='e.g. "Ja för arbetsutskottets förslag, nej för …"')
    yes: int = Field(0, ge=0)
    no: int = Field(0, ge=0)
    abstain: int = Field(0, ge=0)
    absent: int = Field(0, ge=0)
    ballots: list[Ballot] = []
    casting_vote: bool = Field(False, description="decided by the chair's utslagsröst on a tie")
    lottery: bool = Field(False, description="decided by lottning (val, anställning)")


class Reservation(_Model):
    """A reservation against the decision (KL 4:27)."""

    by: list[Person] = []
    text: str = ""
    written: bool = Field(False, description="skriftlig reservation handed in")


class Statement(_Model):
    """Särskilt yttrande or protokollsanteckning (DOMAIN 1.9)."""

    kind: StatementKind
    by: list[Person] = []
    text: str = ""


class Assignment(_Model):
    """An uppdrag given in the decision (DOMAIN 1.12)."""

    assignee: str
    task: str
    due: dt.date | None = None
    report_to: str | None = None


class Dispatch(_Model):
    """Expediering: who gets the decision and why (DOMAIN 1.13)."""

    recipient: str
    purpose: DispatchPurpose = DispatchPurpose.INFORMATION


class Provenance(_Model):
    """Where in the source an item was read (page 1-based; lines 1-based within the page)."""

    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None


class Item(_Model):
    """One § of the protocol (KL 5:67)."""

    paragraph: int | None = Field(None, description="§ number; null only in a summary")
    case_number: str | None = Field(None, description='diarienummer as written, without "Dnr"')
    case: CaseRef | None = None
    title: str | None = None
    confidential: bool = Field(False, description="content withheld (sekretess)")
    outcome: Outcome | None = None
    decision: str | None = None
    proposed_decision: str | None = None
    background: str | None = None
    motions: list[Motion] = []
    proposition_order: str | None = None
    votes: list[Vote] = []
    reservations: list[Reservation] = []
    statements: list[Statement] = []
    conflicts: list[Person] = Field([], description="jäv: persons who did not take part")
    assignments: list[Assignment] = []
    sent_to: list[Dispatch] = []
    attachments: list[str] = []
    immediately_adjusted: bool = False
    provenance: Provenance | None = None


class Warning(_Model):  # noqa: A001 - the document's own term, never confused with the builtin in use
    """Something the producer was unsure of. Never silent: a guess comes with a warning."""

    code: str
    message: str
    paragraph: int | None = None
    page: int | None = None
    line: int | None = None


class Source(_Model):
    file: str | None = None
    format: Literal["pdf", "html", "docx", "text", "json", "recorded"] | None = None
    pages: int | None = None
    sha256: str | None = None


class Document(_Model):
    """A ``protokoll/1`` document."""

    schema_: Literal["protokoll/1"] = Field(SCHEMA_ID, alias="schema")
    kind: DocumentKind = DocumentKind.PROTOCOL
    municipality: str | None = None
    body: str | None = None
    meeting: Meeting = Meeting()
    chair: Person | None = None
    secretary: Person | None = None
    adjusters: list[Person] = Field([], description="justerare other than the chair")
    attendance: list[AttendanceEntry] = []
    adjustment: Adjustment | None = None
    notice: Notice | None = None
    items: list[Item] = []
    summary: str | None = Field(None, description="plain-language text of a summary document")
    warnings: list[Warning] = []
    source: Source | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_assignment=True)

    @model_validator(mode="after")
    def _paragraphs_unique(self) -> Document:
        seen: set[int] = set()
        for item in self.items:
            if item.paragraph is None:
                continue
            if item.paragraph in seen:
                raise ValueError(f"items: paragraph § {item.paragraph} occurs twice")
            seen.add(item.paragraph)
        return self

    def to_json_dict(self) -> dict:
        """The canonical JSON form: aliases, ISO dates, enums as their codes."""
        return self.model_dump(mode="json", by_alias=True)
