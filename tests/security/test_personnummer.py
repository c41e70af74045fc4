"""No personnummer in any public output (DOMAIN 1.10, GDPR; checklist 37).

The two-body world of ``world.py`` is built with personnummer written, in every common shape,
into the texts of the published, open §§ (titles, decisions, background, motions, votes,
reservations, notes, assignments, attachments). Every public URL the resolver knows is then
requested (HTML, JSON, CSV, Atom, gzip dump, PDF: ``urls.body_text`` opens them) and must hold
none of the digits; the stored rows and the secretary's internal view keep the original.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from protokoll.archive.models import Item
from protokoll.search.indexing import reindex_all
from protokoll.web.masking import PNR_MASK
from tests.security import world as world_module
from tests.security.urls import body_text, cases

#: Invented numbers, each with a date part and a tail that occur nowhere else in the world.
#: Every tail starts with 0: the check below looks for the bare four digits, and a tail like
#: 3855 turned up as a database id once PostgreSQL's sequences had grown that far, while no
#: id or count prints with a leading zero. The check digits are right, as real ones would be.
SHAPES = {
    "title": "471129-0983",
    "decision": "19520314-0487",
    "proposed_decision": "610707+0861",
    "background": "19731105 0384",
    "text": "7903060239",  # bare; the check digit is right
    "question": "198407210874",  # bare with century
    "task": "560212-0478",
    "attachments": "680930-0665",
}
#: What would betray a personnummer however it is reformatted: its date (with or without the
#: century) and its last four digits, each not part of a longer run of digits (a timestamp's
#: microseconds may hold any four digits).
_PARTS = [(v[-10:-4] if v[-5].isdigit() else v[-11:-5], v[-4:]) for v in SHAPES.values()]
LEAKS = [re.compile(rf"(?<!\d)(?:19|20)?{date}") for date, _ in _PARTS] + [
    re.compile(rf"(?<![\d.]){tail}(?!\d)") for _, tail in _PARTS
]
DIGITS = [d for pair in _PARTS for d in pair]


def _inject(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: _inject(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key == "attachments":
            return [*value, f"Ansökan från {SHAPES['attachments']}"]
        return [_inject(v, key) for v in value]
    if isinstance(value, str) and key in SHAPES:
        return f"{value} (personnummer {SHAPES[key]})"
    return value


@pytest.fixture
def pnr_world(db, monkeypatch):
    make = world_module._documents

    def documents(*args):
        published, draft = make(*args)
        published = {
            **published,
            "items": [it if it.get("confidential") else _inject(it) for it in published["items"]],
        }
        return published, draft

    monkeypatch.setattr(world_module, "_documents", documents)
    built = world_module.build_world()
    reindex_all()
    return built


def _found(text: str) -> list[str]:
    return [leak.pattern for leak in LEAKS if leak.search(text)]


def test_the_world_holds_personnummer_in_its_stored_rows(pnr_world):
    item = Item.objects.get(meeting=pnr_world.published["A"], paragraph=22)
    assert SHAPES["title"] in item.title
    assert SHAPES["decision"] in (item.decision or "")


def test_no_personnummer_in_any_public_url(pnr_world):
    client = Client(raise_request_exception=False)
    problems: list[str] = []
    checked = 0
    for case in cases(pnr_world):
        if case.route.internal:
            continue
        sep = "&" if "?" in case.path else "?"
        for path, headers in (
            (case.path, {}),
            (case.path, {"HTTP_ACCEPT": "application/json"}),
            (f"{case.path}{sep}format=json", {}),
        ):
            response = client.get(path, **headers)
            if response.status_code >= 500:
                problems.append(f"{path}: {response.status_code}")
                continue
            text = body_text(response)
            checked += 1
            problems += [f"{path} {headers or ''}: {d}" for d in _found(text)]
    assert checked > 100
    assert not problems, "\n".join(sorted(set(problems))[:80])


def test_search_index_and_snippets_hold_no_personnummer(pnr_world):
    from protokoll.search.models import Entry

    indexed = list(Entry.objects.values_list("title_index", "text_index"))
    assert indexed
    assert not [f for row in indexed for f in _found(" ".join(row))]
    client = Client()
    for path in ("/api/search?q=personnummer", "/sok/?q=personnummer"):
        response = client.get(path)
        text = body_text(response)
        assert response.status_code == 200
        assert PNR_MASK in text, f"{path}: no hit quotes the masked text"
        assert not _found(text), f"{path}: {_found(text)}"
    for digits in DIGITS:
        hits = client.get(f"/api/search?q={digits}").json()
        assert not hits["data"], f"a search for {digits} finds §§"


def test_the_secretary_still_reads_the_original_and_the_public_version_is_masked(pnr_world):
    meeting = pnr_world.published["A"]
    client = Client(raise_request_exception=False)
    client.force_login(pnr_world.users["sekr_a"])
    original = client.get(f"/intern/mote/{meeting.pk}/protokoll.html")
    assert original.status_code == 200
    assert SHAPES["title"] in body_text(original)
    for fmt in ("html", "txt", "pdf"):
        response = client.get(f"/intern/mote/{meeting.pk}/offentlig.{fmt}")
        assert response.status_code == 200, fmt
        assert not _found(body_text(response)), fmt


def test_the_public_meeting_summary_is_masked(pnr_world):
    from protokoll.insights.summaries import summarize_meeting

    text = summarize_meeting(pnr_world.published["A"])
    assert PNR_MASK in text
    assert not _found(text)


def test_the_texts_do_reach_every_kind_of_output_masked(pnr_world):
    """A positive control: each output kind quotes the texts, with the mask where the number was,
    so the checks above are not passing because the texts never reached the output."""
    meeting = pnr_world.published["A"]
    body = meeting.body
    client = Client()
    paths = [
        f"/kommun/{body.municipality.slug}/{body.slug}/{meeting.date}/",
        f"/kommun/{body.municipality.slug}/{body.slug}/{meeting.date}.json",
        f"/api/meetings/{meeting.pk}/protokoll.json",
        "/api/agenda-items/",
        "/api/export/decisions.csv",
        f"/api/bodies/{body.pk}/decisions.atom",
        f"/api/bodies/{body.pk}/meetings.ics",
        "/api/export/dump.jsonl.gz",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = body_text(response)
        assert PNR_MASK in text, path
        assert not _found(text), path
