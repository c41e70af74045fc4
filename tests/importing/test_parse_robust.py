"""Hostile and random input never raises anything but UnreadableInput, and stays fast."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.parse import parse_text

SAMPLE = """Plats och tid Rådhuset, kl 09.00-11.00
Beslutande
Anna Ek (S), ordförande
Bo Lind (M) §§ 1 - 2
Utses att justera Bo Lind (M)
§ 1
Dnr KS 2024/12
Budget
Beslut
Nämnden antar budgeten.
Yrkanden
Bo Lind (M) med instämmande av Cia Ro (V) yrkar avslag.
Omröstning
Nämnden beslutar med två röster mot en.
Reservation
Bo Lind (M) reserverar sig.
§ 2
Information
Beslut
Nämnden tar del av informationen.
"""
PIECES = SAMPLE.split("\n") + [
    "§",
    "§§ 1-",
    "(S)",
    "Dnr",
    "Beslut",
    "ANSLAG/BEVIS",
    "\f",
    "•",
    "kl 25.99",
    "XXXX",
]


def _parse(text: str) -> None:
    try:
        doc = parse_text(text)
    except UnreadableInput:
        return
    doc.to_json_dict()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text_never_crashes(text: str) -> None:
    _parse(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.randoms(use_true_random=False))
def test_mutated_protocol_never_crashes(pieces: list[str], rnd) -> None:
    lines = SAMPLE.split("\n")
    for piece in pieces:
        lines.insert(rnd.randrange(len(lines) + 1), piece)
    if pieces and rnd.random() < 0.5:
        del lines[rnd.randrange(len(lines))]
    _parse("\n".join(lines))
    _parse(" ".join(lines))  # the same protocol flattened onto one line


def test_hostile_input_stays_fast() -> None:
    hostile = [
        "§" * 50_000,
        "Anna " * 40_000 + "(S)",
        "Name, " * 30_000,
        ("A" * 30 + " ") * 10_000,
        "1 " * 50_000,
        "Beslutande " * 20_000,
        "§ 1 " * 20_000,
    ]
    for text in hostile:
        start = time.perf_counter()
        _parse(text)
        assert time.perf_counter() - start < 5, text[:40]
