"""The secretary's web UI and the JSON API (thin: parse, call one service, show the result)."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from protokoll.accounts.permissions import Perm, bodies_where, can_adjust, can_publish, can_record, require
from protokoll.accounts.roles import Role
from protokoll.archive import models as m
from protokoll.domain.deadlines import justering_deadline
from protokoll.domain.vocab import Outcome, VoteChoice
from protokoll.recording import (
    actions,
    anslag,
    justering,
    outputs,
    prepare,
    publication,
    record,
    substitution,
)
from protokoll.recording.edit_forms import ENTRY_KINDS, row_edits
from protokoll.recording.errors import Refused
from protokoll.recording.immutability import adjusted_paragraphs
from protokoll.recording.models import Justering, Posting, Presence, SubstitutePolicy
from protokoll.recording.roster import quorum, roster, serving_on
from protokoll.recording.secret_reads import read_items, read_meeting

OUTCOMES = [
    (o.value, label)
    for o, label in zip(
        Outcome, ["beslut", "återremiss", "bordläggning", "utgår", "information", "anmälan"], strict=False
    )
]


def _meeting_for(user, pk: int) -> m.Meeting:
    meeting = get_object_or_404(m.Meeting.objects.select_related("body__municipality"), pk=pk)
    if not (can_record(user, meeting.body) or can_adjust(user, meeting)):
        raise PermissionDenied("record nekas")
    return meeting


@login_required
def home(request):
    own = bodies_where(request.user, {Role.SECRETARY, Role.CHAIR, Role.ADJUSTER})
    bodies = m.Body.objects.filter(pk__in=own).select_related("municipality")
    meetings = m.Meeting.objects.filter(body_id__in=own).select_related("body").order_by("-date")[:50]
    recordable = [b for b in bodies if can_record(request.user, b)]
    error = None
    if request.method == "POST":
        try:
            body = get_object_or_404(m.Body, pk=int(request.POST.get("body") or 0))
            meeting = prepare.create_meeting(
                request.user,
                body,
                dt.date.fromisoformat(request.POST.get("date", "")),
                start=dt.time.fromisoformat(request.POST["start"]) if request.POST.get("start") else None,
                place=request.POST.get("place") or None,
                secretary=request.user.get_full_name() or request.user.get_username(),
                adjusters=actions._list(request.POST.get("adjusters")),
            )
            return redirect("recording:meeting", pk=meeting.pk)
        except (Refused, ValueError) as exc:
            error = str(exc)
    return render(
        request,
        "recording/home.html",
        {"bodies": recordable, "meetings": meetings, "error": error},
        status=400 if error else 200,
    )


def _context(request, meeting: m.Meeting) -> dict:
    items = list(
        meeting.items.prefetch_related(
            Prefetch("motions", queryset=m.Motion.objects.prefetch_related("by")),
            Prefetch("votes", queryset=m.Vote.objects.prefetch_related("ballots")),
            Prefetch("reservations", queryset=m.Reservation.objects.prefetch_related("by")),
            Prefetch("statements", queryset=m.Statement.objects.prefetch_related("by")),
            "conflicts",
            "assignments",
            "sent_to",
            "attachments",
        ).select_related("privacy")
    )
    read_items(request, meeting, items)
    q = quorum(meeting)
    done = adjusted_paragraphs(meeting.pk)
    r = roster(meeting)
    present = {a.name: a for a in meeting.attendance.all()}
    recordable = can_record(request.user, meeting.body)
    rows = []
    for item in items:
        serving = sorted(serving_on(meeting, item.paragraph)) if item.paragraph in q else []
        rows.append(
            {
                "item": item,
                "quorum": q.get(item.paragraph),
                "serving": serving,
                "adjusted": item.paragraph in done,
                "steps": record.describe_steps(item) if item.proposition_order else [],
                "edits": (
                    row_edits(item, serving, sorted(r.parties))
                    if recordable and item.paragraph not in done
                    else []
                ),
            }
        )
    deadline = justering_deadline(meeting.date)
    return {
        "meeting": meeting,
        "rows": rows,
        "members": [(x, present.get(x.name)) for x in r.members],
        "substitutes": [(x, present.get(x.name)) for x in r.substitutes],
        "everyone": sorted(r.parties),
        "can_record": recordable,
        "presences": Presence.objects.filter(meeting=meeting).select_related("person"),
        "can_adjust": can_adjust(request.user, meeting),
        "can_publish": can_publish(request.user, meeting.body),
        "justeringar": Justering.objects.filter(meeting=meeting).prefetch_related("signatures"),
        "deadline": deadline,
        "late": timezone.localdate() > deadline and len(done) < len(items),
        "outcomes": OUTCOMES,
        "kinds": ENTRY_KINDS,
        "choices": [(VoteChoice.YES, "ja"), (VoteChoice.NO, "nej"), (VoteChoice.ABSTAIN, "avstår")],
    }


@login_required
def meeting_page(request, pk: int):
    meeting = _meeting_for(request.user, pk)
    return render(request, "recording/meeting.html", _context(request, meeting))


@login_required
@require_POST
def act(request, pk: int, name: str):
    """A form post: run the action, then back to the § (or show the refusal, keeping input)."""
    meeting = _meeting_for(request.user, pk)
    data = {k: (request.POST.getlist(k) if k in ("names",) else request.POST.get(k)) for k in request.POST}
    spec = actions.ACTIONS.get(name)
    target = int(request.POST.get("item") or 0) if spec and spec.scope == "item" else meeting.pk
    if spec and spec.scope == "item" and not meeting.items.filter(pk=target).exists():
        raise Http404
    try:
        actions.run(name, request.user, target, request.POST.get("version"), data)
    except Refused as exc:
        meeting.refresh_from_db()
        context = _context(request, meeting) | {
            "error": str(exc),
            "posted": {k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "version")},
        }
        return render(request, "recording/meeting.html", context, status=exc.status)
    anchor = f"#p{m.Item.objects.get(pk=target).paragraph}" if spec.scope == "item" else ""
    return redirect(f"{request.path.rsplit('/gor/', 1)[0]}/{anchor}")


def _result(value):
    if isinstance(value, list):
        return [{"code": p.code, "message": p.message, "rule": p.rule, "severity": p.severity} for p in value]
    if hasattr(value, "result"):
        return {"result": value.result, "casting_vote": value.casting_vote, "lottery": value.lottery}
    if isinstance(value, m.Item):
        return {"item": value.pk, "paragraph": value.paragraph, "version": value.version}
    if hasattr(value, "pk"):
        return {"id": value.pk}
    return value


def _state(request, meeting: m.Meeting) -> dict:
    read_meeting(request, meeting)
    q = quorum(meeting)
    return {
        "id": meeting.pk,
        "version": meeting.version,
        "date": meeting.date.isoformat(),
        "body": meeting.body.name,
        "items": [
            {
                "id": i.pk,
                "paragraph": i.paragraph,
                "title": i.title,
                "version": i.version,
                "serving": sorted(serving_on(meeting, i.paragraph)),
                "quorum": q.get(i.paragraph, (0, 0, False))[2],
                "adjusted": i.paragraph in adjusted_paragraphs(meeting.pk),
            }
            for i in meeting.items.all()
        ],
    }


@login_required
def api_meeting(request, pk: int):
    meeting = _meeting_for(request.user, pk)
    return JsonResponse(_state(request, meeting))


@login_required
@require_POST
def api_act(request, pk: int, name: str):
    """POST /intern/api/mote/<pk>/<action> with a JSON object (``version`` and ``item`` for §
    actions): the same actions as the forms. 400 refused, 403 denied, 409 stale or justerad."""
    meeting = _meeting_for(request.user, pk)
    try:
        data = json.loads(request.body or b"{}")
        if not isinstance(data, dict):
            raise ValueError
    except ValueError:
        return JsonResponse({"error": "kroppen ska vara ett JSON-objekt"}, status=400)
    spec = actions.ACTIONS.get(name)
    if spec is None:
        return JsonResponse({"error": f"okänd åtgärd {name}"}, status=404)
    target = data.get("item") if spec.scope == "item" else meeting.pk
    if spec.scope == "item" and not meeting.items.filter(pk=target or 0).exists():
        return JsonResponse({"error": "paragrafen finns inte i sammanträdet"}, status=404)
    try:
        result = actions.run(name, request.user, int(target), data.get("version"), data)
    except Refused as exc:
        return JsonResponse(
            {
                "error": str(exc),
                "problems": [{"code": p.code, "message": p.message, "rule": p.rule} for p in exc.problems],
            },
            status=exc.status,
        )
    meeting.refresh_from_db()
    return JsonResponse({"ok": True, "result": _result(result), "meeting": _state(request, meeting)})


# --- documents ------------------------------------------------------------------------------


@login_required
def kallelse(request, pk: int):
    meeting = _meeting_for(request.user, pk)
    r = roster(meeting)
    items = list(meeting.items.select_related("privacy"))
    read_items(request, meeting, items)
    return render(request, "recording/kallelse.html", {"meeting": meeting, "items": items, "roster": r})


@login_required
def document(request, pk: int, kind: str, fmt: str):
    meeting = _meeting_for(request.user, pk)
    if kind not in ("protokoll", "offentlig") or fmt not in ("html", "pdf", "txt"):
        raise Http404
    if kind == "protokoll":
        require(request.user, Perm.VIEW_SECRET, meeting.body)
        read_meeting(request, meeting)
        if fmt == "txt":
            return HttpResponse(outputs.protocol_text(meeting), content_type="text/plain; charset=utf-8")
        html = outputs.protocol_html(meeting)
    else:
        html = outputs.public_html(meeting)
    if fmt == "pdf":
        response = HttpResponse(outputs.html_to_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{kind}-{meeting.date}.pdf"'
        return response
    return HttpResponse(html)


@login_required
def extract(request, pk: int, paragraph: int, fmt: str):
    meeting = _meeting_for(request.user, pk)
    if fmt not in ("html", "pdf"):
        raise Http404
    public = request.GET.get("offentlig") == "1"
    if not public:
        # The public utdrag withholds a sekretess § (publication.public_document); the full one shows it.
        read_items(request, meeting, meeting.items.filter(paragraph=paragraph))
    try:
        html = outputs.extract_html(
            meeting,
            paragraph,
            request.user.get_full_name() or request.user.get_username(),
            timezone.localdate(),
            public=public,
        )
    except m.Item.DoesNotExist as exc:
        raise Http404 from exc
    if fmt == "pdf":
        return HttpResponse(outputs.html_to_pdf(html), content_type="application/pdf")
    return HttpResponse(html)


@login_required
def sign(request, pk: int):
    meeting = _meeting_for(request.user, pk)
    if not can_adjust(request.user, meeting):
        raise PermissionDenied("adjust nekas")
    message, error, status = None, None, 200
    if request.method == "POST":
        chosen = [int(x) for x in request.POST.getlist("paragraphs")] or None
        try:
            result = justering.sign(
                request.user, meeting.pk, request.POST.get("password", ""), chosen, request=request
            )
            message = (
                "Justerat: paragraferna är låsta och anslaget är uppsatt."
                if result.completed
                else "Din signatur är registrerad."
            )
            message += "".join(f" Varning: {w.message} ({w.rule})." for w in result.warnings)
        except Refused as exc:
            error, status = str(exc), exc.status
    done = adjusted_paragraphs(meeting.pk)
    return render(
        request,
        "recording/sign.html",
        {
            "meeting": meeting,
            "items": [i for i in meeting.items.all() if i.paragraph not in done],
            "message": message,
            "error": error,
            "deadline": justering_deadline(meeting.date),
            "late": timezone.localdate() > justering_deadline(meeting.date),
        },
        status=status,
    )


@login_required
@require_POST
def publish(request, pk: int):
    meeting = _meeting_for(request.user, pk)
    try:
        publication.publish(request.user, meeting.pk, request=request)
    except Refused as exc:
        return render(
            request,
            "recording/meeting.html",
            _context(request, meeting) | {"error": str(exc)},
            status=exc.status,
        )
    return redirect("recording:meeting", pk=meeting.pk)


# --- the body's cross-party ersättare order ----------------------------------------------------


def _body_for_recording(user, body_id: int) -> m.Body:
    body = get_object_or_404(m.Body.objects.select_related("municipality"), pk=body_id)
    if not can_record(user, body):
        raise PermissionDenied("record nekas")
    return body


def _policy_json(policy: SubstitutePolicy) -> dict:
    return {
        "valid_from": policy.valid_from.isoformat(),
        "party_order": policy.party_order,
        "groups": policy.groups,
        "then_others": policy.then_others,
        "decided_by": policy.decided_by,
    }


@login_required
def substitute_order(request, body_id: int):
    """The form for the body's cross-party inkallelseordning (``substitution.set_policy``)."""
    body = _body_for_recording(request.user, body_id)
    error, status, posted = None, 200, {}
    if request.method == "POST":
        posted = request.POST
        try:
            substitution.set_policy(
                request.user,
                body,
                valid_from=actions._date(request.POST.get("valid_from")) or actions._missing("valid_from"),
                party_order=substitution.parse_lines(request.POST.get("party_order", "")),
                groups=substitution.parse_groups(request.POST.get("groups", "")),
                then_others=actions._bool(request.POST.get("then_others")),
                decided_by=request.POST.get("decided_by", ""),
                request=request,
            )
            return redirect("recording:substitute-order", body_id=body.pk)
        except Refused as exc:
            error, status = str(exc), exc.status
    policies = SubstitutePolicy.objects.filter(body=body)
    return render(
        request,
        "recording/substitute_order.html",
        {"body": body, "policies": policies, "error": error, "posted": posted},
        status=status,
    )


@login_required
def api_substitute_order(request, body_id: int):
    """GET: the body's policies, newest first. POST a JSON object (``valid_from``,
    ``party_order``, ``groups``, ``then_others``, ``decided_by``): decide a new one."""
    body = _body_for_recording(request.user, body_id)
    if request.method == "POST":
        try:
            data = json.loads(request.body or b"{}")
            if not isinstance(data, dict):
                raise ValueError
            party_order = data.get("party_order") or {}
            groups = data.get("groups") or []
            if not isinstance(party_order, dict) or not all(
                isinstance(v, list) for v in party_order.values()
            ):
                raise Refused("party_order ska vara ett objekt parti → lista av partier")
            if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
                raise Refused("groups ska vara en lista av listor av partier")
            policy = substitution.set_policy(
                request.user,
                body,
                valid_from=actions._date(data.get("valid_from")) or actions._missing("valid_from"),
                party_order=party_order,
                groups=groups,
                then_others=actions._bool(data.get("then_others")),
                decided_by=str(data.get("decided_by") or ""),
                request=request,
            )
        except ValueError:
            return JsonResponse({"error": "kroppen ska vara ett JSON-objekt"}, status=400)
        except Refused as exc:
            return JsonResponse({"error": str(exc)}, status=exc.status)
        return JsonResponse({"ok": True, "policy": _policy_json(policy)})
    return JsonResponse(
        {"body": body.name, "policies": [_policy_json(p) for p in body.substitute_policies.all()]}
    )


# --- the anslagstavla -----------------------------------------------------------------------


def anslagstavla(request):
    """The digital anslagstavla: separate from the rest of the site, KL 8:10 content only
    (tillkännagivanden of justerade protokoll and of delegationsbeslut not reported), with the
    appeal information of KL 13 (DOMAIN 1.3–1.4, checklist 24–25). No site navigation, no
    sekretess content: only the body, the date, the §§, where the protocol is kept and the dates."""
    today = timezone.localdate()
    notices = []
    for p in anslag.current(today):
        notices.append({"posting": p, "laga_kraft": anslag.laga_kraft(p)})
    return render(request, "recording/anslagstavla.html", {"notices": notices, "today": today})


def posting_remove(request, pk: int):
    if request.method != "POST" or not request.user.is_authenticated:
        raise PermissionDenied
    p = get_object_or_404(Posting, pk=pk)
    try:
        anslag.remove(request.user, p.pk, timezone.localdate())
    except Refused as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    return redirect("recording:anslagstavla")
