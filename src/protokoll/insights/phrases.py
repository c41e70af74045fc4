"""Reading uppdrag, due dates and closing words out of Swedish decision text (DOMAIN 1.12).

Rules as data: each pattern names the wording it reads. The patterns are general Swedish
wordings seen in protocols ("<mottagare> får i uppdrag att …", "uppdrar åt <mottagare> att …",
"ger <mottagare> i uppdrag att …", "… och återrapportera senast <datum>").
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
from dataclasses import dataclass

# The months' Swedish names, in order: read in decision text here, written by the public pages
# and the demo generator.
MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, start=1)}
_MONTH = "(?:" + "|".join(MONTHS) + ")"

_ASSIGNEE = r"(?P<assignee>[^.;:\n]{2,90}?)"
_TASK = r"(?P<task>.*)"

ASSIGNMENT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Socialchefen får i uppdrag att …", "förvaltningen ges även i uppdrag att …"
    (
        "får_i_uppdrag",
        re.compile(
            rf"{_ASSIGNEE}\s+(?:får|fick|ges|gavs|har fått)\s+(?:även\s+|också\s+|därmed\s+)?i\s+uppdrag\s+att\b:?\s*{_TASK}",
            re.IGNORECASE,
        ),
    ),
    # "… uppdrar åt förvaltningen att …", "uppdra till kommundirektören att …"
    (
        "uppdrar_åt",
        re.compile(
            rf"\buppdra(?:r|s|de)?\s+(?:åt\s+|till\s+|för\s+)?{_ASSIGNEE}\s+att\b:?\s*{_TASK}", re.IGNORECASE
        ),
    ),
    # "… ger förvaltningen i uppdrag att …", "ge kommundirektören i uppdrag att …"
    (
        "ger_i_uppdrag",
        re.compile(rf"\b(?:ger|ge|gav)\s+{_ASSIGNEE}\s+i\s+uppdrag\s+att\b:?\s*{_TASK}", re.IGNORECASE),
    ),
)

# Where the task ends and the reporting clause begins.
_REPORT_CLAUSE = re.compile(
    r"[,\s]+(?:samt\s+|och\s+)?(?:att\s+)?(?:återrapportera|återrapporteras|redovisa\s+uppdraget|"
    r"uppdraget\s+ska\s+(?:återrapporteras|redovisas)|återkomma\s+till\s+\w+\s+senast)\b",
    re.IGNORECASE,
)
_REPORT_TO = re.compile(
    r"återrapportera(?:s)?\s+(?:till\s+)(?P<to>[^.,;\n]+?)(?=\s+(?:senast|före|i|vid|den|under|på)\b|[.,;\n]|$)",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"återrapport|redovis|återkomm", re.IGNORECASE)

_DATE_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_DATE_LONG = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
_QUARTER = re.compile(r"\b(?:kvartal\s+([1-4])|([1-4]):?(?:a|e)?\s+kvartalet)\s+(\d{4})\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"\b(?:i|under|vid[^.]*?i)\s+({_MONTH})\b(?!\s+\d)", re.IGNORECASE)

CLOSING = re.compile(
    r"\b(?:avsluta(?:r|s|de)?\s+uppdraget"
    r"|förklara(?:r|s|de)?\s+uppdraget\s+(?:som\s+|för\s+)?(?:fullgjort|slutfört|avslutat|genomfört|utfört|besvarat)"
    r"|uppdraget\s+(?:är|anses|förklaras)\s+(?:därmed\s+|härmed\s+)?(?:fullgjort|slutfört|avslutat|genomfört|utfört))",
    re.IGNORECASE,
)
REPORT_TITLE = re.compile(
    r"^\s*(?:återrapport(?:ering)?|redovisning|slutrapport(?:ering)?|rapport|uppföljning)\s+"
    r"(?:av|om|från|gällande|avseende)\s+(?:\w+\s+)?uppdrag(?:et)?\b[\s:,–-]*(?:om|avseende|gällande|kring)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundAssignment:
    assignee: str
    task: str
    due: dt.date | None
    report_to: str | None
    rule: str


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def find_date(text: str, after: dt.date | None = None) -> dt.date | None:
    """The first date written in ``text``: ISO, "30 september 2025", "augusti 2024" (end of the
    month), "kvartal 1 2025" (end of the quarter), or a month alone ("i juni": the next such
    month after ``after``, the decision's date)."""
    m = _DATE_ISO.search(text)
    candidates: list[tuple[int, dt.date]] = []
    if m:
        with contextlib.suppress(ValueError):
            candidates.append((m.start(), dt.date(int(m[1]), int(m[2]), int(m[3]))))
    m = _DATE_LONG.search(text)
    if m:
        with contextlib.suppress(ValueError):
            candidates.append((m.start(), dt.date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))))
    if not candidates:
        m = _MONTH_YEAR.search(text)
        if m:
            candidates.append((m.start(), _last_day(int(m[2]), MONTHS[m[1].lower()])))
        m = _QUARTER.search(text)
        if m:
            q = int(m[1] or m[2])
            candidates.append((m.start(), _last_day(int(m[3]), q * 3)))
    if not candidates and after is not None:
        m = _MONTH_ONLY.search(text)
        if m:
            month = MONTHS[m[1].lower()]
            year = after.year if month > after.month else after.year + 1
            candidates.append((m.start(), _last_day(year, month)))
    return min(candidates)[1] if candidates else None


_LEAD = re.compile(
    r"^(?:\d+\s*[.)]\s*|[-–•*]\s*|att\s+|och\s+att\s+|samt\s+att\s+|samt\s+|och\s+)+", re.IGNORECASE
)
# A list item that dates the whole list: "Uppdragen ska återrapporteras till nämnden senast …".
_LIST_REPORT = re.compile(r"^(?:uppdrage[nt]|detta|arbetet)\s+ska\s+(?:åter)?(?:rapporteras|redovisas)", re.I)
_SUBJECT_CUT = re.compile(
    r".*\b(?:beslutar|beslutade|beslöt|föreslår)\s+(?:även\s+|också\s+)?(?:att\s+)?", re.IGNORECASE
)


def _clean_assignee(text: str) -> str:
    text = _SUBJECT_CUT.sub("", text.strip())
    text = _LEAD.sub("", text.strip())
    text = re.sub(r"^(?:att|därför|även|också)\s+", "", text, flags=re.IGNORECASE)
    return text.strip(" ,")


_LIST_ITEM = re.compile(r"^(?:\d+\s*[.)]|[-–•*])\s+|^[a-zåäö]")


def sentences(text: str) -> list[str]:
    """Decision text split into numbered points, lines and sentences ("1." stays with its point)."""
    out: list[str] = []
    for line in re.split(r"\n+|(?<=[.;])\s+(?=(?:\d+\s*[.)]\s+)?[A-ZÅÄÖ])", text or ""):
        line = line.strip()
        if not line:
            continue
        if out and re.fullmatch(r"\d+\s*[.)]", out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def find_assignments(text: str | None, decided: dt.date | None = None) -> list[FoundAssignment]:
    """Every uppdrag the text gives. A reporting sentence with a date and no uppdrag of its own
    ("Uppdraget ska återrapporteras senast 2025-06-30.") dates the uppdrag before it."""
    found: list[FoundAssignment] = []
    listing: str | None = None  # the assignee of "… i uppdrag att:" followed by a list
    for sentence in sentences(text or ""):
        if listing and _LIST_ITEM.match(sentence):
            task = _LEAD.sub("", sentence).strip().rstrip(".;:,")
            if _LIST_REPORT.match(task):
                due = find_date(task, decided)
                found = [
                    f
                    if f.rule != "lista" or f.due
                    else FoundAssignment(f.assignee, f.task, due, f.report_to, f.rule)
                    for f in found
                ]
                continue
            if task:
                found.append(FoundAssignment(listing, task, find_date(sentence, decided), None, "lista"))
            continue
        listing = None
        hit = None
        for name, rule in ASSIGNMENT_RULES:
            m = rule.search(sentence)
            if m:
                hit = (name, m)
                break
        if hit is None:
            if found and found[-1].due is None and _REPORTING.search(sentence):
                due = find_date(sentence, decided)
                if due:
                    last = found[-1]
                    found[-1] = FoundAssignment(last.assignee, last.task, due, last.report_to, last.rule)
            continue
        name, m = hit
        assignee = _clean_assignee(m["assignee"])
        task_full = m["task"].strip()
        cut = _REPORT_CLAUSE.search(task_full)
        task = (task_full[: cut.start()] if cut else task_full).strip().rstrip(".;:,")
        clause = task_full[cut.start() :] if cut else ""
        due = find_date(clause, decided) if clause else None
        if due is None and re.search(r"\bsenast\b", task_full, re.IGNORECASE):
            due = find_date(task_full[re.search(r"\bsenast\b", task_full, re.IGNORECASE).start() :], decided)
        to = _REPORT_TO.search(clause)
        if not assignee or len(assignee.split()) > 8:
            continue
        if not task:
            listing = assignee
            continue
        found.append(FoundAssignment(assignee, task, due, to["to"].strip() if to else None, name))
    return found


def is_closing(text: str | None) -> bool:
    return bool(text and CLOSING.search(text))


def report_title_rest(title: str | None) -> str | None:
    """For a title like "Återrapport av uppdrag om X", the X ("" when nothing follows); None
    when the title is not a report of an uppdrag."""
    if not title:
        return None
    m = REPORT_TITLE.match(title)
    return m["rest"].strip() if m else None
