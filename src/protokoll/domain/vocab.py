"""Vocabularies with legal meaning.

Each enum's docstring names the rule in ``shared/DOMAIN.md`` (and the law behind it) that the
values carry. Values are stable English codes: they are stored in the database, written into
``protokoll/1`` documents and read by other programs, so they never change once published.
"""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """What a ``protokoll/1`` document describes.

    - ``protocol``: a whole sammanträdesprotokoll (KL 5:65-67 via 6:35).
    - ``extract``: a protokollsutdrag, one or a few §§ with utdragsbestyrkande (DOMAIN 1.13).
    - ``listing``: a web page listing a meeting's agenda items or decisions, not the protocol.
    - ``summary``: a news-style summary of a meeting written for the public.
    """

    PROTOCOL = "protocol"
    EXTRACT = "extract"
    LISTING = "listing"
    SUMMARY = "summary"


class Outcome(StrEnum):
    """How a § ended (DOMAIN 1.6; checklist 8; KL 5:50, 6:33).

    - ``decision``: beslut on the merits.
    - ``referral``: återremiss, sent back for more preparation, with a stated reason.
    - ``tabled``: bordläggning, postponed unchanged to a later meeting.
    - ``withdrawn``: "ärendet utgår", removed from the agenda, no decision on the merits.
    - ``information``: informationsärende, "noterar informationen" / "läggs till handlingarna".
    - ``report``: anmälan of delegationsbeslut or meddelanden (KL 6:40).
    """

    DECISION = "decision"
    REFERRAL = "referral"
    TABLED = "tabled"
    WITHDRAWN = "withdrawn"
    INFORMATION = "information"
    REPORT = "report"


class AttendanceGroup(StrEnum):
    """Who a person in the attendance list is (KL 5:66; DOMAIN 1.8, 5 "Tjänstgöring").

    - ``member``: ledamot (ordinarie).
    - ``substitute``: ersättare, serving (tjänstgörande) or not.
    - ``official``: tjänsteperson, secretary, föredragande (FL 31 § asks who was föredragande).
    - ``other``: anyone else present: fackliga företrädare, revisorer, guests.
    """

    MEMBER = "member"
    SUBSTITUTE = "substitute"
    OFFICIAL = "official"
    OTHER = "other"


class AttendanceStatus(StrEnum):
    """Present or absent. Distance participants are present (KL 6:24)."""

    PRESENT = "present"
    ABSENT = "absent"


class VoteChoice(StrEnum):
    """A member's ballot in an open omröstning (KL 5:54-55 via 6:33, 4:25 on abstention).

    ``absent`` records a serving member who was not there for that vote (Söderhamn-style grids).
    """

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"


class MotionKind(StrEnum):
    """The kind of a yrkande (DOMAIN 1.5 propositionsordning, 5 "Yrkanden").

    Formal yrkanden (``referral``, ``tabling``) are put to the meeting first.
    """

    APPROVAL = "approval"  # bifall
    REJECTION = "rejection"  # avslag
    AMENDMENT = "amendment"  # ändring, eget förslag
    ADDITION = "addition"  # tillägg
    REFERRAL = "referral"  # återremiss
    TABLING = "tabling"  # bordläggning
    OTHER = "other"


class StatementKind(StrEnum):
    """Opinions entered into the protocol that are not reservations (DOMAIN 1.9; KL 6:17).

    - ``special_statement``: särskilt yttrande.
    - ``protocol_note``: protokollsanteckning.
    """

    SPECIAL_STATEMENT = "special_statement"
    PROTOCOL_NOTE = "protocol_note"


class DispatchPurpose(StrEnum):
    """Why a decision is sent to someone (expediering, "Kopia till"; DOMAIN 1.13)."""

    ACTION = "action"  # för åtgärd / för verkställighet
    INFORMATION = "information"  # för kännedom


class BodyKind(StrEnum):
    """The kind of organ (KL 3:3-4, 6:1; DOMAIN 5 "Organ")."""

    COUNCIL = "fullmaktige"  # kommunfullmäktige
    BOARD = "styrelse"  # kommunstyrelse
    COMMITTEE = "namnd"  # nämnd, incl. gemensam nämnd
    SUBCOMMITTEE = "utskott"  # arbetsutskott, beredning


class Visibility(StrEnum):
    """Who may read a § (KL 6:25; DOMAIN 1.10; checklist 36).

    - ``public``: published.
    - ``masked``: published with protected names or personnummer masked.
    - ``secret``: sekretess under OSL; only the § number and a marker are published.
    """

    PUBLIC = "public"
    MASKED = "masked"
    SECRET = "secret"


class AdjustmentMethod(StrEnum):
    """How the protocol was justerat (DOMAIN 1.2): on paper or by digital signature."""

    PAPER = "paper"
    DIGITAL = "digital"
