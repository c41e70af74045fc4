"""The Exempelstad demo archive: a deterministic stream of ``protokoll/1`` protocols.

``generate(seed)`` gives one year (every body's meetings, in date order); ``iter_documents(seed,
meetings=N)`` streams as many meetings as asked, year after year, cheaply enough for archive
benchmarks. The same seed always gives byte-identical documents: all randomness comes from one
``random.Random(seed)`` and nothing iterates over a set or a hash-ordered mapping.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from protokoll.demo import pools
from protokoll.demo.attendance import Sitting, declare_conflict, seat_meeting
from protokoll.demo.dates import justering_and_anslag, meeting_dates
from protokoll.demo.items import contest, person
from protokoll.demo.names import DISTRICTS, PROPERTY_STEMS, ROOMS, SCHOOLS
from protokoll.demo.organisation import MUNICIPALITY, Body, build_municipality
from protokoll.demo.records import attendance_entries, blank_item, dispatch
from protokoll.document.model import Document
from protokoll.domain.dnr import parse_dnr

START_YEAR = 2025
_WEEKDAYS = {"fullmaktige": 0, "styrelse": 1, "utskott": 1, "namnd": 2}


@dataclass
class _Pending:
    """A case that comes back to the body at a later meeting (uppdrag, bordlagt, återremitterat)."""

    at: int  # the body's meeting ordinal it comes back at
    case_number: str
    title: str
    kind: str  # "report" | "again"
    template: pools.Template | None = None
    task: str = ""  # the uppdrag and who got it, for a report
    assignee: str = ""


@dataclass
class _BodyState:
    body: Body
    index: int
    rng: random.Random
    schedule: list[dt.date] = field(default_factory=list)
    years: int = 0
    held: int = 0
    paragraph_year: int = 0
    next_paragraph: int = 1
    pending: list[_Pending] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # pool templates already on this year's agendas

    def date_of(self, ordinal: int, start_year: int) -> dt.date:
        while ordinal >= len(self.schedule):
            year = start_year + self.years
            weekday = _WEEKDAYS[self.body.spec.kind] + (
                self.index % 3 if self.body.spec.kind == "namnd" else 0
            )
            self.schedule.extend(meeting_dates(self.rng, year, self.body.spec.meetings, weekday))
            self.years += 1
        return self.schedule[ordinal]


class _Diarium:
    def __init__(self) -> None:
        self.serials: dict[tuple[str, int], int] = {}

    def new(self, prefix: str, year: int, klassa: str, rng: random.Random) -> str:
        key = (prefix, year)
        serial = self.serials.get(key, 0) + rng.randint(1, 9)
        self.serials[key] = serial
        return f"{prefix} {year}/{serial:05d}-{klassa}"


class _Generator:
    def __init__(self, seed: int, start_year: int = START_YEAR, single_year: bool = False) -> None:
        self.rng = random.Random(seed)
        self.start_year = start_year
        self.single_year = single_year
        self.bodies = build_municipality(self.rng)
        self.states = [
            _BodyState(b, i, random.Random(self.rng.getrandbits(64))) for i, b in enumerate(self.bodies)
        ]
        self.diarium = _Diarium()

    # -- scheduling ---------------------------------------------------------------------------
    def meetings(self) -> Iterator[dict]:
        year = self.start_year
        while True:
            due: list[tuple[dt.date, int]] = []
            for state in self.states:
                ordinal = state.held
                while state.date_of(ordinal, self.start_year).year == year:
                    due.append((state.date_of(ordinal, self.start_year), state.index))
                    ordinal += 1
            for date, index in sorted(due):
                yield self._meeting(self.states[index], date)
            if self.single_year:
                return
            year += 1

    def _last_ordinal(self, state: _BodyState) -> int | None:
        """In single-year mode nothing may be promised for a meeting after the year ends."""
        if not self.single_year:
            return None
        return sum(1 for d in state.schedule if d.year == self.start_year) - 1

    # -- one meeting ----------------------------------------------------------------------------
    def _meeting(self, state: _BodyState, date: dt.date) -> dict:
        rng = random.Random(self.rng.getrandbits(64))
        body = state.body
        ordinal = state.held
        state.held += 1
        if state.paragraph_year != date.year:
            state.paragraph_year, state.next_paragraph = date.year, 1
            state.used = set()
        coming_back = [p for p in state.pending if p.at == ordinal]
        state.pending = [p for p in state.pending if p.at != ordinal]
        plan = self._plan(state, rng, coming_back)
        first = state.next_paragraph
        last = first + len(plan) - 1
        state.next_paragraph = last + 1
        sitting = seat_meeting(body, first, last, rng)
        context = self._context(rng, date)
        adjusters = self._adjusters(sitting, rng)
        items = []
        for offset, entry in enumerate(plan):
            items.append(
                self._item(state, sitting, first + offset, entry, rng, context, date, adjusters, ordinal)
            )
        return self._document(state, sitting, date, items, adjusters, rng)

    def _plan(self, state: _BodyState, rng: random.Random, coming_back: list[_Pending]) -> list:
        spec = state.body.spec
        plan: list = [("justerare", None)]
        if rng.random() < 0.5:
            plan.append(("agenda", None))
        plan.extend(("back", p) for p in coming_back)
        pool = pools.POOLS[spec.pool] + pools.COMMON
        count = rng.randint(3, 7) if spec.kind != "utskott" else rng.randint(2, 5)
        # The same kind of matter comes up once a year, until the pool runs dry.
        fresh = [i for i in range(len(pool)) if i not in state.used] or list(range(len(pool)))
        for index in sorted(rng.sample(fresh, k=min(count, len(fresh)))):
            state.used.add(index)
            template = pool[index]
            plan.append(("pool", template))
        if spec.pool in pools.CONFIDENTIAL_TITLES and spec.kind != "fullmaktige":
            chance = 0.8 if spec.pool in ("sn", "bun") else 0.15
            while rng.random() < chance and sum(1 for kind, _ in plan if kind == "secret") < 3:
                plan.append(("secret", None))
                chance /= 2
        if spec.kind != "fullmaktige":
            plan.append(("delegation", None))
            if rng.random() < 0.5:
                plan.append(("messages", None))
            plan.append(("information", None))
        return plan

    def _context(self, rng: random.Random, date: dt.date) -> dict:
        return {
            "year": date.year,
            "next_year": date.year + 1,
            "plan_end": date.year + 3,
            "quarter": (date.month - 1) // 3 or 4,
            "month": pools.MONTHS[(date.month - 2) % 12],
            "district": rng.choice(DISTRICTS),
            "property": f"{rng.choice(PROPERTY_STEMS)} {rng.randint(1, 12)}:{rng.randint(1, 40)}",
            "school": rng.choice(SCHOOLS),
        }

    def _adjusters(self, sitting: Sitting, rng: random.Random) -> list:
        chair = sitting.body.chair.name
        whole = [p for p in sitting.whole_meeting_members() if p.name != chair]
        if not whole:
            # every other ordinary member is away for part of the meeting: a tjänstgörande
            # ersättare who serves throughout may justera, and a protocol is never left without one
            whole = [s.person for s in sitting.whole_meeting_segments() if s.person.name != chair]
            whole = whole or [p for p in sitting.serving_at(sitting.first) if p.name != chair]
        roles = sitting.body.roles
        preferred = [p for p in whole if roles.get(p.name) == "2:e vice ordförande"] or whole
        count = 2 if sitting.body.spec.kind == "fullmaktige" else 1
        chosen = preferred[:1] + rng.sample([p for p in whole if p not in preferred[:1]], k=count - 1)
        return chosen

    # -- items ------------------------------------------------------------------------------------
    def _item(self, state, sitting, paragraph, entry, rng, ctx, date, adjusters, ordinal) -> dict:
        kind, payload = entry
        body, spec = state.body, state.body.spec
        organ = spec.name
        adm = spec.administration
        item = blank_item(paragraph)
        if kind == "justerare":
            names = " och ".join(f"{p.name} ({p.party})" for p in adjusters)
            item.update(
                title="Val av justerare",
                outcome="decision",
                decision=f"{organ} beslutar att utse {names} att jämte ordföranden justera dagens protokoll.",
            )
            return item
        if kind == "agenda":
            item.update(
                title="Godkännande av dagordning",
                outcome="decision",
                decision=f"{organ} beslutar att godkänna dagordningen.",
            )
            return item
        if kind == "secret":
            item.update(title=rng.choice(pools.CONFIDENTIAL_TITLES[spec.pool]), confidential=True)
            return item
        if kind in ("delegation", "messages"):
            what = "delegationsbeslut" if kind == "delegation" else "meddelanden"
            self._case(item, spec.prefix, date.year, "1.1.3", rng)
            item.update(
                title=f"Anmälan av {what}",
                outcome="report",
                # the wording of the canonical full example, which every reader must understand
                decision=(
                    f"{organ} lägger redovisningen av delegationsbeslut till handlingarna."
                    if kind == "delegation"
                    else f"{organ} lägger meddelandena till handlingarna."
                ),
                background=f"Redovisning av {what} för perioden sedan föregående sammanträde.",
            )
            return item
        if kind == "information":
            name, title = rng.choice(body.officials)
            self._case(item, spec.prefix, date.year, "1.1.3", rng)
            item.update(
                title=f"Information från {adm.lower()}",
                outcome="information",
                decision=f"{organ} noterar informationen.",
                background=f"{name}, {title}, informerar om verksamhetens läge och aktuella frågor.",
            )
            return item
        if kind == "back":
            return self._coming_back(state, sitting, item, payload, rng, ctx, ordinal)
        return self._substantive(state, sitting, item, payload, rng, ctx, date, ordinal)

    def _case(
        self, item: dict, prefix: str, year: int, klassa: str, rng: random.Random, number: str | None = None
    ) -> None:
        number = number or self.diarium.new(prefix, year, klassa, rng)
        item["case_number"] = number
        item["case"] = parse_dnr(number).model_dump(mode="json")

    def _coming_back(self, state, sitting, item, pending: _Pending, rng, ctx, ordinal) -> dict:
        organ = state.body.spec.name
        self._case(item, "", 0, "", rng, number=pending.case_number)
        if pending.kind == "report":
            item.update(
                title=f"Återrapport av uppdrag - {pending.title}",
                outcome="decision",
                decision=f"{organ} beslutar att godkänna återrapporten och förklara uppdraget slutfört.",
                proposed_decision=f"{organ} beslutar att godkänna återrapporten och förklara uppdraget slutfört.",
                background=f"{pending.assignee} har fått i uppdrag att {pending.task} och redovisar nu uppdraget.",
            )
            return item
        # A tabled or referred case is decided this time.
        item["title"] = pending.title
        return self._decide(state, sitting, item, pending.template, rng, ctx, ordinal, allow_defer=False)

    def _substantive(self, state, sitting, item, template: pools.Template, rng, ctx, date, ordinal) -> dict:
        spec = state.body.spec
        ctx = dict(ctx, topic=rng.choice(pools.TOPICS[spec.pool]))
        self._case(item, spec.prefix, date.year, template.klassa, rng)
        item["title"] = _fill(template.title, ctx)
        roll = rng.random()
        if roll < 0.03:
            item.update(
                outcome="withdrawn", decision="Ärendet utgår.", background=_fill(template.background, ctx)
            )
            return item
        return self._decide(state, sitting, item, template, rng, ctx, ordinal, allow_defer=True)

    def _decide(self, state, sitting, item, template, rng, ctx, ordinal, allow_defer) -> dict:
        body, spec = state.body, state.body.spec
        organ = spec.name
        if "topic" not in ctx:
            ctx = dict(ctx, topic=rng.choice(pools.TOPICS[spec.pool]))
        verb = _fill(template.verb, ctx)
        proposed = f"{organ} beslutar att {verb}."
        item.update(
            proposed_decision=proposed, background=_fill(template.background, ctx), outcome="decision"
        )
        paragraph = item["paragraph"]
        if rng.random() < 0.05:
            member = declare_conflict(sitting, paragraph, rng)
            if member:
                item["conflicts"] = [person(member)]
        if allow_defer and rng.random() < 0.04 and self._may_promise(state, ordinal + 1):
            item.update(
                outcome="tabled", decision=f"{organ} beslutar att bordlägga ärendet till nästa sammanträde."
            )
            state.pending.append(_Pending(ordinal + 1, item["case_number"], item["title"], "again", template))
            return item
        result = contest(body, sitting, paragraph, rng) if template.contest and rng.random() < 0.35 else None
        decision = proposed
        if result:
            item.update(
                motions=result.motions,
                proposition_order=result.proposition_order,
                votes=result.votes,
                reservations=result.reservations,
                statements=result.statements,
            )
            if result.outcome == "referral":
                reason = result.opposing_text.split("motiveringen att ", 1)[-1]
                item.update(
                    outcome="referral",
                    decision=f"{organ} beslutar att återremittera ärendet med motiveringen att {reason}.",
                )
                if allow_defer and self._may_promise(state, ordinal + 2):
                    state.pending.append(
                        _Pending(ordinal + 2, item["case_number"], item["title"], "again", template)
                    )
                return item
            if result.winner == "motion":
                if result.opposing_kind == "amendment":
                    decision = f"{organ} beslutar att {verb}, med {result.opposing_text}."
                else:
                    decision = f"{organ} beslutar att avslå {spec.proposer}."
        points = [decision]
        if not result or result.winner == "proposal":
            self._forward_to_council(state, ordinal, item, verb, template)
        if template.assign and (result is None or result.winner == "proposal"):
            target = ordinal + rng.randint(2, 4)
            if template.assign and rng.random() < 0.5 and self._may_promise(state, target):
                due = state.date_of(target, self.start_year)
                task = _fill(template.assign, ctx)
                # fullmäktige gives its uppdrag to kommunstyrelsen, a nämnd to its förvaltning
                assignee = "Kommunstyrelsen" if spec.kind == "fullmaktige" else spec.administration
                points.append(
                    f"{assignee} får i uppdrag att {task} och återrapportera till "
                    f"{spec.short} senast {due.isoformat()}."
                )
                item["assignments"] = [
                    {
                        "assignee": assignee,
                        "task": task,
                        "due": due.isoformat(),
                        "report_to": organ,
                    }
                ]
                state.pending.append(
                    _Pending(
                        target, item["case_number"], item["title"], "report", task=task, assignee=assignee
                    )
                )
        if len(points) > 1:
            item["decision"] = "\n".join(f"{i}. {p}" for i, p in enumerate(points, start=1))
        else:
            item["decision"] = decision
        item["immediately_adjusted"] = rng.random() < 0.06
        item["sent_to"] = dispatch(spec, rng)
        if rng.random() < 0.5:
            item["attachments"] = [f"Tjänsteskrivelse {item['case_number'].split('-')[0]}"]
            if rng.random() < 0.4:
                item["attachments"].append("Bilaga 1, förslag")
        return item

    def _forward_to_council(self, state, ordinal, item, verb: str, template: pools.Template) -> None:
        """Kommunstyrelsen prepares fullmäktige's cases (KL 6:4): its proposal comes before
        fullmäktige at a meeting after the justering, under the same Dnr."""
        lead = "föreslå kommunfullmäktige att "
        if state.body.spec.kind != "styrelse" or not verb.startswith(lead):
            return
        council = next((s for s in self.states if s.body.spec.kind == "fullmaktige"), None)
        if council is None:
            return
        ready = state.date_of(ordinal, self.start_year) + dt.timedelta(days=15)
        target = council.held
        while council.date_of(target, self.start_year) < ready:
            target += 1
        if not self._may_promise(council, target):
            return
        forwarded = pools.Template(
            item["title"],
            template.klassa,
            verb[len(lead) :].replace("{", "(").replace("}", ")"),
            f"Kommunstyrelsen har berett ärendet och föreslår att fullmäktige beslutar att {verb[len(lead) :]}.",
        )
        council.pending.append(_Pending(target, item["case_number"], item["title"], "again", forwarded))

    def _may_promise(self, state: _BodyState, ordinal: int) -> bool:
        last = self._last_ordinal(state)
        return last is None or ordinal <= last

    # -- the document -----------------------------------------------------------------------------
    def _document(self, state, sitting: Sitting, date, items, adjusters, rng) -> dict:
        body, spec = state.body, state.body.spec
        chair = body.chair
        justering, posted, deadline, removed = justering_and_anslag(rng, date)
        start_h, start_m = (int(x) for x in spec.start.split(":"))
        minutes = start_h * 60 + start_m + 60 + 12 * len(items) + rng.randint(0, 6) * 5
        end = f"{min(minutes // 60, 23):02d}:{minutes % 60 if minutes < 24 * 60 else 59:02d}"
        adjournments = []
        if rng.random() < 0.2 and minutes - (start_h * 60 + start_m) > 90:
            at = start_h * 60 + start_m + 60
            adjournments.append(
                {
                    "start": f"{at // 60:02d}:{at % 60:02d}",
                    "end": f"{(at + 15) // 60:02d}:{(at + 15) % 60:02d}",
                }
            )
        place = (
            "Fullmäktigesalen, Stadshuset"
            if spec.kind == "fullmaktige"
            else f"{rng.choice(ROOMS)}, Stadshuset"
        )
        return {
            "schema": "protokoll/1",
            "kind": "protocol",
            "municipality": MUNICIPALITY,
            "body": spec.name,
            "meeting": {
                "date": date.isoformat(),
                "start": spec.start,
                "end": end,
                "place": place,
                "adjournments": adjournments,
            },
            "chair": person(chair, "ordförande"),
            "secretary": {"name": body.secretary, "party": None, "role": spec.secretary_role},
            "adjusters": [person(p) for p in adjusters],
            "attendance": attendance_entries(sitting),
            "adjustment": {
                "date": justering.isoformat(),
                "time": None,
                "place": "Digital justering",
                "method": "digital",
                "signed_by": [person(chair, "ordförande")] + [person(p, "justerare") for p in adjusters],
            },
            "notice": {
                "posted": posted.isoformat(),
                "removed": removed.isoformat(),
                "storage": f"{spec.administration}, Stadshuset",
                "appeal_deadline": deadline.isoformat(),
            },
            "items": items,
            "summary": None,
            "warnings": [],
            "source": {"file": None, "format": "recorded", "pages": None, "sha256": None},
        }


def _fill(text: str, ctx: dict) -> str:
    return text.format(**ctx)


def iter_document_dicts(
    seed: int, meetings: int | None = None, start_year: int = START_YEAR
) -> Iterator[dict]:
    """The canonical JSON form of each generated protocol, without validation (fastest)."""
    gen = _Generator(seed, start_year)
    for count, doc in enumerate(gen.meetings()):
        if meetings is not None and count >= meetings:
            return
        yield doc


def iter_documents(
    seed: int, meetings: int | None = None, start_year: int = START_YEAR
) -> Iterator[Document]:
    """Validated documents, streamed year after year; ``meetings=None`` never ends."""
    for data in iter_document_dicts(seed, meetings, start_year):
        yield Document.model_validate(data)


def generate(seed: int = 1, year: int = START_YEAR) -> list[Document]:
    """One year of Exempelstad: every body's meetings in date order, all promises kept in-year."""
    gen = _Generator(seed, year, single_year=True)
    return [Document.model_validate(d) for d in gen.meetings()]
