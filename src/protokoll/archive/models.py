"""The archive: stored proceedings as relational rows (docs/model.md explains each table).

Everything a ``protokoll/1`` document carries is stored in columns, not as a JSON blob, so
that ``protokoll.archive.exporting`` rebuilds the document from these rows and the round trip
document → rows → document is a real test of the storage. Persons named in a row keep the
name, party and role *as written* in the protocol; a link to the ``Person`` of the
municipality is added beside it for the archive's person pages.

Natural keys (STYLE.md 5): municipality by name; body by (municipality, name); meeting by
(body, date); item by (meeting, §); case by (municipality, normalised Dnr, DOMAIN 2.1).
A value that may be absent in the document (``None``) is a nullable column; an object that
may be absent as a whole (``source``, ``provenance``) has a ``has_…`` flag so that an empty
object and a missing one stay different.
"""

from __future__ import annotations

from django.db import models

from protokoll.archive.visibility import SECRET_MARKER, is_withheld
from protokoll.domain.vocab import (
    AdjustmentMethod,
    AttendanceGroup,
    AttendanceStatus,
    BodyKind,
    DispatchPurpose,
    DocumentKind,
    MotionKind,
    Outcome,
    StatementKind,
    Visibility,
    VoteChoice,
)


def _choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.name.replace("_", " ").lower()) for member in enum]


class Municipality(models.Model):
    name = models.TextField(unique=True)
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "kommun"
        verbose_name_plural = "kommuner"

    def __str__(self) -> str:
        return self.name


class Body(models.Model):
    """An organ: fullmäktige, styrelse, nämnd or utskott (KL 3:3-4, 6:1; DOMAIN 5 "Organ")."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="bodies")
    name = models.TextField(help_text="the organ's name as protocols write it")
    kind = models.CharField(max_length=16, choices=_choices(BodyKind), default=BodyKind.COMMITTEE)
    slug = models.SlugField(max_length=200)

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = "organ"
        verbose_name_plural = "organ"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="archive_body_natural_key"),
            models.UniqueConstraint(fields=["municipality", "slug"], name="archive_body_slug"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"


class Person(models.Model):
    """A person of a municipality, keyed by the name as protocols write it."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="persons")
    name = models.TextField()

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "personer"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="archive_person_natural_key")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A seat in a body over time: ledamot or ersättare, with party and inkallelseordning
    (KL 6:16; DOMAIN 1.8). Not carried by protokoll/1 documents; kept by dump/restore."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.TextField(null=True, blank=True, help_text='e.g. "ordförande"')
    party = models.CharField(max_length=8, null=True, blank=True)
    group = models.CharField(
        max_length=16,
        choices=[(AttendanceGroup.MEMBER.value, "ledamot"), (AttendanceGroup.SUBSTITUTE.value, "ersättare")],
        default=AttendanceGroup.MEMBER,
    )
    substitute_order = models.PositiveIntegerField(null=True, blank=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["body", "group", "substitute_order", "person__name"]
        indexes = [models.Index(fields=["body", "start", "end"], name="archive_membership_period")]


class PersonFields(models.Model):
    """A person as written in one row, plus the link to the municipality's ``Person``."""

    name = models.TextField()
    party = models.CharField(max_length=8, null=True, blank=True)
    role = models.TextField(null=True, blank=True)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        abstract = True


class Case(models.Model):
    """An ärende, identified by its normalised diarienummer within the municipality (DOMAIN 2.1).

    The spellings actually written are kept on the items (``Item.case_raw``); ``raw_forms``
    lists them.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="cases")
    key = models.TextField(help_text="normalised Dnr (protokoll.domain.dnr.normalize_key)")
    prefix = models.TextField(null=True, blank=True)
    year = models.IntegerField(null=True, blank=True)
    serial = models.BigIntegerField(null=True, blank=True)
    classification = models.TextField(null=True, blank=True)
    title = models.TextField(null=True, blank=True, help_text="title of the first item seen")

    class Meta:
        ordering = ["municipality__name", "key"]
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="archive_case_natural_key")
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def raw_forms(self) -> list[str]:
        return sorted(set(self.items.exclude(case_raw=None).values_list("case_raw", flat=True)))


class Meeting(models.Model):
    """A sammanträde (DOMAIN 1.1, 5 "Sammanträde"), one per body and date."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    start = models.TimeField(null=True, blank=True)
    end = models.TimeField(null=True, blank=True)
    place = models.TextField(null=True, blank=True)
    kind = models.CharField(max_length=16, choices=_choices(DocumentKind), default=DocumentKind.PROTOCOL)
    chair_name = models.TextField(null=True, blank=True)
    chair_party = models.CharField(max_length=8, null=True, blank=True)
    chair_role = models.TextField(null=True, blank=True)
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_meetings"
    )
    secretary_name = models.TextField(null=True, blank=True)
    secretary_party = models.CharField(max_length=8, null=True, blank=True)
    secretary_role = models.TextField(null=True, blank=True)
    secretary = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="minuted_meetings"
    )
    summary = models.TextField(null=True, blank=True)
    has_source = models.BooleanField(default=False)
    source_file = models.TextField(null=True, blank=True)
    source_format = models.CharField(max_length=16, null=True, blank=True)
    source_pages = models.IntegerField(null=True, blank=True)
    source_sha256 = models.CharField(max_length=64, null=True, blank=True)
    published = models.BooleanField(default=True, help_text="visible to the public")
    content_hash = models.CharField(max_length=64, help_text="sha256 of the canonical document JSON")
    version = models.PositiveIntegerField(default=1, help_text="optimistic locking")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "body__name"]
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"
        constraints = [models.UniqueConstraint(fields=["body", "date"], name="archive_meeting_natural_key")]
        indexes = [models.Index(fields=["date"], name="archive_meeting_date")]

    def __str__(self) -> str:
        return f"{self.body.name} {self.date.isoformat()}"

    @property
    def municipality(self) -> Municipality:
        return self.body.municipality


class Adjournment(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="adjournments")
    position = models.PositiveIntegerField()
    start = models.TimeField()
    end = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "position"]


class Adjuster(PersonFields):
    """A justerare named in the protocol other than the chair (KL 5:69)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="adjusters")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["meeting", "position"]


class AttendanceEntry(PersonFields):
    """One line of the attendance list (KL 5:66; DOMAIN 1.8)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    position = models.PositiveIntegerField()
    group = models.CharField(max_length=16, choices=_choices(AttendanceGroup))
    status = models.CharField(
        max_length=16, choices=_choices(AttendanceStatus), default=AttendanceStatus.PRESENT
    )
    serving = models.BooleanField(default=False)
    replaces_name = models.TextField(null=True, blank=True)
    replaces_party = models.CharField(max_length=8, null=True, blank=True)
    replaces_role = models.TextField(null=True, blank=True)
    replaces = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_in"
    )
    paragraphs = models.JSONField(null=True, blank=True, help_text="[[from, to], …]; null = whole meeting")
    remote = models.BooleanField(default=False)
    note = models.TextField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name_plural = "attendance entries"


class Adjustment(models.Model):
    """Justering (KL 5:69; DOMAIN 1.2)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="adjustment")
    date = models.DateField(null=True, blank=True)
    time = models.TimeField(null=True, blank=True)
    place = models.TextField(null=True, blank=True)
    method = models.CharField(max_length=16, null=True, blank=True, choices=_choices(AdjustmentMethod))


class AdjustmentSigner(PersonFields):
    adjustment = models.ForeignKey(Adjustment, on_delete=models.CASCADE, related_name="signed_by")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["adjustment", "position"]


class Notice(models.Model):
    """Anslag / anslagsbevis (KL 8:12, 13:5; DOMAIN 1.3-1.4)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="notice")
    posted = models.DateField(null=True, blank=True)
    removed = models.DateField(null=True, blank=True)
    storage = models.TextField(null=True, blank=True)
    appeal_deadline = models.DateField(null=True, blank=True)


class MeetingWarning(models.Model):
    """A warning the producer of the document left (never a silent guess, STYLE.md 8)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="warnings")
    position = models.PositiveIntegerField()
    code = models.TextField()
    message = models.TextField()
    paragraph = models.IntegerField(null=True, blank=True)
    page = models.IntegerField(null=True, blank=True)
    line = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "position"]


class Item(models.Model):
    """One § (KL 5:67). ``visibility`` is archive state (DOMAIN 1.10), not in the document:
    a confidential § is always ``secret``; masking is decided in the archive."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    paragraph = models.IntegerField(null=True, blank=True)
    case_number = models.TextField(null=True, blank=True, help_text="Dnr as written")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.PROTECT, related_name="items")
    case_raw = models.TextField(null=True, blank=True)
    case_prefix = models.TextField(null=True, blank=True)
    case_year = models.IntegerField(null=True, blank=True)
    case_serial = models.BigIntegerField(null=True, blank=True)
    case_classification = models.TextField(null=True, blank=True)
    case_document = models.BigIntegerField(null=True, blank=True)
    title = models.TextField(null=True, blank=True)
    confidential = models.BooleanField(default=False)
    visibility = models.CharField(max_length=16, choices=_choices(Visibility), default=Visibility.PUBLIC)
    outcome = models.CharField(max_length=16, null=True, blank=True, choices=_choices(Outcome))
    decision = models.TextField(null=True, blank=True)
    proposed_decision = models.TextField(null=True, blank=True)
    background = models.TextField(null=True, blank=True)
    proposition_order = models.TextField(null=True, blank=True)
    immediately_adjusted = models.BooleanField(default=False)
    has_provenance = models.BooleanField(default=False)
    provenance_page = models.IntegerField(null=True, blank=True)
    provenance_line_start = models.IntegerField(null=True, blank=True)
    provenance_line_end = models.IntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="optimistic locking")

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "paragraph"], name="archive_item_natural_key")
        ]
        indexes = [models.Index(fields=["paragraph"], name="archive_item_paragraph")]

    def __str__(self) -> str:
        # Shown wherever Django names a row (the admin's inline, delete confirmations, logs): a
        # withheld §'s title could say who the case is about, so it is never part of the name.
        if is_withheld(self):
            return f"§ {self.paragraph} {SECRET_MARKER}"
        return f"§ {self.paragraph} {self.title or ''}".strip()


class Motion(models.Model):
    """A yrkande (KL 5:67 p. 1)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="motions")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=_choices(MotionKind), default=MotionKind.OTHER)
    text = models.TextField(blank=True, default="")
    withdrawn = models.BooleanField(default=False)

    class Meta:
        ordering = ["item", "position"]


class MotionAuthor(PersonFields):
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="by")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["motion", "position"]


class Vote(models.Model):
    """An omröstning (KL 5:67 p. 3 and 5; 5:56 casting vote and lottery)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="votes")
    position = models.PositiveIntegerField()
    question = models.TextField(null=True, blank=True)
    yes = models.PositiveIntegerField(default=0)
    no = models.PositiveIntegerField(default=0)
    abstain = models.PositiveIntegerField(default=0)
    absent = models.PositiveIntegerField(default=0)
    casting_vote = models.BooleanField(default=False)
    lottery = models.BooleanField(default=False)

    class Meta:
        ordering = ["item", "position"]


class Ballot(PersonFields):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    position = models.PositiveIntegerField()
    choice = models.CharField(max_length=16, choices=_choices(VoteChoice))

    class Meta:
        ordering = ["vote", "position"]


class Reservation(models.Model):
    """A reservation against the decision (KL 4:27)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="reservations")
    position = models.PositiveIntegerField()
    text = models.TextField(blank=True, default="")
    written = models.BooleanField(default=False)

    class Meta:
        ordering = ["item", "position"]


class ReservationAuthor(PersonFields):
    reservation = models.ForeignKey(Reservation, on_delete=models.CASCADE, related_name="by")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["reservation", "position"]


class Statement(models.Model):
    """Särskilt yttrande or protokollsanteckning (DOMAIN 1.9)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="statements")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=24, choices=_choices(StatementKind))
    text = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["item", "position"]


class StatementAuthor(PersonFields):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="by")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["statement", "position"]


class Conflict(PersonFields):
    """Jäv: a person who did not take part in the § (KL 6:28-32; DOMAIN 1.7)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="conflicts")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["item", "position"]


class Assignment(models.Model):
    """An uppdrag given in the decision (DOMAIN 1.12)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="assignments")
    position = models.PositiveIntegerField()
    assignee = models.TextField()
    task = models.TextField()
    due = models.DateField(null=True, blank=True)
    report_to = models.TextField(null=True, blank=True)

    class Meta:
        ordering = ["item", "position"]


class Dispatch(models.Model):
    """Expediering, "Kopia till" (DOMAIN 1.13)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="sent_to")
    position = models.PositiveIntegerField()
    recipient = models.TextField()
    purpose = models.CharField(
        max_length=16, choices=_choices(DispatchPurpose), default=DispatchPurpose.INFORMATION
    )

    class Meta:
        ordering = ["item", "position"]
        verbose_name_plural = "dispatches"


class Attachment(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    position = models.PositiveIntegerField()
    title = models.TextField()

    class Meta:
        ordering = ["item", "position"]
