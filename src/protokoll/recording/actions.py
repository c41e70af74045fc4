"""One table of recording actions shared by the secretary's forms and the JSON API, so that
both do exactly the same (STYLE.md "thin views"). Each entry parses plain values (from a form
or a JSON object) and calls one service function."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from protokoll.recording import edits, prepare, record
from protokoll.recording.errors import Refused


def _list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).replace("\n", ",").split(",") if v.strip()]


def _lines(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [x.strip() for x in str(value or "").splitlines() if x.strip()]


def _int(value, name: str, default=None):
    if value in (None, ""):
        if default is not None or name.startswith("?"):
            return default
        raise Refused(f"Fältet {name} saknas")
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise Refused(f"{name} ska vara ett heltal") from exc


def _bool(value) -> bool:
    return value in (True, "1", "on", "true", "ja", 1)


def _date(value):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise Refused(f"{value!r} är inget datum (ÅÅÅÅ-MM-DD)") from exc


def _ballots(data: dict) -> dict[str, str]:
    if isinstance(data.get("exceptions"), dict):
        return {str(k): str(v) for k, v in data["exceptions"].items() if v}
    return {k.removeprefix("ballot:"): v for k, v in data.items() if k.startswith("ballot:") and v}


def _row_data(data: dict) -> dict:
    """The fields of an edited row; "by" may be a list (the API) or "namn, namn" (a form)."""
    out = {
        k: v for k, v in data.items() if k not in ("item", "version", "what", "row", "csrfmiddlewaretoken")
    }
    if "by" in out:
        out["by"] = _list(out["by"])
    return out


@dataclass(frozen=True)
class ActionSpec:
    scope: str  # "meeting" or "item"
    run: Callable  # (user, target id, version, data) -> result


ACTIONS: dict[str, ActionSpec] = {
    "add_item": ActionSpec(
        "meeting",
        lambda u, pk, v, d: prepare.add_item(
            u,
            pk,
            v,
            title=str(d.get("title") or "").strip() or _missing("title"),
            dnr=str(d.get("dnr") or "").strip() or None,
            proposed_decision=str(d.get("proposed_decision") or ""),
            background=str(d.get("background") or ""),
            attachments=_lines(d.get("attachments")),
            secret=_bool(d.get("secret")),
            osl_reference=str(d.get("osl_reference") or ""),
            protected_names=_lines(d.get("protected_names")),
        ),
    ),
    "all_present": ActionSpec(
        "meeting", lambda u, pk, v, d: record.all_present(u, pk, v, _list(d.get("names")))
    ),
    "presence": ActionSpec(
        "meeting",
        lambda u, pk, v, d: record.add_presence(
            u,
            pk,
            v,
            str(d.get("name") or ""),
            _int(d.get("first"), "first"),
            _int(d.get("last"), "?last"),
            _bool(d.get("remote")),
        ),
    ),
    "depart": ActionSpec(
        "meeting",
        lambda u, pk, v, d: record.depart(u, pk, v, str(d.get("name") or ""), _int(d.get("after"), "after")),
    ),
    "close": ActionSpec("meeting", lambda u, pk, v, d: record.close_meeting(u, pk, v)),
    "jav": ActionSpec("item", lambda u, pk, v, d: record.declare_jav(u, pk, v, str(d.get("name") or ""))),
    "motion": ActionSpec(
        "item",
        lambda u, pk, v, d: record.add_motion(
            u,
            pk,
            v,
            _list(d.get("by")) + _list(d.get("also")),
            str(d.get("kind") or "other"),
            str(d.get("text") or ""),
        ),
    ),
    "withdraw": ActionSpec(
        "item", lambda u, pk, v, d: record.withdraw_motion(u, pk, v, _int(d.get("motion"), "motion"))
    ),
    "order": ActionSpec(
        "item", lambda u, pk, v, d: record.set_proposition_order(u, pk, v, d.get("main") or None)
    ),
    "vote": ActionSpec(
        "item",
        lambda u, pk, v, d: record.record_vote(
            u,
            pk,
            v,
            question=str(d.get("question") or ""),
            default=str(d.get("default", "yes") or "") or None,
            exceptions=_ballots(d),
            election=_bool(d.get("election")),
            lottery_result=str(d.get("lottery_result") or "") or None,
            step=_int(d.get("step"), "?step"),
        ),
    ),
    "decide_step": ActionSpec(
        "item",
        lambda u, pk, v, d: record.decide_step(
            u,
            pk,
            v,
            _int(d.get("step"), "step"),
            winner=str(d.get("winner") or "") or None,
            vote_id=_int(d.get("vote"), "?vote"),
        ),
    ),
    "decision": ActionSpec(
        "item",
        lambda u, pk, v, d: record.record_decision(
            u, pk, v, str(d.get("outcome") or "decision"), str(d.get("text") or "")
        ),
    ),
    "reservation": ActionSpec(
        "item",
        lambda u, pk, v, d: record.add_reservation(
            u, pk, v, _list(d.get("by")), str(d.get("text") or ""), _bool(d.get("written"))
        ),
    ),
    "statement": ActionSpec(
        "item",
        lambda u, pk, v, d: record.add_statement(
            u, pk, v, str(d.get("kind") or "protocol_note"), _list(d.get("by")), str(d.get("text") or "")
        ),
    ),
    "assignment": ActionSpec(
        "item",
        lambda u, pk, v, d: record.add_assignment(
            u,
            pk,
            v,
            str(d.get("assignee") or ""),
            str(d.get("task") or ""),
            _date(d.get("due")),
            str(d.get("report_to") or ""),
        ),
    ),
    "dispatch": ActionSpec(
        "item",
        lambda u, pk, v, d: record.add_dispatch(
            u, pk, v, str(d.get("recipient") or ""), str(d.get("purpose") or "information")
        ),
    ),
    "edit_row": ActionSpec(
        "item",
        lambda u, pk, v, d: edits.edit_row(
            u, pk, v, str(d.get("what") or ""), _int(d.get("row"), "row"), _row_data(d)
        ),
    ),
    "delete_row": ActionSpec(
        "item",
        lambda u, pk, v, d: edits.delete_row(u, pk, v, str(d.get("what") or ""), _int(d.get("row"), "row")),
    ),
    "edit_presence": ActionSpec(
        "meeting",
        lambda u, pk, v, d: edits.edit_presence(
            u,
            pk,
            v,
            _int(d.get("row"), "row"),
            _int(d.get("first"), "first"),
            _int(d.get("last"), "?last"),
            _bool(d.get("remote")),
        ),
    ),
    "delete_presence": ActionSpec(
        "meeting", lambda u, pk, v, d: edits.delete_presence(u, pk, v, _int(d.get("row"), "row"))
    ),
    "immediate": ActionSpec(
        "item", lambda u, pk, v, d: record.set_immediate(u, pk, v, _bool(d.get("immediate")))
    ),
}


def _missing(name: str):
    raise Refused(f"Fältet {name} saknas")


def run(name: str, user, target: int, version, data: dict):
    spec = ACTIONS.get(name)
    if spec is None:
        raise Refused(f"Okänd åtgärd {name}")
    return spec.run(user, target, _int(version, "version"), data)
