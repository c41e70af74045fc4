"""The earlier bench scripts (issues 3 and 4) with tiny parameters, so that they cannot rot."""

from __future__ import annotations

import re


def test_gen_corpus_then_bench_parse(run_script, tmp_path):
    out = tmp_path / "corpus"
    made = run_script("gen_corpus", "--count", "2", "--out", str(out))
    assert made.returncode == 0, made.stderr[-2000:]
    assert len(list(out.glob("*.txt"))) == len(list(out.glob("*.pdf"))) == len(list(out.glob("*.json"))) == 2
    parsed = run_script("bench_parse", str(out), "--repeat", "1")
    assert parsed.returncode == 0, parsed.stderr[-2000:]
    assert re.search(r"text protocols: 2\b", parsed.stdout)
    assert "pdf protocols: 2;" in parsed.stdout
    for args in ([], ["--no-parse"]):
        once = run_script("parse_once", str(out), *args)
        assert once.returncode == 0, once.stderr[-2000:]
    assert run_script("parse_once", str(tmp_path)).returncode == 2  # no texts: nothing to count


def test_bench_search_on_a_small_archive(run_script, tmp_path):
    done = run_script(
        "bench_search", "--paragraphs", "1500", "--repeat", "1", "--db", str(tmp_path / "s.sqlite3")
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "search() p50" in done.stdout


def test_bench_web_with_few_requests(run_script):
    done = run_script("bench_web", "--requests", "20", "--clients", "2", "--warmup", "5")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "errors: 0 []" in done.stdout
    assert re.search(r"throughput: \d+ req/s", done.stdout)


def test_cut_consistency(run_script):
    done = run_script("cut_consistency")
    assert done.returncode == 0, done.stderr[-2000:]
    m = re.search(r"^(\d+) cut texts of (\d+) inputs: (\d+) disagree", done.stdout, re.MULTILINE)
    assert m and int(m.group(1)) > 100 and int(m.group(3)) <= int(m.group(1)), done.stdout


def test_cut_consistency_cuts_whole_characters_and_flattens_pages():
    from protokoll.importing.extracted import Extracted, Page

    from .conftest import load_script

    cc = load_script("cut_consistency")
    assert cc.cut("åäö" * 1000, 2001) == ("åäö" * 334)[:1000]  # byte 2,001 is half an "ä": dropped
    ex = Extracted(
        pages=[Page(1, ["Tekniska nämnden", "", "§ 1 Val"]), Page(2, ["§ 2 Budget"])], format="text"
    )
    made = cc.forms(ex)
    assert "\n1 Tekniska nämnden § 1 Val\n\n2 § 2 Budget" in made["viewer"]
    assert "(2)\n\n§ 2 Budget" in made["fulltext"]
    assert made["plain"] == "Tekniska nämnden\n§ 1 Val\n§ 2 Budget"


def test_cut_consistency_viewer_cells_and_missed_members():
    from protokoll.importing.extracted import Extracted, Page

    from .conftest import load_script

    cc = load_script("cut_consistency")
    ex = Extracted(pages=[Page(1, ["Beslutande\tAnna Ek\tS", "§ 1 Val"])], format="text")
    assert "\n1 Beslutande Anna Ek S § 1 Val" in cc.forms(ex)["viewer"]  # a cell gap is one space
    whole = {"serving": {("Anna Ek", "S"), ("Bo Lind", "M")}, "items": []}
    whole.update(dict.fromkeys(("body", "date", "start", "end", "chair", "secretary", "adjusters")))
    part = {**whole, "serving": {("Anna Ek", "S")}}
    text = "Beslutande Anna Ek (S) Bo Lind (M) § 1 Val av justerare " + "x" * 120
    assert [key for key, _ in cc.disagreements(whole, part, text)] == ["missed"]
    # a name that only a § names, after the first heading, is not counted
    text = "Beslutande Anna Ek (S) § 1 Val av justerare Bo Lind (M) utses " + "x" * 120
    assert cc.disagreements(whole, part, text) == []
