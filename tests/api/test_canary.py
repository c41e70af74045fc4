"""A unique string put into every field of a confidential § and all over an unpublished meeting
must never come out of any API, export or feed URL (KL 6:25; DOMAIN 1.10)."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import re

import pytest

from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.document import example
from protokoll.document.model import (
    Assignment,
    Ballot,
    CaseRef,
    Motion,
    Person,
    Reservation,
    Statement,
    Vote,
    Warning,
)
from protokoll.web.api.openapi import spec

pytestmark = pytest.mark.django_db

CANARY = "Kanariefågel7Q"


def _secret_item(item):
    who = Person(name=f"{CANARY} Person", party="KD")
    return item.model_copy(
        update={
            "title": f"{CANARY} titel",
            "case_number": f"{CANARY} 2025/1",
            "case": CaseRef(
                raw=f"{CANARY} 2025/1",
                prefix=CANARY.upper(),
                year=2025,
                serial=1,
                normalized=f"{CANARY}-2025-1",
            ),
            "decision": f"{CANARY} beslut",
            "proposed_decision": f"{CANARY} förslag",
            "background": f"{CANARY} bakgrund",
            "motions": [Motion(by=[who], text=f"{CANARY} yrkande")],
            "proposition_order": f"{CANARY} proposition",
            "votes": [Vote(question=f"{CANARY} fråga", yes=1, ballots=[Ballot(person=who, vote="yes")])],
            "reservations": [Reservation(by=[who], text=f"{CANARY} reservation")],
            "statements": [Statement(kind="protocol_note", by=[who], text=f"{CANARY} anteckning")],
            "conflicts": [Person(name=f"{CANARY} Jävig")],
            "assignments": [Assignment(assignee=f"{CANARY} chef", task=f"{CANARY} uppdrag")],
            "attachments": [f"{CANARY} bilaga"],
        }
    )


@pytest.fixture
def seeded(db):
    doc = example("full")
    items = [_secret_item(it) if it.confidential else it for it in doc.items]
    warnings = [*doc.warnings, Warning(code="odd", message=f"{CANARY} i § 24", paragraph=24)]
    published = load_document(doc.model_copy(update={"items": items, "warnings": warnings})).meeting

    hidden_doc = example("full")
    hidden_items = [_secret_item(it).model_copy(update={"confidential": False}) for it in hidden_doc.items]
    attendance = [
        a.model_copy(update={"name": f"{CANARY} Ledamot {n}"}) for n, a in enumerate(hidden_doc.attendance)
    ]
    hidden = load_document(
        hidden_doc.model_copy(
            update={
                "body": f"{CANARY}nämnden",
                "meeting": hidden_doc.meeting.model_copy(
                    update={"date": dt.date(2025, 6, 1), "place": CANARY}
                ),
                "items": hidden_items,
                "attendance": attendance,
                "chair": Person(name=f"{CANARY} Ordförande"),
            }
        )
    ).meeting
    m.Meeting.objects.filter(pk=hidden.pk).update(published=False)
    if importlib.util.find_spec("protokoll.search.api") is not None:
        from protokoll.search.api import reindex_all

        reindex_all()
    return published, hidden


def _text(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def _fill(template: str, values: dict) -> str:
    return "/" + re.sub(r"\{(\w+)\}", lambda mt: str(values[mt[1]]), template).lstrip("/")


def test_the_canary_never_leaks(client, seeded):
    published, hidden = seeded
    # The canary really is stored: the test would prove nothing otherwise.
    assert m.Item.objects.filter(title__contains=CANARY).count() == 7
    assert m.Person.objects.filter(name__contains=CANARY).count() > 5

    hidden_rows = {
        "meeting": [hidden.pk],
        "item": list(m.Item.objects.filter(title__contains=CANARY).values_list("pk", flat=True)),
        "vote": list(m.Vote.objects.filter(question__contains=CANARY).values_list("pk", flat=True)),
        "reservation": list(m.Reservation.objects.filter(text__contains=CANARY).values_list("pk", flat=True)),
        "conflict": list(m.Conflict.objects.filter(name__contains=CANARY).values_list("pk", flat=True)),
        "assignment": list(m.Assignment.objects.filter(task__contains=CANARY).values_list("pk", flat=True)),
        "person": list(m.Person.objects.filter(name__contains=CANARY).values_list("pk", flat=True)),
    }
    urls = set()
    for template in spec()["paths"]:
        if "{" not in template:
            urls.add(template)
    for pk in (published.pk, hidden.pk):
        urls |= {f"/api/meetings/{pk}", f"/api/meetings/{pk}/protokoll.json"}
    for body in (published.body_id, hidden.body_id):
        urls |= {
            f"/api/bodies/{body}",
            f"/api/bodies/{body}/meetings.ics",
            f"/api/bodies/{body}/meetings.atom",
            f"/api/bodies/{body}/decisions.atom",
            f"/api/export/decisions.csv?body={body}",
            f"/api/export/ballots.csv?body={body}",
            f"/api/memberships/?body={body}",
        }
    for kind, path in (
        ("item", "agenda-items"),
        ("vote", "votes"),
        ("reservation", "reservations"),
        ("conflict", "conflicts"),
        ("assignment", "assignments"),
        ("person", "persons"),
    ):
        urls |= {f"/api/{path}/{pk}" for pk in hidden_rows[kind]}
    for pk in hidden_rows["person"]:
        urls |= {
            f"/api/votes/?person={pk}",
            f"/api/reservations/?person={pk}",
            f"/api/memberships/?person={pk}",
        }
        urls.add(f"/api/memberships/a{hidden.body_id}-{pk}-member")
    urls |= {f"/api/cases/exempelstad/{CANARY}-2025-1", f"/api/cases/exempelstad/{CANARY}-2025-1/feed.atom"}
    # Words of the withheld fields (the canary itself would only be echoed back as the query).
    for q in ("titel", "beslut", "bakgrund", "yrkande", "reservation", "anteckning", "uppdrag"):
        urls |= {f"/api/search?q={q}", f"/api/search/feed.atom?q={q}"}
    # Every list and every object the lists point to.
    lists = [u for u in urls if u.endswith("/") and u.count("/") == 3]
    for url in lists:
        for obj in client.get(url + "?per_page=200").json()["data"]:
            if "id" in obj:
                urls.add(obj["id"].replace("http://testserver", ""))

    ok = 0
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code in (200, 404, 503), url
        body = _text(response)
        assert CANARY.lower() not in body.lower(), url
        assert "kontaktfamilj" not in body, url
        ok += response.status_code == 200
    assert ok > 60
    assert client.get(f"/api/meetings/{hidden.pk}").status_code == 404
    searched = client.get("/api/search", {"q": CANARY})
    assert searched.status_code == 503 or searched.json()["data"] == []
    assert client.get(f"/api/meetings/{published.pk}").status_code == 200
