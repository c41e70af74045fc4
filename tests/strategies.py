"""Hypothesis strategies for valid, varied ``protokoll/1`` documents.

Shared by every part of the suite (storage round trips, rendering, search, the web). The
documents look like Swedish protocols (names with å, ä, ö, party abbreviations, Dnr shapes,
bodies) but every field also takes its edge values: ``None`` against empty strings and lists,
absent objects against empty ones, odd Unicode in free text. All text avoids NUL and lone
surrogates, which no database stores.

    from tests.strategies import documents
    @given(documents())
    def test_x(doc): ...
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from protokoll.document.model import (
    Adjournment,
    Adjustment,
    Assignment,
    AttendanceEntry,
    Ballot,
    CaseRef,
    Dispatch,
    Document,
    Item,
    Meeting,
    Motion,
    Notice,
    Person,
    Provenance,
    Reservation,
    Source,
    Statement,
    Vote,
    Warning,
)
from protokoll.domain.dnr import parse_dnr
from protokoll.domain.vocab import (
    AdjustmentMethod,
    AttendanceGroup,
    AttendanceStatus,
    DispatchPurpose,
    DocumentKind,
    MotionKind,
    Outcome,
    StatementKind,
    VoteChoice,
)

FIRST = ["Anna", "Åsa", "Björn", "Örjan", "Märta", "Karin", "Olof", "Sofia", "Nils", "Elsa", "Amir", "Lärka",
         "Göran", "Ingrid", "Jörgen", "Maja", "Per", "Ulla", "Zeynep", "Hanna-Lena"]  # fmt: skip
LAST = ["Almgren", "Dahlström", "Ekholm", "Grönlund", "Hedberg", "Isaksson", "Jonsson", "Kvist", "Åberg",
        "Östlund", "Lindqvist", "Nyström", "Sjöberg", "Wästberg", "af Klinteberg", "Haddad"]  # fmt: skip
PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP", "SPI", "ÖP"]
ROLES = ["ordförande", "1:e vice ordförande", "2:e vice ordförande", "ledamot", "ersättare", "nämndsekreterare",
         "socialchef", "justerare", "facklig företrädare"]  # fmt: skip
MUNICIPALITIES = ["Exempelstad", "Östra Sjöby", "Älvdala", "Norrköping-by", "Åsele strand"]
BODIES = ["Socialnämnden", "Kommunstyrelsen", "Kommunfullmäktige", "Barn- och utbildningsnämnden",
          "Bygg- och miljönämnden", "Kommunstyrelsens arbetsutskott", "Individ- och familjenämnden",
          "Kultur- och fritidsnämnden"]  # fmt: skip
PHRASES = ["Nämnden beslutar att godkänna förslaget.", "Ärendet återremitteras.", "Bifall till förslaget.",
           "Ärendet bordläggs.", "Informationen noteras.", "Ordföranden ställer proposition på förslagen.",
           "Socialchefen får i uppdrag att återrapportera.", "Rådhuset, Sessionssalen", "Ärendet utgår."]  # fmt: skip
DNR_SHAPES = ["SN 2025/00012-1.2.3", "KS/2020:248-003", "KFN-2013-179", "KU.2017.3", "2025-00005", "2007/555",
              "KS13/123", "KS 001-149/2012", "2023/KS 0173", "01/KS", "1900/16", "60", "AMN 2023/00148-1"]  # fmt: skip

_safe_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
# Free text: realistic phrases most of the time, sometimes arbitrary Unicode (incl. newlines).
text = st.one_of(
    st.sampled_from(PHRASES),
    st.text(_safe_chars, min_size=1, max_size=60),
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=3).map("\n".join),
)
opt_text = st.one_of(st.none(), st.just(""), text)
names = st.builds(lambda f, last: f"{f} {last}", st.sampled_from(FIRST), st.sampled_from(LAST))
parties = st.one_of(st.none(), st.sampled_from(PARTIES))
roles = st.one_of(st.none(), st.sampled_from(ROLES))
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
opt_dates = st.one_of(st.none(), dates)
clocks = st.builds(lambda h, mi: f"{h:02d}:{mi:02d}", st.integers(0, 23), st.integers(0, 59))
opt_clocks = st.one_of(st.none(), clocks)
small = st.integers(0, 60)
opt_int = st.one_of(st.none(), st.integers(1, 500))

persons = st.builds(Person, name=names, party=parties, role=roles)
person_lists = st.lists(persons, max_size=3)


@st.composite
def paragraph_ranges(draw) -> list[tuple[int, int]] | None:
    if draw(st.booleans()):
        return None
    out = []
    for _ in range(draw(st.integers(0, 3))):
        a = draw(st.integers(1, 400))
        out.append((a, a + draw(st.integers(0, 10))))
    return out


attendance = st.builds(
    AttendanceEntry,
    name=names,
    party=parties,
    role=roles,
    group=st.sampled_from(AttendanceGroup),
    status=st.sampled_from(AttendanceStatus),
    serving=st.booleans(),
    replaces=st.one_of(st.none(), persons),
    paragraphs=paragraph_ranges(),
    remote=st.booleans(),
    note=opt_text,
)


@st.composite
def case_refs(draw) -> CaseRef:
    """Mostly what the Dnr parser makes of a real shape; sometimes a hand-written CaseRef."""
    if draw(st.booleans()):
        ref = parse_dnr(draw(st.sampled_from(DNR_SHAPES)))
        assert ref is not None
        return ref
    prefix = draw(st.one_of(st.none(), st.sampled_from(["SN", "KS", "BUN", "ÅVN"])))
    year = draw(st.one_of(st.none(), st.integers(1990, 2040)))
    serial = draw(st.one_of(st.none(), st.integers(1, 99999)))
    return CaseRef(
        raw=draw(st.text(_safe_chars, min_size=1, max_size=20)),
        prefix=prefix,
        year=year,
        serial=serial,
        classification=draw(st.one_of(st.none(), st.sampled_from(["1.2.3", "003", "3.7.2"]))),
        document=draw(st.one_of(st.none(), st.integers(1, 9))),
        normalized="-".join(str(p) for p in (prefix, year, serial) if p is not None) or "X",
    )


@st.composite
def votes(draw) -> Vote:
    ballots = draw(st.lists(st.builds(Ballot, person=persons, vote=st.sampled_from(VoteChoice)), max_size=7))
    tally = {c: sum(b.vote == c for b in ballots) for c in VoteChoice}
    if ballots and draw(st.booleans()):
        yes, no, abstain, absent = (tally[c] for c in VoteChoice)  # consistent with the ballots
    else:
        yes, no, abstain, absent = (draw(small) for _ in range(4))
    return Vote(
        question=draw(opt_text),
        yes=yes,
        no=no,
        abstain=abstain,
        absent=absent,
        ballots=ballots,
        casting_vote=draw(st.booleans()),
        lottery=draw(st.booleans()),
    )


@st.composite
def items(draw, paragraph: int | None) -> Item:
    case = draw(st.one_of(st.none(), case_refs()))
    case_number = case.raw if case is not None and draw(st.booleans()) else draw(st.one_of(st.none(), text))
    return Item(
        paragraph=paragraph,
        case_number=case_number,
        case=case,
        title=draw(opt_text),
        confidential=draw(st.booleans()),
        outcome=draw(st.one_of(st.none(), st.sampled_from(Outcome))),
        decision=draw(opt_text),
        proposed_decision=draw(opt_text),
        background=draw(opt_text),
        motions=draw(
            st.lists(
                st.builds(
                    Motion,
                    by=person_lists,
                    kind=st.sampled_from(MotionKind),
                    text=st.one_of(st.just(""), text),
                    withdrawn=st.booleans(),
                ),
                max_size=3,
            )
        ),  # fmt: skip
        proposition_order=draw(opt_text),
        votes=draw(st.lists(votes(), max_size=2)),
        reservations=draw(
            st.lists(
                st.builds(
                    Reservation, by=person_lists, text=st.one_of(st.just(""), text), written=st.booleans()
                ),
                max_size=2,
            )
        ),  # fmt: skip
        statements=draw(
            st.lists(
                st.builds(
                    Statement,
                    kind=st.sampled_from(StatementKind),
                    by=person_lists,
                    text=st.one_of(st.just(""), text),
                ),
                max_size=2,
            )
        ),  # fmt: skip
        conflicts=draw(person_lists),
        assignments=draw(
            st.lists(
                st.builds(Assignment, assignee=text, task=text, due=opt_dates, report_to=opt_text), max_size=2
            )
        ),
        sent_to=draw(
            st.lists(
                st.builds(Dispatch, recipient=text, purpose=st.sampled_from(DispatchPurpose)), max_size=3
            )
        ),
        attachments=draw(st.lists(text, max_size=3)),
        immediately_adjusted=draw(st.booleans()),
        provenance=draw(
            st.one_of(st.none(), st.builds(Provenance, page=opt_int, line_start=opt_int, line_end=opt_int))
        ),
    )


@st.composite
def documents(draw, *, keyed: bool = True, max_items: int = 6) -> Document:
    """A valid document. ``keyed`` (default) guarantees municipality, body and meeting date,
    which the archive needs to store it; otherwise any of them may be missing."""
    municipality = (
        draw(st.sampled_from(MUNICIPALITIES))
        if keyed
        else draw(st.one_of(st.none(), st.sampled_from(MUNICIPALITIES)))
    )
    body = draw(st.sampled_from(BODIES)) if keyed else draw(st.one_of(st.none(), st.sampled_from(BODIES)))
    date = draw(dates) if keyed else draw(opt_dates)
    kind = draw(st.sampled_from(DocumentKind))
    numbers = draw(st.lists(st.integers(1, 400), unique=True, max_size=max_items))
    if kind == DocumentKind.SUMMARY and draw(st.booleans()):
        numbers = [None] * len(numbers)  # summaries may report decisions without § numbers
    return Document(
        kind=kind,
        municipality=municipality,
        body=body,
        meeting=Meeting(
            date=date,
            start=draw(opt_clocks),
            end=draw(opt_clocks),
            place=draw(opt_text),
            adjournments=draw(st.lists(st.builds(Adjournment, start=clocks, end=opt_clocks), max_size=2)),
        ),
        chair=draw(st.one_of(st.none(), persons)),
        secretary=draw(st.one_of(st.none(), persons)),
        adjusters=draw(person_lists),
        attendance=draw(st.lists(attendance, max_size=8)),
        adjustment=draw(
            st.one_of(
                st.none(),
                st.builds(
                    Adjustment,
                    date=opt_dates,
                    time=opt_clocks,
                    place=opt_text,
                    method=st.one_of(st.none(), st.sampled_from(AdjustmentMethod)),
                    signed_by=person_lists,
                ),
            )
        ),  # fmt: skip
        notice=draw(
            st.one_of(
                st.none(),
                st.builds(
                    Notice, posted=opt_dates, removed=opt_dates, storage=opt_text, appeal_deadline=opt_dates
                ),
            )
        ),
        items=[draw(items(n)) for n in numbers],
        summary=draw(opt_text) if kind == DocumentKind.SUMMARY else draw(st.one_of(st.none(), st.just(""))),
        warnings=draw(
            st.lists(
                st.builds(
                    Warning,
                    code=st.sampled_from(["attendance.unclear", "vote.tally", "x"]),
                    message=text,
                    paragraph=opt_int,
                    page=opt_int,
                    line=opt_int,
                ),
                max_size=3,
            )
        ),  # fmt: skip
        source=draw(
            st.one_of(
                st.none(),
                st.builds(
                    Source,
                    file=st.one_of(st.none(), st.just("protokoll-2025.pdf"), text),
                    format=st.one_of(
                        st.none(), st.sampled_from(["pdf", "html", "docx", "text", "json", "recorded"])
                    ),
                    pages=opt_int,
                    sha256=st.one_of(st.none(), st.text("0123456789abcdef", min_size=64, max_size=64)),
                ),
            )
        ),
    )


# --- Well-formed protocols -------------------------------------------------------------------
# ``documents()`` covers every corner of the format; ``protocols()`` draws what a careful
# secretary would write: one attendance list from which every other person is taken, ballots
# from those serving, tallies that match the ballots, consecutive §§, dates in order. Use it
# where a test renders and re-parses a protocol, or needs a believable archive.

TITLES = ["Val av justerare", "Godkännande av dagordning", "Riktlinjer för hemtjänst", "Budget för nästa år",
          "Ekonomisk uppföljning per mars", "Motion om fritidsaktiviteter för äldre", "Anmälan av delegationsbeslut",
          "Upphandling av skolskjuts", "Detaljplan för kvarteret Björken", "Yttrande över remiss om äldreomsorg",
          "Internkontrollplan", "Meddelanden", "Informationsärenden", "Taxa för bygglov",
          "Medborgarförslag om lekplats i Östby", "Ansökan om bidrag till föreningen Gläntan"]  # fmt: skip
DECISIONS = {
    Outcome.DECISION: "{body} beslutar att godkänna förvaltningens förslag.",
    Outcome.REFERRAL: "Ärendet återremitteras till förvaltningen för att utreda kostnaderna.",
    Outcome.TABLED: "Ärendet bordläggs till nästa sammanträde.",
    Outcome.WITHDRAWN: "Ärendet utgår.",
    Outcome.INFORMATION: "{body} noterar informationen.",
    Outcome.REPORT: "Redovisningen läggs till handlingarna.",
}
_BODY_PREFIX = {"Socialnämnden": "SN", "Kommunstyrelsen": "KS", "Kommunfullmäktige": "KF"}


def _prefix(body: str) -> str:
    return (
        _BODY_PREFIX.get(body)
        or "".join(w[0] for w in body.replace("-", " ").split() if w[0].isupper())
        or "DN"
    )


@st.composite
def protocols(
    draw, *, municipality: str | None = None, body: str | None = None, max_items: int = 8
) -> Document:
    municipality = municipality or draw(st.sampled_from(MUNICIPALITIES))
    body = body or draw(st.sampled_from(BODIES))
    date = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 1)))
    n_members = draw(st.integers(5, 11))
    pool = draw(st.lists(names, min_size=n_members + 6, max_size=n_members + 6, unique=True))
    party = {name: draw(st.sampled_from(PARTIES)) for name in pool}
    member_names, rest = pool[:n_members], pool[n_members:]
    absent = set(draw(st.lists(st.sampled_from(member_names[2:]), max_size=2, unique=True)))
    roles = {member_names[0]: "ordförande", member_names[1]: "1:e vice ordförande"}
    attendance = [
        AttendanceEntry(name=n, party=party[n], role=roles.get(n), group=AttendanceGroup.MEMBER,
                        status=AttendanceStatus.ABSENT if n in absent else AttendanceStatus.PRESENT,
                        serving=n not in absent)
        for n in member_names
    ]  # fmt: skip
    substitutes = rest[:3]
    for sub, gone in zip(substitutes, sorted(absent), strict=False):
        attendance.append(
            AttendanceEntry(name=sub, party=party[sub], group=AttendanceGroup.SUBSTITUTE, serving=True,
                            replaces=Person(name=gone, party=party[gone]))
        )  # fmt: skip
    for sub in substitutes[len(absent) :]:
        attendance.append(AttendanceEntry(name=sub, party=party[sub], group=AttendanceGroup.SUBSTITUTE))
    secretary = Person(name=rest[3], role="nämndsekreterare")
    attendance.append(
        AttendanceEntry(name=secretary.name, role=secretary.role, group=AttendanceGroup.OFFICIAL)
    )
    serving = [Person(name=a.name, party=a.party) for a in attendance if a.serving]
    chair = Person(name=member_names[0], party=party[member_names[0]], role="ordförande")
    adjuster = Person(name=member_names[1], party=party[member_names[1]])

    first = draw(st.integers(1, 300))
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=max_items, unique=True))
    items = []
    for offset, title in enumerate(titles):
        items.append(draw(_protocol_item(first + offset, title, body, date, serving)))
    adjusted = date + dt.timedelta(days=draw(st.integers(1, 12)))
    posted = adjusted + dt.timedelta(days=draw(st.integers(0, 2)))
    start_hour = draw(st.integers(8, 17))
    return Document(
        kind=DocumentKind.PROTOCOL,
        municipality=municipality,
        body=body,
        meeting=Meeting(date=date, start=f"{start_hour:02d}:00", end=f"{start_hour + 2:02d}:30",
                        place=draw(st.sampled_from(["Stadshuset, Sessionssalen", "Kommunhuset, rum Ekan",
                                                    "Digitalt via Teams"]))),
        chair=chair,
        secretary=secretary,
        adjusters=[adjuster],
        attendance=attendance,
        adjustment=Adjustment(date=adjusted, method=draw(st.sampled_from(AdjustmentMethod)),
                              signed_by=[chair, adjuster.model_copy(update={"role": "justerare"})]),
        notice=Notice(posted=posted, removed=posted + dt.timedelta(days=22), appeal_deadline=posted + dt.timedelta(days=21),
                      storage=f"{body}s kansli"),
        items=items,
        source=Source(file=f"{_prefix(body).lower()}-{date.isoformat()}.pdf", format="pdf", pages=len(items) + 2),
    )  # fmt: skip


@st.composite
def _protocol_item(draw, paragraph: int, title: str, body: str, date: dt.date, serving: list[Person]) -> Item:
    ref = parse_dnr(f"{_prefix(body)} {date.year}/{draw(st.integers(1, 999)):05d}")
    confidential = draw(st.integers(0, 9)) == 0
    if confidential:  # sekretess: the § number and a marker, no content (DOMAIN 1.10)
        return Item(paragraph=paragraph, title="Sekretess", confidential=True, outcome=Outcome.DECISION)
    outcome = draw(st.sampled_from(Outcome))
    item = Item(
        paragraph=paragraph,
        case_number=ref.raw,
        case=ref,
        title=title,
        outcome=outcome,
        decision=DECISIONS[outcome].format(body=body),
        proposed_decision=DECISIONS[Outcome.DECISION].format(body=body) if outcome == Outcome.DECISION else None,
        background=draw(st.one_of(st.none(), st.sampled_from(PHRASES))),
        attachments=draw(st.lists(st.sampled_from(["Tjänsteskrivelse", "Karta", "Riktlinjer"]), max_size=2, unique=True)),
        sent_to=draw(st.lists(st.builds(Dispatch, recipient=st.sampled_from(["Förvaltningschefen", "Kommunstyrelsen",
                      "Ekonomienheten"]), purpose=st.sampled_from(DispatchPurpose)), max_size=2)),
        immediately_adjusted=draw(st.integers(0, 7)) == 0,
        provenance=Provenance(page=paragraph % 7 + 2, line_start=1, line_end=draw(st.integers(3, 60))),
    )  # fmt: skip
    if outcome == Outcome.DECISION and len(serving) >= 3 and draw(st.booleans()):
        item = _contested(draw, item, serving)
    if draw(st.integers(0, 5)) == 0:
        who = draw(st.sampled_from(serving))
        item = item.model_copy(update={"conflicts": [who]})
    if outcome == Outcome.DECISION and draw(st.integers(0, 3)) == 0:
        due = date + dt.timedelta(days=draw(st.integers(30, 365)))
        task = Assignment(
            assignee="Förvaltningschefen", task="återrapportera till nämnden", due=due, report_to=body
        )
        item = item.model_copy(update={"assignments": [task]})
    return item


def _contested(draw, item: Item, serving: list[Person]) -> Item:
    """Two yrkanden, a vote with named ballots of everyone serving, reservations by the losers."""
    choices = draw(st.lists(st.sampled_from([VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN]),
                            min_size=len(serving), max_size=len(serving)))  # fmt: skip
    ballots = [Ballot(person=p, vote=c) for p, c in zip(serving, choices, strict=True)]
    tally = {c: choices.count(c) for c in VoteChoice}
    yes, no = tally[VoteChoice.YES], tally[VoteChoice.NO]
    noes = [b.person for b in ballots if b.vote == VoteChoice.NO]
    ayes = [b.person for b in ballots if b.vote == VoteChoice.YES]
    motions = (
        [Motion(by=ayes[:2], kind=MotionKind.APPROVAL, text="Bifall till förvaltningens förslag.")]
        if ayes
        else []
    )
    if noes:
        motions.append(Motion(by=noes[:1], kind=MotionKind.REJECTION, text="Avslag på förslaget."))
    vote = Vote(question="Ja för bifall, nej för avslag.", yes=yes, no=no, abstain=tally[VoteChoice.ABSTAIN],
                ballots=ballots, casting_vote=yes == no and yes > 0)  # fmt: skip
    update: dict = {
        "motions": motions,
        "proposition_order": "Ordföranden ställer proposition på yrkandena och finner att nämnden bifaller förslaget.",
        "votes": [vote],
    }
    if noes and yes >= no:
        update["reservations"] = [
            Reservation(by=noes, text="Vi reserverar oss mot beslutet.", written=draw(st.booleans()))
        ]
    if draw(st.integers(0, 3)) == 0:
        update["statements"] = [Statement(kind=StatementKind.PROTOCOL_NOTE, by=serving[-1:], text="Vill få antecknat att frågan bör följas upp.")]  # fmt: skip
    return item.model_copy(update=update)
