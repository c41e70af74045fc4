"""Justering of the protocol or a set of §§, the signatures, verification and rättelse
(KL 5:69 via 6:35; DOMAIN 1.1–1.2; JO 3339-2013, 581-2013; FL 36; checklist 17–20)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from protokoll.accounts.permissions import Perm, can_adjust, require
from protokoll.accounts.roles import Role
from protokoll.archive import models as m
from protokoll.audit import record as audit
from protokoll.audit.actions import Action
from protokoll.domain.deadlines import check_justering
from protokoll.domain.problems import Problem
from protokoll.domain.vocab import AdjustmentMethod
from protokoll.recording import signing
from protokoll.recording.canonical import payload_bytes
from protokoll.recording.errors import Refused
from protokoll.recording.immutability import adjusted_paragraphs
from protokoll.recording.models import Correction, Justering, Signature


def _is_chair(user, meeting: m.Meeting) -> bool:
    from protokoll.accounts.permissions import roles_in

    return Role.CHAIR in roles_in(user, meeting.body, meeting.date)


def required_adjusters(meeting: m.Meeting) -> int:
    """The justerare besides the chair: those named at the meeting, at least one (DOMAIN 1.2)."""
    return max(1, meeting.adjusters.count())


def is_complete(justering: Justering) -> bool:
    signatures = list(justering.signatures.all())
    chair = any(s.as_chair for s in signatures)
    others = sum(1 for s in signatures if not s.as_chair)
    return chair and others >= required_adjusters(justering.meeting)


@dataclass
class SignResult:
    justering: Justering
    signature: Signature
    completed: bool
    warnings: list[Problem] = field(default_factory=list)


def open_justering(meeting: m.Meeting, paragraphs: list[int] | None = None) -> Justering:
    """The pending justering for these §§ (all not yet justerade §§ by default, or those
    marked for omedelbar justering), created when first needed."""
    done = adjusted_paragraphs(meeting.pk)
    if paragraphs is None:
        paragraphs = [p for p in meeting.items.values_list("paragraph", flat=True) if p not in done]
    wanted = sorted(set(paragraphs))
    if not wanted:
        raise Refused("Det finns inga ojusterade paragrafer att justera")
    if set(wanted) & done:
        raise Refused(f"§§ {sorted(set(wanted) & done)} är redan justerade")
    for j in Justering.objects.filter(meeting=meeting, completed_on__isnull=True):
        if sorted(j.paragraphs) == wanted:
            return j
    immediate = bool(meeting.items.filter(paragraph__in=wanted, immediately_adjusted=False).count() == 0)
    return Justering.objects.create(meeting=meeting, paragraphs=wanted, immediate=immediate)


def sign(
    user,
    meeting_id: int,
    password: str,
    paragraphs: list[int] | None = None,
    *,
    today: dt.date | None = None,
    request=None,
) -> SignResult:
    """The user (the chair or a justerare, KL 5:69) signs the §§ with their Ed25519 key over the
    canonical JSON (``canonical.canonical_bytes``). When the chair and every justerare have
    signed, the §§ are justerade: immutable from then on, a justering audit event is written
    and the anslag is posted (``anslag.post_for``). Late justering is warned (KL 5:69)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        meeting = m.Meeting.objects.select_for_update().select_related("body").get(pk=meeting_id)
        if not can_adjust(user, meeting):
            raise Refused("Bara ordföranden och justerarna kan justera protokollet", [])
        warnings = [p for p in check_justering(meeting.date, today) if not p.refuses]
        j = open_justering(meeting, paragraphs)
        if j.signatures.filter(user=user).exists():
            raise Refused("Du har redan signerat dessa paragrafer")
        key, private = signing.unlock(user, password)
        data = payload_bytes(meeting, j.paragraphs)
        chair = _is_chair(user, meeting) and not j.signatures.filter(as_chair=True).exists()
        sig = Signature.objects.create(
            justering=j,
            user=user,
            key=key,
            signer_name=user.get_full_name() or user.get_username(),
            as_chair=chair,
            payload=data.decode("utf-8"),
            signature=signing.sign(private, data),
        )
        completed = is_complete(j)
        if completed:
            j.completed_on = today
            j.save(update_fields=["completed_on"])
            _write_adjustment(meeting, j, today)
            audit(
                Action.JUSTERING,
                actor=user,
                body=meeting.body,
                obj=meeting,
                summary=f"Sammanträdet {meeting.date}: §§ {_span(j.paragraphs)} justerade",
                details={"paragraphs": j.paragraphs, "justering": j.pk},
                request=request,
            )
            from protokoll.recording.anslag import post_justering

            post_justering(j, today)
        else:
            audit(
                Action.JUSTERING,
                actor=user,
                body=meeting.body,
                obj=meeting,
                summary=f"Sammanträdet {meeting.date}: {sig.signer_name} signerade §§ {_span(j.paragraphs)}",
                details={"paragraphs": j.paragraphs, "justering": j.pk, "signature": sig.pk},
                request=request,
            )
    return SignResult(j, sig, completed, warnings)


def _span(numbers: list[int]) -> str:
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])


def _write_adjustment(meeting: m.Meeting, j: Justering, day: dt.date) -> None:
    """The archive's justering row (the document's "adjustment") for the whole protocol."""
    if j.immediate and adjusted_paragraphs(meeting.pk) != set(
        meeting.items.values_list("paragraph", flat=True)
    ):
        return
    adj, _ = m.Adjustment.objects.get_or_create(meeting=meeting)
    adj.date = day
    adj.method = AdjustmentMethod.DIGITAL
    adj.save()


# --- verification ---------------------------------------------------------------------------


@dataclass
class Finding:
    meeting_id: int
    signature_id: int
    ok: bool
    message: str


def _first_difference(a: bytes, b: bytes) -> int:
    for n, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return n
    return min(len(a), len(b))


def _changed_paths(old, new, path: str = "") -> list[str]:
    if type(old) is not type(new):
        return [path or "/"]
    if isinstance(old, dict):
        out = []
        for k in sorted(set(old) | set(new)):
            out += _changed_paths(old.get(k), new.get(k), f"{path}/{k}")
        return out
    if isinstance(old, list):
        if len(old) != len(new):
            return [path or "/"]
        out = []
        for n, (x, y) in enumerate(zip(old, new, strict=True)):
            out += _changed_paths(x, y, f"{path}/{n}")
        return out
    return [] if old == new else [path or "/"]


def verify_meeting(meeting_id: int) -> list[Finding]:
    """Check every signature of the meeting: the signature over the stored payload, and the
    stored payload against the §§ as they are now. Reports the first changed byte and the
    changed fields (issue 6: "reports any changed byte")."""
    findings = []
    for sig in Signature.objects.filter(justering__meeting_id=meeting_id).select_related("key", "justering"):
        stored = sig.payload.encode("utf-8")
        if not signing.verify(sig.key.public_key, stored, sig.signature):
            findings.append(
                Finding(
                    meeting_id,
                    sig.pk,
                    False,
                    f"signaturen av {sig.signer_name} stämmer inte med det signerade innehållet",
                )
            )
            continue
        current = payload_bytes(meeting_id, sig.justering.paragraphs)
        if current != stored:
            at = _first_difference(stored, current)
            paths = _changed_paths(json.loads(stored), json.loads(current))
            findings.append(
                Finding(
                    meeting_id,
                    sig.pk,
                    False,
                    f"innehållet har ändrats efter {sig.signer_name}s signatur: första ändrade byte {at}; "
                    f"ändrat: {', '.join(paths[:10])}",
                )
            )
            continue
        findings.append(Finding(meeting_id, sig.pk, True, f"signaturen av {sig.signer_name} är giltig"))
    return findings


# --- rättelse -------------------------------------------------------------------------------

CORRECTABLE = {
    "decision": "Beslut",
    "title": "Rubrik",
    "background": "Ärendebeskrivning",
    "proposed_decision": "Förslag till beslut",
}


def correct(
    user, item_id: int, field_name: str, after: str, reason: str, decided_by: str, *, request=None
) -> Correction:
    """A rättelse of a justerad § (FL 36: uppenbar felaktighet): a separate, visible record of
    what changed and who decided; the signed rows are not touched (JO 581-2013; checklist 20)."""
    if field_name not in CORRECTABLE:
        raise Refused(f"Fältet {field_name} kan inte rättas")
    if not reason.strip() or not decided_by.strip():
        raise Refused("En rättelse ska ange skäl och vem som beslutat den (JO 581-2013)")
    with transaction.atomic():
        item = m.Item.objects.select_related("meeting__body").get(pk=item_id)
        require(user, Perm.PUBLISH, item.meeting.body)
        if item.paragraph not in adjusted_paragraphs(item.meeting_id):
            raise Refused("Paragrafen är inte justerad; ändra den direkt i stället")
        before = next(
            (c.after for c in item.corrections.filter(field=field_name).order_by("-recorded_at")), None
        )
        c = Correction.objects.create(
            item=item,
            field=field_name,
            before=before if before is not None else (getattr(item, field_name) or ""),
            after=after,
            reason=reason.strip(),
            decided_by=decided_by.strip(),
            recorded_by=user,
        )
        audit(
            Action.CORRECTION,
            actor=user,
            body=item.meeting.body,
            obj=item,
            summary=f"Rättelse av § {item.paragraph} ({CORRECTABLE[field_name]}), beslutad av {decided_by}",
            request=request,
        )
    return c
