"""Check that a parser change leaves its output unchanged: save a snapshot, change, compare.

Run by hand around every speed change to the importer (issue 3):

    .venv/bin/python bench/parse_equivalence.py save     # before the change
    .venv/bin/python bench/parse_equivalence.py check    # after it; exit 1 and a diff when different

Inputs: the rendered demo protocols in bench/out/corpus (text and PDF, from bench/gen_corpus.py),
the shared corpus in ../shared/corpus (read where it lies, never copied), the invented protocols
in tests/fixtures/layouts, tests/fixtures/measurement and every tests/fixtures/heldoutN, and
``--mutants`` seeded mutations of those texts (the mutation operators of bench/fuzz_parsers.py)
that reach the parser's odd corners. Each
input's result is what ``protokoll parse`` prints, or the error class and message it exits with.
The snapshot lives in bench/out/ (git-ignored), so real protocol text never enters the repository.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.util
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from protokoll.document import dump_document
from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.parse import parse_extracted, parse_text
from protokoll.importing.readers import read_file

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_SNAPSHOT = BENCH / "out" / "parse-snapshot.json"
SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx"}


def _fuzz_module():
    spec = importlib.util.spec_from_file_location("bench_fuzz_parsers", BENCH / "fuzz_parsers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def input_files(demo: Path) -> list[tuple[str, Path]]:
    groups = [
        ("demo", demo),
        ("corpus", CORPUS),
        ("layouts", ROOT / "tests" / "fixtures" / "layouts"),
        ("measurement", ROOT / "tests" / "fixtures" / "measurement"),
        *((p.name, p) for p in sorted((ROOT / "tests" / "fixtures").glob("heldout*"))),
    ]
    out = []
    for group, folder in groups:
        if not folder.is_dir():
            print(f"skipped {group}: {folder} is absent", file=sys.stderr)
            continue
        out += [(f"{group}/{p.name}", p) for p in sorted(folder.iterdir()) if p.suffix.lower() in SUFFIXES]
    return out


def _result(fn, arg) -> str:
    try:
        return dump_document(fn(arg))
    except UnreadableInput as exc:  # NotAProtocol included: a handled outcome, compared by message
        return f"{type(exc).__name__}: {exc}"


def results(demo: Path, mutants: int, seed: int) -> Iterator[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for name, path in input_files(demo):
        extracted = read_file(path)
        yield name, _result(parse_extracted, extracted)
        if path.suffix.lower() != ".pdf":
            texts.append((name, extracted.text))
    if not mutants or not texts:
        return
    fuzz = _fuzz_module()
    rng = random.Random(seed)
    donors = [t for _, t in texts]
    for k in range(mutants):
        name, text = rng.choice(texts)
        for _ in range(rng.randint(1, 3)):
            text = fuzz._lines_op(rng, text, donors) if rng.random() < 0.5 else fuzz._chars_op(rng, text)
        yield f"mutant/{k:04d} of {name}", _result(parse_text, text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["save", "check"])
    ap.add_argument("--snapshot", type=Path, default=DEFAULT_SNAPSHOT)
    ap.add_argument("--demo", type=Path, default=BENCH / "out" / "corpus", help="rendered demo protocols")
    ap.add_argument("--mutants", type=int, default=600, help="seeded mutations of the input texts")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=5, help="how many changed results to print a diff of")
    a = ap.parse_args(argv)

    started = time.perf_counter()
    now = dict(results(a.demo, a.mutants, a.seed))
    elapsed = time.perf_counter() - started
    digest = hashlib.sha256(json.dumps(now, sort_keys=True).encode()).hexdigest()[:16]
    if a.action == "save":
        a.snapshot.parent.mkdir(parents=True, exist_ok=True)
        a.snapshot.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
        print(f"saved {len(now)} results ({digest}) in {elapsed:.1f} s -> {a.snapshot}")
        return 0
    if not a.snapshot.is_file():
        print(f"no snapshot at {a.snapshot}; run `save` first", file=sys.stderr)
        return 2
    before = json.loads(a.snapshot.read_text(encoding="utf-8"))
    missing = sorted(set(before) - set(now))
    added = sorted(set(now) - set(before))
    changed = sorted(k for k in set(before) & set(now) if before[k] != now[k])
    for name in changed[: a.show]:
        diff = difflib.unified_diff(
            before[name].splitlines(), now[name].splitlines(), "before", "now", lineterm="", n=2
        )
        print(f"--- {name}")
        print("\n".join(list(diff)[:60]))
    print(
        f"{len(now)} results ({digest}) in {elapsed:.1f} s: {len(changed)} changed, "
        f"{len(missing)} missing, {len(added)} new"
    )
    if missing or added:
        print(f"missing: {missing[:10]} new: {added[:10]}")
    return 1 if changed or missing or added else 0


if __name__ == "__main__":
    sys.exit(main())
