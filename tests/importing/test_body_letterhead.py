"""The body's full name from a letterhead that clean removed as a running header."""

from __future__ import annotations

from protokoll.importing.parse import parse_text

PAGE = """Miljönämndens arbetsutskott
ÅBY KOMMUN\tSida {n}
Protokoll 2025-04-02
"""


def test_a_body_named_short_in_its_decisions_is_named_in_full_from_the_running_header() -> None:
    # the letterhead stands on every page, so it is page furniture; the §§ call the body
    # "Arbetsutskottet", which is only the short form of its name
    pages = [
        PAGE.format(n=1)
        + "Plats och tid\tKommunhuset kl. 08.30-10.15\nBeslutande\tAnna Rönn (C), ordförande\n\n"
        + "§ 18 Bygglov för tillbyggnad\nBeslut\tArbetsutskottet beviljar bygglov.\n",
        PAGE.format(n=2) + "§ 19 Förhandsbesked\nBeslut\tArbetsutskottet avslår ansökan.\n",
        PAGE.format(n=3) + "§ 20 Strandskydd\nBeslut\tArbetsutskottet beviljar dispens.\n",
    ]
    doc = parse_text("\f".join(pages))
    assert doc.body == "Miljönämndens arbetsutskott"
    assert [it.paragraph for it in doc.items] == [18, 19, 20]
