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
