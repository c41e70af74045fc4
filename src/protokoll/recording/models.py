"""Recording state that the ``protokoll/1`` document does not carry (docs/recording.md).

A recorded meeting *is* an archive ``Meeting`` with its rows; these tables hold what only the
live recording needs: who was in the room over which §§, the privacy of a §, the justering
signatures, rättelser, anslag and the delegation register.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from protokoll.archive.models import Body, Item, Meeting, Person


class MeetingState(models.Model):
    """When the meeting was opened and closed (KL 4:27: a reservation is announced before close)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="recording_state")
    closed_at = models.DateTimeField(null=True, blank=True)


class Presence(models.Model):
    """A person in the room (or at a distance, KL 6:24) from § ``first`` to § ``last`` (inclusive;
    ``last`` None = to the end). Several rows for one person record leaving and returning."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="presences")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="presences")
    first = models.IntegerField()
    last = models.IntegerField(null=True, blank=True)
    remote = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "person__name", "first"]


class ItemPrivacy(models.Model):
    """Sekretess reference and protected names of a § (KL 6:25, OSL; DOMAIN 1.10)."""

    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="privacy")
    osl_reference = models.TextField(blank=True, default="")
    protected_names = models.JSONField(default=list, blank=True)


class SigningKey(models.Model):
    """A user's Ed25519 key. The private key is encrypted with a key derived from the user's
    password by scrypt at signing time (AES-256-GCM); the server never stores it in clear."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signing_keys")
    public_key = models.CharField(max_length=64, help_text="raw public key, hex")
    encrypted_private_key = models.BinaryField()
    salt = models.BinaryField()
    nonce = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["user", "-created_at"]


class Justering(models.Model):
    """A set of §§ being justerade together (the whole protocol, or an omedelbar justering).
    ``completed_on`` is set when the chair and every justerare have signed (KL 5:69)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="justeringar")
    paragraphs = models.JSONField()
    immediate = models.BooleanField(default=False)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "created_at"]


class Signature(models.Model):
    """One signer's Ed25519 signature over the canonical JSON of the justering's §§."""

    justering = models.ForeignKey(Justering, on_delete=models.PROTECT, related_name="signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="signatures")
    signer_name = models.TextField()
    as_chair = models.BooleanField(default=False)
    payload = models.TextField(help_text="the canonical JSON that was signed")
    signature = models.CharField(max_length=128, help_text="hex")
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["justering", "signed_at"]
        constraints = [models.UniqueConstraint(fields=["justering", "user"], name="recording_one_signature")]


class Correction(models.Model):
    """A rättelse of a justerat § (JO 581-2013; FL 36): a visible record of what changed and who
    decided it. The justerat rows stay as they were signed."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="corrections")
    field = models.CharField(max_length=32)
    before = models.TextField(blank=True, default="")
    after = models.TextField()
    reason = models.TextField()
    decided_by = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "recorded_at"]


class Posting(models.Model):
    """A tillkännagivande on the anslagstavla (KL 8:10, 8:12, 13:5): of a justering, or of a
    delegation decision that is not reported to the nämnd (8:10 p. 3)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="postings")
    justering = models.OneToOneField(
        Justering, null=True, blank=True, on_delete=models.PROTECT, related_name="posting"
    )
    delegated = models.OneToOneField(
        "DelegatedDecision", null=True, blank=True, on_delete=models.PROTECT, related_name="posting"
    )
    posted = models.DateField()
    appeal_deadline = models.DateField()
    removed = models.DateField(null=True, blank=True)
    storage = models.TextField(default="")

    class Meta:
        ordering = ["-posted", "pk"]


class DelegatedDecision(models.Model):
    """One row of the register of delegationsbeslut (KL 6:37–40)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="delegated_decisions")
    delegate = models.TextField()
    point = models.TextField(blank=True, default="", help_text="point of the delegationsordning")
    decided = models.DateField()
    decision = models.TextField()
    case_number = models.TextField(blank=True, default="")
    urgent = models.BooleanField(default=False, help_text="the chair's decision in an urgent matter (6:39)")
    to_be_reported = models.BooleanField(default=True)
    appealable = models.BooleanField(default=True)
    categories = models.JSONField(default=list, blank=True, help_text="KL 6:38 categories it touches")
    reported_in = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.SET_NULL, related_name="reported_delegations"
    )
    separately_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["body", "decided", "pk"]


class SubstitutePolicy(models.Model):
    """A body's order for calling in ersättare of *another* party when an absent ledamot's own
    party has none available (KL 6:16 "i vilken ordning de ska tjänstgöra"; reglemente practice
    mirroring KL 5:17–18; DOMAIN 1.8 "a cross-party order decided by fullmäktige",
    checklist 33). In force from ``valid_from`` until the next row of the body; a meeting uses
    the row in force on its date, so a later decision never changes who served on a justerad §.

    ``party_order``: party → the other parties in the decided order (a fullmäktige list);
    ``groups``: party groups or coalitions, each a list of parties, whose ersättare come next;
    ``then_others``: then any other party's ersättare (parties in alphabetical order)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="substitute_policies")
    valid_from = models.DateField()
    party_order = models.JSONField(default=dict, blank=True)
    groups = models.JSONField(default=list, blank=True)
    then_others = models.BooleanField(default=False)
    decided_by = models.TextField(blank=True, default="", help_text="the decision, e.g. KF 2026-01-20 § 5")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["body", "valid_from"], name="recording_one_policy_per_day")
        ]


class PropositionStep(models.Model):
    """One step of a §'s propositionsordning (DOMAIN 1.5, checklist 3): which two propositions
    the chair puts against each other and what the meeting decided, by acklamation or by its
    omröstning (``vote``; ja is always ``first``, nej ``second``).

    A side is a key (``recording.propositions``): ``förslaget`` (förslaget till beslut),
    ``idag`` (that the ärende is decided today, against a formal yrkande), ``avslag``,
    ``m<pk>`` (a yrkande of the §) or ``w<position>`` (the winner of an earlier
    kontrapropositionsvotering)."""

    class Kind(models.TextChoices):
        FORMAL = "formal", "återremiss eller bordläggning"
        COUNTER = "counter", "kontrapropositionsvotering"
        MAIN = "main", "huvudproposition"
        ADDITION = "addition", "tilläggsyrkande"

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="proposition_steps")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    first = models.CharField(max_length=32)
    second = models.CharField(max_length=32)
    winner = models.CharField(max_length=8, null=True, blank=True, help_text="first or second")
    found = models.CharField(
        max_length=8,
        null=True,
        blank=True,
        help_text="the chair's finding before an omröstning was asked for",
    )
    vote = models.OneToOneField(
        "archive.Vote", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposition_step"
    )

    class Meta:
        ordering = ["item", "position"]
