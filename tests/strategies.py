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
