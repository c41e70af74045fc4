"""Render → parse over protocols the demo generator never writes (tests/strategies.py
``protocols()`` widened): odd and double-barrelled names (a party is
upper case in the model, DOMAIN; lower-case parties are the parser's input, not a document's), long titles,
beslut with numbered lists, § numbers above 999, every Dnr shape of DOMAIN §2.1."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protokoll.document.model import AttendanceEntry, Document
from protokoll.domain.dnr import parse_dnr
from protokoll.importing.parse import parse_text
from protokoll.importing.rules import REPORT_TITLE
from protokoll.rendering.text import render_text
from tests.rendering.roundtrip import differences
from tests.strategies import DNR_SHAPES, protocols

ODD_NAMES = ["Anna-Karin af Ugglas", "Per Olof von Sydow", "Lars-Åke Nilsson Öhrn", "Ebba Busch",
             "Örjan Ängsvik-Lund", "Bo Ek", "Zeynep Öztürk", "Jean-Luc N'Diaye"]  # fmt: skip
# found by this test and not yet read back (see the xfail tests below): kept out of the property
SHAPES = [d for d in DNR_SHAPES if d != "01/KS"]
LONG_TITLES = [
    "Yttrande över remiss från Regeringskansliet om betänkandet Ökad kvalitet i äldreomsorgen och "
    "tillgänglig vård för alla (SOU 2026:14), med förslag till ändringar i socialtjänstlagen",
    "Detaljplan för del av fastigheten Östby 3:14 m.fl. – beslut om granskning enligt PBL 5 kap. 18 §",
]
LIST_DECISIONS = [
    "1. Förvaltningens förslag godkänns.\n2. Ärendet återrapporteras i december.",
    "a) Riktlinjerna antas.\nb) Förvaltningen får i uppdrag att följa upp dem senast 2027-06-30.",
]


@st.composite
def odd_protocols(draw) -> Document:
    doc = draw(protocols(max_items=4))
    rename = dict(zip(
        sorted({a.name for a in doc.attendance}),
        draw(st.lists(st.sampled_from(ODD_NAMES), unique=True, min_size=0, max_size=len(ODD_NAMES))),
        strict=False,
    ))  # fmt: skip
    first = draw(st.sampled_from([1, 998, 999, 1000, 1234, 4711]))
    data = doc.model_dump(mode="json", by_alias=True)

    def fix(value):
        if isinstance(value, dict):
            out = {k: fix(v) for k, v in value.items()}
            if "name" in out and out["name"] in rename:
                out["name"] = rename[out["name"]]
            return out
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    data = fix(data)
    for n, item in enumerate(data["items"]):
        item["paragraph"] = first + n
        if item.get("confidential"):
            continue
        if item.get("case_number"):
            raw = draw(st.sampled_from(SHAPES))
            item["case_number"], item["case"] = raw, parse_dnr(raw).model_dump(mode="json")
        if draw(st.integers(0, 3)) == 0:
            item["title"] = draw(st.sampled_from(LONG_TITLES))
        if draw(st.integers(0, 3)) == 0:
            item["decision"] = draw(st.sampled_from(LIST_DECISIONS))
            item["outcome"] = "decision"
            item["assignments"] = []
        # the text form carries an anmälan by its ärende's title, nothing else (checklist 8)
        if item.get("outcome") == "report":
            item["title"] = "Anmälan av delegationsbeslut"
        elif REPORT_TITLE.search(item.get("title") or ""):
            item["title"] = "Informationsärenden"
    return Document.model_validate(data)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=odd_protocols())
def test_text_round_trip_of_odd_protocols(doc):
    assert differences(doc, parse_text(render_text(doc))) == []


# --- found by the widened round trip, not yet fixed (xfail strict: they fail today) -----------


def _one_item(**item) -> Document:
    return Document.model_validate(
        {"schema": "protokoll/1", "municipality": "Exempelstad", "body": "Socialnämnden",
         "meeting": {"date": "2026-03-11"}, "items": [{"paragraph": 1, "title": "Budget", **item}]}
    )  # fmt: skip


@pytest.mark.xfail(strict=True, reason="a Dnr of the shape '01/KS' (DOMAIN 2.1) is not read after 'Dnr'")
def test_dnr_serial_slash_prefix_reads_back():
    doc = _one_item(case_number="01/KS", decision="Nämnden godkänner budgeten.")
    assert parse_text(render_text(doc)).items[0].case_number == "01/KS"


def test_beslutar_line_above_numbered_points_reads_back():
    # "Beslut" / "Nämnden beslutar" / "1. att …": the line is the decision's first words
    decision = "Nämnden beslutar\n1. att godkänna förslaget,\n2. att återrapportera i december."
    got = parse_text(render_text(_one_item(decision=decision))).items[0].decision
    assert got == decision


@pytest.mark.xfail(strict=True, reason="a name with lower-case particles ('de la') is cut at the particle")
def test_name_with_lower_case_particles_reads_back():
    doc = _one_item(decision="Nämnden godkänner budgeten.").model_copy(
        update={
            "attendance": [
                AttendanceEntry(name="Maria Luisa de la Cruz", party="SD", group="member", serving=True)
            ]
        }  # fmt: skip
    )
    assert [a.name for a in parse_text(render_text(doc)).attendance] == ["Maria Luisa de la Cruz"]
