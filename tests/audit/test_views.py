"""The per-body audit log at /konto/logg/: who may read it, filters, exports, and the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from django.test import Client

from protokoll import audit
from protokoll.audit.actions import Action
from protokoll.audit.models import AuditEvent


@pytest.fixture
def logged(world):
    a, b = world.bodies["A"], world.bodies["B"]
    audit.record(
        Action.PUBLISH,
        actor=world.users["sekr_a"],
        body=a,
        obj=world.published["A"],
        summary="Publicerade A-protokollet",
    )
    audit.record(Action.MASK, actor=world.users["sekr_a"], body=a, summary='=HYPERLINK("http://x")')
    audit.record(Action.PUBLISH, actor=world.users["sekr_b"], body=b, summary="Publicerade B-protokollet")
    audit.record(Action.LOGIN, actor=world.users["sekr_b"], summary="Inloggad")
    return world


def _client(world, name):
    client = Client()
    if name:
        client.force_login(world.users[name])
    return client


@pytest.mark.parametrize(
    ("who", "status"),
    [
        (None, 302),
        ("sekr_a", 200),
        ("admin", 200),
        ("sekr_b", 403),
        ("ordf_a", 403),
        ("led_a", 403),
        ("inloggad", 403),
    ],
)
def test_body_log_only_for_its_secretary_and_administrators(logged, who, status):
    url = f"/konto/logg/{logged.bodies['A'].pk}/"
    response = _client(logged, who).get(url)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/konto/logga-in/")
    if status == 200:
        text = response.content.decode()
        assert "Publicerade A-protokollet" in text and "Publicerade B-protokollet" not in text


def test_whole_log_only_for_administrators(logged):
    assert _client(logged, "sekr_a").get("/konto/logg/").status_code == 403
    text = _client(logged, "admin").get("/konto/logg/").content.decode()
    assert "Publicerade A-protokollet" in text and "Publicerade B-protokollet" in text and "Inloggad" in text


def test_filters(logged):
    client = _client(logged, "sekr_a")
    url = f"/konto/logg/{logged.bodies['A'].pk}/"
    text = client.get(url, {"handelse": "mask"}).content.decode()
    assert "HYPERLINK" in text and "Publicerade A-protokollet" not in text
    assert "Publicerade A" not in client.get(url, {"vem": "sekr_b"}).content.decode()
    assert "Inga händelser" in client.get(url, {"fran": "2999-01-01"}).content.decode()
    # nonsense filters are ignored, never a 500
    for bad in ({"fran": "igår"}, {"handelse": "' OR 1=1 --"}, {"sida": "-1"}, {"till": "2025-02-30"}):
        assert client.get(url, bad).status_code == 200


def test_csv_export_is_safe_in_a_spreadsheet_and_logged(logged):
    body = logged.bodies["A"]
    response = _client(logged, "sekr_a").get(f"/konto/logg/{body.pk}/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    # oldest first, ending with the export itself: the file shows who took it out
    assert [r["action"] for r in rows] == ["publish", "mask", "export"]
    assert rows[1]["summary"].startswith("'=")  # a formula is neutralised
    assert AuditEvent.objects.filter(action="export", body_id=body.pk, actor_username="sekr_a").exists()


def test_jsonl_export(logged):
    body = logged.bodies["B"]
    response = _client(logged, "sekr_b").get(f"/konto/logg/{body.pk}/export.jsonl")
    lines = [json.loads(x) for x in b"".join(response.streaming_content).decode().splitlines()]
    assert [x["summary"] for x in lines] == ["Publicerade B-protokollet", "Exporterade loggen (jsonl)"]
    assert set(lines[0]) >= {
        "at",
        "actor_username",
        "action",
        "body_id",
        "object_type",
        "object_id",
        "details",
    }
    assert _client(logged, "sekr_a").get(f"/konto/logg/{body.pk}/export.jsonl").status_code == 403
    assert _client(logged, "sekr_b").get(f"/konto/logg/{body.pk}/export.xml").status_code == 404


def test_cli_export(logged, tmp_path):
    from protokoll.audit.cli import audit_export_cmd

    out = tmp_path / "logg.jsonl"
    result = CliRunner().invoke(audit_export_cmd, ["--body", str(logged.bodies["A"].pk), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["action"] for x in lines] == ["publish", "mask", "export"]
    result = CliRunner().invoke(audit_export_cmd, ["--all", "--format", "csv", "--action", "publish"])
    assert result.exit_code == 0
    assert result.output.count("Publicerade") == 2
    assert CliRunner().invoke(audit_export_cmd, ["--body", "999999"]).exit_code == 1
    assert CliRunner().invoke(audit_export_cmd, ["--action", "nonsense"]).exit_code == 1
    assert AuditEvent.objects.filter(action="export", actor_username="(kommandorad)").count() == 2
