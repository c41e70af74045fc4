"""CSV of decisions and ballots, and the full dump."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.document import example
from protokoll.web.api.exports import BALLOT_COLUMNS, DECISION_COLUMNS, neutralise

pytestmark = pytest.mark.django_db


def _rows(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_decisions_csv_has_open_items_of_published_meetings(client, archive):
    response = client.get("/api/export/decisions.csv")
    text_rows = _rows(response)
    assert list(text_rows[0]) == DECISION_COLUMNS
    assert len(text_rows) == 10  # 2 published meetings × 5 open §§
    assert {r["paragraph"] for r in text_rows} >= {"21", "22", "41", "42"}
    assert not {"24", "44"} & {r["paragraph"] for r in text_rows}
    row = next(r for r in text_rows if r["paragraph"] == "22")
    assert row["votes"] == "1" and row["reservations"] == "1" and row["outcome"] == "decision"
    assert row["url"].startswith("http://testserver/api/agenda-items/")
    assert all(r["body"] == "Socialnämnden" for r in text_rows)


def test_decisions_csv_filters(client, archive):
    assert {r["meeting_date"] for r in _rows(client.get("/api/export/decisions.csv?from=2025-04-01"))} == {
        "2025-04-15"
    }
    assert _rows(client.get(f"/api/export/decisions.csv?body={archive['hidden'].body_id}")) == []
    assert (
        len(_rows(client.get(f"/api/export/decisions.csv?body={archive['full'].body_id}&to=2025-03-31"))) == 5
    )
    assert client.get("/api/export/decisions.csv?from=nope").status_code == 400


def test_ballots_csv(client, archive):
    rows = _rows(client.get("/api/export/ballots.csv"))
    assert list(rows[0]) == BALLOT_COLUMNS
    assert [(r["name"], r["party"], r["vote"]) for r in rows] == [
        ("Karin Almgren", "S", "yes"),
        ("Olof Dahlström", "M", "no"),
        ("Amir Haddad", "S", "yes"),
        ("Sofia Ekholm", "V", "yes"),
        ("Maja Grönlund", "M", "no"),
    ]
    assert {r["paragraph"] for r in rows} == {"22"} and {r["vote_number"] for r in rows} == {"1"}


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


def test_injection_in_stored_text_is_neutralised_in_the_file(client, db):
    doc = example("full")
    items = [doc.items[0].model_copy(update={"title": "=cmd|' /C calc'!A0", "decision": "@SUM(1+1)"})]
    load_document(doc.model_copy(update={"items": items}))
    [row] = _rows(client.get("/api/export/decisions.csv"))
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["decision"] == "'@SUM(1+1)"
    assert neutralise("Beslut = bifall") == "Beslut = bifall"
    assert neutralise(None) == ""


def test_dump_holds_every_published_meeting_redacted(client, archive):
    response = client.get("/api/export/dump.jsonl.gz")
    assert response.status_code == 200
    raw = gzip.decompress(b"".join(response.streaming_content)).decode("utf-8")
    docs = [json.loads(line) for line in raw.splitlines()]
    assert [d["meeting"]["date"] for d in docs] == ["2025-03-18", "2025-04-15"]
    for doc in docs:
        secret = [i for i in doc["items"] if i["confidential"]]
        assert len(secret) == 1 and secret[0]["title"] is None
        assert (
            client.get(
                f"/api/meetings/{m.Meeting.objects.get(date=doc['meeting']['date'], published=True).pk}/protokoll.json"
            ).json()
            == doc
        )
