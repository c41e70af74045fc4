"""``protokoll demo --out`` writes the year as JSON, text and PDF."""

from __future__ import annotations

from click.testing import CliRunner

from protokoll.cli import main
from protokoll.document import load_document


def test_demo_writes_documents_in_each_format(tmp_path):
    result = CliRunner().invoke(
        main, ["demo", "--seed", "2", "--out", str(tmp_path), "--format", "json", "--format", "text"]
    )
    assert result.exit_code == 0, result.output
    jsons = sorted(tmp_path.glob("*.json"))
    texts = sorted(tmp_path.glob("*.txt"))
    assert len(jsons) == len(texts) > 50
    doc = load_document(jsons[0])
    assert doc.municipality == "Exempelstad"
    assert f"§ {doc.items[0].paragraph}\n" in texts[0].read_text("utf-8")


def test_demo_without_an_action_fails_with_a_message():
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code != 0
    assert "--out" in result.output
