"""bench/load_site.py: URL kinds, and a short real load against a real server."""

from __future__ import annotations

import json

import pytest

from tests.bench.conftest import load_script


@pytest.fixture(scope="module")
def load():
    return load_script("load_site")


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/", "start"),
        ("/sok/?q=bygglov", "search"),
        ("/kommun/exempelstad/", "municipality"),
        ("/kommun/exempelstad/kommunstyrelsen/", "body"),
        ("/kommun/exempelstad/kommunstyrelsen/2025-02-03/", "protocol"),
        ("/kommun/exempelstad/kommunstyrelsen/2025-02-03.json", "protocol_json"),
        ("/kommun/exempelstad/arende/KS-2025-12/", "case"),
        ("/kommun/exempelstad/person/4/", "person"),
        ("/api/meetings/", "api_list"),
        ("/api/meetings/12", "api_detail"),
        ("/api/bodies/3/decisions.atom", "feed"),
        ("/api/bodies/3/meetings.ics", "ical"),
        ("/api/export/decisions.csv", "csv"),
        ("/api/search?q=x", "api_search"),
        ("/api/export/dump.jsonl.gz", None),
        ("/konto/logga-in/", None),
        ("/intern/", None),
        ("/admin/", None),
    ],
)
def test_classify(load, path, kind):
    assert load.classify(path) == kind


def test_a_short_load_reaches_every_kind_without_errors(run_script, tmp_path):
    done = run_script(
        "load_site", "--clients", "4", "--seconds", "3", "--crawl", "120", "--out", str(tmp_path)
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads((tmp_path / "last.json").read_text())
    assert result["errors"] == 0
    # the default is the shipped server, and it is the one that answered
    assert result["server"] == "gunicorn" and result["server_header"].startswith("gunicorn")
    assert result["requests"] == sum(k["requests"] for k in result["kinds"].values()) > 0
    # the weighted mix reaches the main kinds even in three seconds
    assert {"protocol", "search", "api_list", "body"} <= set(result["kinds"])
    assert all(k["p50_ms"] <= k["p95_ms"] <= k["p99_ms"] <= k["max_ms"] for k in result["kinds"].values())
    assert (tmp_path / "load.sqlite3").exists()


def test_max_requests_bounds_the_run(run_script, tmp_path):
    done = run_script(
        "load_site",
        "--clients",
        "3",
        "--seconds",
        "60",
        "--max-requests",
        "30",
        "--crawl",
        "40",
        "--out",
        str(tmp_path),
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads((tmp_path / "last.json").read_text())
    assert result["requests"] == 30
    assert result["seconds"] < 30
