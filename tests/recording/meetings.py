"""Hypothesis: a meeting as a secretary records it, then replayed through the recording layer.

``scripts()`` draws a ``Script``: a body's ledamöter and ersättare (invented names, parties,
inkallelseordning), who is absent or arrives late, and per § the ärende, jäv, yrkanden,
propositionsordning, an acklamation or an omröstning ("alla ja, markera undantagen", ties with
the chair's utslagsröst, lottning in a val), the beslut, reservationer and uppdrag. Who may vote
or reserve on a § depends on who serves there, so the strategy asks the same pure rule the
recording layer asks (``domain.attendance.seat_plan``); every drawn action is one the recording
layer must accept. ``record(script, …)`` replays it through ``prepare``/``record`` only — the
public functions the secretary's forms and the JSON API call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hypothesis import strategies as st

from protokoll.domain import attendance as rules
from protokoll.domain import voting
from protokoll.domain.vocab import MotionKind, Outcome, VoteChoice

FIRST = ["Anna", "Åsa", "Björn", "Örjan", "Märta", "Karin", "Olof", "Sofia", "Nils", "Elsa", "Amir",
         "Göran", "Ingrid", "Jörgen", "Maja", "Ulla", "Zeynep", "Hanna-Lena", "Per-Åke", "Lärka"]  # fmt: skip
LAST = ["Almgren", "Dahlström", "Ekholm", "Grönlund", "Hedberg", "Åberg", "Östlund", "Nyström",
        "Wästberg", "af Klinteberg", "Haddad", "von Essen", "Lind-Öberg", "Sjöberg Kvist", "Ängström"]  # fmt: skip
PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP", "ÖP", "SPI"]
TITLES = ["Detaljplan för kvarteret Björken", "Budget för år 2027", "Yttrande över remiss om äldreomsorg",
          "Taxa för bygglov – ändring", "Medborgarförslag om lekplats i Östby",
          "Ansökan om bidrag till föreningen Gläntan", "Val av ersättare i råd för funktionshinderfrågor",
          "Internkontrollplan 2027: åtgärder för ökad följsamhet", "Översyn av reglemente (§ 12)"]  # fmt: skip
REPORT_TITLES = ["Anmälan av delegationsbeslut", "Meddelanden"]
DNRS = ["MN 2026/12", "MN 2026/00048-3.2.1", "KS/2026:248-003", "BUN-2025-179", "2026-00005", "2026/555"]
PROPOSALS = ["Nämnden beslutar att godkänna förslaget.",
             "Nämnden beslutar att anta taxan, att gälla från och med den 1 juli 2027.",
             "Förslaget bifalls med ändringen att ”särskilda skäl” stryks ur punkt 3."]  # fmt: skip
# A secretary picks the outcome and writes a beslut that says it (checklist 8). No beslut here
# gives an uppdrag in its wording: an uppdrag is recorded as one (``add_assignment``).
DECISIONS = {
    Outcome.DECISION: ["Nämnden beslutar att godkänna förslaget.",
                       "Nämnden avslår ansökan om bidrag på 25 000 kr för år 2027.",
                       "Nämnden beslutar\natt anta taxan, att gälla från och med den 1 juli 2027,\natt häva beslutet i § 12.",
                       "Förslaget bifalls med ändringen att ”särskilda skäl” stryks ur punkt 3 – övrigt oförändrat."],
    Outcome.REFERRAL: ["Ärendet återremitteras till förvaltningen för utredning av kostnaderna."],
    Outcome.TABLED: ["Ärendet bordläggs till nästa sammanträde."],
    Outcome.WITHDRAWN: ["Ärendet utgår."],
    Outcome.INFORMATION: ["Nämnden noterar informationen."],
    Outcome.REPORT: ["Redovisningen läggs till handlingarna."],
}  # fmt: skip
MOTION_TEXTS = {
    MotionKind.APPROVAL: "bifall till förslaget",
    MotionKind.REJECTION: "avslag på förslaget",
    MotionKind.AMENDMENT: "att beslutet ändras så att beloppet blir 30 000 kr",
    MotionKind.ADDITION: "tillägg om att ärendet ska återrapporteras i december",
    MotionKind.REFERRAL: "återremiss för att utreda kostnaderna",
    MotionKind.TABLING: "bordläggning till nästa sammanträde",
}
RESERVATION_TEXTS = ["", "till förmån för eget yrkande", "med hänvisning till skrivelse i ärendet"]
ASSIGNEES = ["Förvaltningschefen", "Miljö- och hälsoskyddsenheten", "Ekonomichefen"]
TASKS = ["återrapportera till nämnden", "utreda kostnaderna för en ny lekplats", "ta fram en åtgärdsplan"]
DATE = dt.date(2026, 3, 11)


@dataclass(frozen=True)
class Seat:
    name: str
    party: str
    order: int | None = None  # inkallelseordning of an ersättare; None for a ledamot


@dataclass
class VoteScript:
    default: str  # "yes" or "no": the rest of those serving vote this
    exceptions: dict[str, str]
    election: bool = False
    lottery_result: str | None = None


@dataclass
class ItemScript:
    title: str
    dnr: str | None
    proposed: str
    secret: bool = False
    jav: list[str] = field(default_factory=list)
    motions: list[tuple[list[str], MotionKind, str]] = field(default_factory=list)
    order: bool = False
    vote: VoteScript | None = None
    outcome: Outcome = Outcome.DECISION
    decision: str = ""
    reservations: list[tuple[list[str], str, bool]] = field(default_factory=list)
    assignment: tuple[str, str, dt.date | None] | None = None


@dataclass
class Script:
    members: list[Seat]  # the first is the chair
    substitutes: list[Seat]
    present: dict[str, tuple[int, int | None]]  # name → (first §, last § or None = to the end)
    items: list[ItemScript]

    @property
    def chair(self) -> str:
        return self.members[0].name


def _serving(script: Script, upto: int) -> set[str]:
    """Who serves on § ``upto`` (numbered 1, 2, … like a body's first meeting of the year)."""
    numbers = list(range(1, len(script.items) + 1))
    present = {
        name: {n for n in numbers if first <= n <= (last or numbers[-1])}
        for name, (first, last) in script.present.items()
    }
    # the roster lists ledamöter by name and ersättare by inkallelseordning, then name
    # (archive.Membership ordering); the seat plan fills empty seats in that order
    plan = rules.seat_plan(
        [rules.Member(s.name, s.party) for s in sorted(script.members, key=lambda s: s.name)],
        [
            rules.Substitute(s.name, s.party, s.order or 0)
            for s in sorted(script.substitutes, key=lambda s: (s.order or 0, s.name))
        ],
        numbers,
        present,
        {n: set(it.jav) for n, it in enumerate(script.items, start=1)},
    )
    return rules.serving(plan, upto)


@st.composite
def _roster(draw) -> tuple[list[Seat], list[Seat]]:
    n_members = draw(st.integers(3, 9))
    n_subs = draw(st.integers(1, 5))
    pool = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join),
            min_size=n_members + n_subs,
            max_size=n_members + n_subs,
            unique=True,
        )
    )
    parties = st.sampled_from(PARTIES)
    members = [Seat(name, draw(parties)) for name in pool[:n_members]]
    member_parties = [s.party for s in members]
    subs = []
    for name in pool[n_members:]:  # mostly from a party with a seat, so the order matters
        party = draw(st.one_of(st.sampled_from(member_parties), parties))
        subs.append(Seat(name, party, draw(st.integers(1, 3))))
    return members, subs


@st.composite
def _vote(draw, serving: set[str], chair: str, election: bool) -> VoteScript:
    """An omröstning the recording layer must accept: at a tie the chair (when serving) has
    voted ja or nej and decides (KL 5:56, 4:25), or in a val the lot decides."""
    voters = sorted(serving)
    default = draw(st.sampled_from(["yes", "no"]))
    choice = st.sampled_from(["yes", "no", "abstain"])
    exceptions = draw(st.dictionaries(st.sampled_from(voters), choice, max_size=len(voters)))
    if draw(st.integers(0, 2)) == 0 and len(voters) >= 2:  # a tie, the chair among the ja or nej
        order = sorted(voters, key=lambda v: v != chair)
        half = len(order) // 2
        first = draw(st.sampled_from(["yes", "no"]))
        other = "no" if first == "yes" else "yes"
        exceptions = {v: (first if i % 2 == 0 else other) for i, v in enumerate(order[: 2 * half])}
        exceptions.update(dict.fromkeys(order[2 * half :], "abstain"))
    ballots = {v: exceptions.get(v, default) for v in voters}
    counted = voting.tally([(v, VoteChoice(c)) for v, c in ballots.items()])
    lottery = None
    if counted.yes == counted.no:
        if election:
            lottery = draw(st.sampled_from(["yes", "no"]))
        elif chair in serving and ballots[chair] == "abstain":
            exceptions[chair] = draw(st.sampled_from(["yes", "no"]))  # KL 4:25: the chair must vote
        elif chair not in serving:
            # nobody can break the tie on this § (the chair is jävig): one voter changes sides
            voter = voters[0]
            exceptions[voter] = "no" if ballots[voter] == "yes" else "yes"
    return VoteScript(default, exceptions, election, lottery)


def _last_ballots(vote: VoteScript, serving: set[str]) -> dict[str, str]:
    return {v: vote.exceptions.get(v, vote.default) for v in serving}


@st.composite
def scripts(draw, *, max_items: int = 5) -> Script:
    members, subs = draw(_roster())
    n_items = draw(st.integers(1, max_items))
    everyone = [s.name for s in members + subs]
    present: dict[str, tuple[int, int | None]] = {members[0].name: (1, None)}  # the chair is there
    for s in members[1:] + subs:
        how = draw(st.sampled_from(["all", "all", "all", "absent", "late", "leaves"]))
        if how == "all":
            present[s.name] = (1, None)
        elif how == "late" and n_items > 1:
            present[s.name] = (draw(st.integers(2, n_items)), None)
        elif how == "leaves" and n_items > 1:
            present[s.name] = (1, draw(st.integers(1, n_items - 1)))
    script = Script(members, subs, present, [])
    for n in range(1, n_items + 1):
        here = sorted(
            name
            for name in everyone
            if name in present and present[name][0] <= n <= (present[name][1] or n_items)
        )
        it = ItemScript(
            title=draw(st.sampled_from(TITLES)),
            dnr=draw(st.one_of(st.none(), st.sampled_from(DNRS))),
            proposed=draw(st.sampled_from(PROPOSALS)),
            secret=draw(st.integers(0, 9)) == 0,
        )
        script.items.append(it)
        if here and draw(st.integers(0, 3)) == 0:
            it.jav = [draw(st.sampled_from(here))]
        if it.secret:
            continue
        serving = _serving(script, n)
        if not serving:
            continue
        voters = sorted(serving)
        for _ in range(draw(st.integers(0, 3))):
            by = draw(st.lists(st.sampled_from(voters), min_size=1, max_size=3, unique=True))
            kind = draw(st.sampled_from(list(MOTION_TEXTS)))
            it.motions.append((by, kind, MOTION_TEXTS[kind]))
        # the propositionsordning is left out: since the recording layer decides it step by step
        # (record.decide_step) and checks the beslut against it, the script does not yet draw steps
        it.order = False
        if draw(st.integers(0, 2)) == 0:
            it.vote = draw(_vote(serving, script.chair, election=draw(st.integers(0, 5)) == 0))
        it.outcome = draw(st.sampled_from(Outcome))
        it.decision = draw(st.sampled_from(DECISIONS[it.outcome]))
        if it.outcome == Outcome.REPORT:  # an anmälan is one by its ärende (checklist 8)
            it.title = draw(st.sampled_from(REPORT_TITLES))
        took_part = sorted(
            v for v, c in (_last_ballots(it.vote, serving) if it.vote else dict.fromkeys(voters, "yes")).items()
            if c != "abstain"
        )  # fmt: skip
        for _ in range(draw(st.integers(0, 2)) if took_part else 0):
            by = draw(st.lists(st.sampled_from(took_part), min_size=1, max_size=3, unique=True))
            it.reservations.append((by, draw(st.sampled_from(RESERVATION_TEXTS)), draw(st.booleans())))
        if draw(st.integers(0, 3)) == 0:
            due = draw(st.one_of(st.none(), st.dates(DATE, DATE + dt.timedelta(days=365))))
            it.assignment = (draw(st.sampled_from(ASSIGNEES)), draw(st.sampled_from(TASKS)), due)
    return script


# --- replaying a script through the recording layer ---------------------------------------------


def record(script: Script, *, secretary, body_name: str = "Miljönämnden", municipality: str = "Testkommun"):
    """Set up the body, the meeting and every § from ``script`` through the public recording
    functions; return the meeting. ``secretary`` is a user; it gets the secretary role here."""
    from protokoll.accounts.models import BodyRole
    from protokoll.accounts.roles import Role
    from protokoll.archive import models as m
    from protokoll.recording import prepare
    from protokoll.recording import record as rec

    body = prepare.body(municipality, body_name)
    BodyRole.objects.create(user=secretary, body=body, role=Role.SECRETARY)
    for n, s in enumerate(script.members):
        prepare.add_membership(body, s.name, party=s.party, role="ordförande" if n == 0 else None)
    for s in script.substitutes:
        prepare.add_membership(body, s.name, party=s.party, substitute=True, order=s.order)
    meeting = prepare.create_meeting(
        secretary,
        body,
        DATE,
        start=dt.time(9, 0),
        place="Stadshuset, Sessionssalen",
        secretary="Siv Sekr",
        adjusters=[script.members[-1].name],
    )

    def version(obj):
        obj.refresh_from_db(fields=["version"])
        return obj.version

    items = []
    for it in script.items:
        items.append(
            prepare.add_item(
                secretary,
                meeting.pk,
                version(meeting),
                title=it.title,
                dnr=it.dnr,
                proposed_decision=it.proposed,
                secret=it.secret,
                osl_reference="OSL 26 kap. 1 §" if it.secret else "",
            )
        )
    whole = [name for name, (first, last) in script.present.items() if first == 1 and last is None]
    rec.all_present(secretary, meeting.pk, version(meeting), whole)
    for name, (first, last) in script.present.items():
        if name not in whole:
            rec.add_presence(secretary, meeting.pk, version(meeting), name, first, last)
    for row, it in zip(items, script.items, strict=True):
        for name in it.jav:
            rec.declare_jav(secretary, row.pk, version(row), name)
    for row, it in zip(items, script.items, strict=True):
        for by, kind, text in it.motions:
            rec.add_motion(secretary, row.pk, version(row), by, kind.value, text)
        if it.order:
            rec.set_proposition_order(secretary, row.pk, version(row))
        if it.vote:
            question = "Ja för förslaget, nej för avslag." if not it.vote.election else "Val av ersättare"
            rec.record_vote(
                secretary,
                row.pk,
                version(row),
                question=question,
                default=it.vote.default,
                exceptions=it.vote.exceptions,
                election=it.vote.election,
                lottery_result=it.vote.lottery_result,
            )
        if it.decision:
            rec.record_decision(secretary, row.pk, version(row), it.outcome.value, it.decision)
        for by, text, written in it.reservations:
            rec.add_reservation(secretary, row.pk, version(row), by, text, written)
        if it.assignment:
            assignee, task, due = it.assignment
            rec.add_assignment(secretary, row.pk, version(row), assignee, task, due)
    return m.Meeting.objects.get(pk=meeting.pk)
