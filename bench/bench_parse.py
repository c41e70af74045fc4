"""Parse throughput and the split of import time between text extraction and parsing.

Run by hand (needs rendered protocols from bench/gen_corpus.py):

    .venv/bin/python bench/gen_corpus.py --count 200
    .venv/bin/python bench/bench_parse.py bench/out/corpus [--stages]

Reports MB of text per second per core for the parser alone, and, for the PDFs, the time spent in
PDF text extraction vs parsing. Figures go to docs/benchmarks.md with the command that made them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from protokoll.importing.parse import parse_extracted
from protokoll.importing.readers import read_file


def _time(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


# the stages parse_lines calls, by their names in protokoll.importing.parse
STAGES = ("clean", "segment", "read_header", "interpret", "detect_kind", "_municipality", "_body")


def stage_times(extracted, repeat: int) -> tuple[float, dict[str, float]]:
    """Seconds per stage of the best of ``repeat`` passes, timed by wrapping each stage where
    parse.py looks it up (the wrappers add well under a microsecond per call)."""
    from protokoll.importing import parse as parse_module

    spent: dict[str, float] = {}
    originals = {name: getattr(parse_module, name) for name in STAGES}

    def timed(name, fn):
        def run(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0

        return run

    best: tuple[float, dict[str, float]] | None = None
    try:
        for name, fn in originals.items():
            setattr(parse_module, name, timed(name, fn))
        for _ in range(repeat):
            spent.clear()
            t0 = time.perf_counter()
            for e in extracted:
                parse_module.parse_extracted(e)
            total = time.perf_counter() - t0
            if best is None or total < best[0]:
                best = (total, dict(spent))
    finally:
        for name, fn in originals.items():
            setattr(parse_module, name, fn)
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="parse each text this many times (best of)")
    ap.add_argument("--stages", action="store_true", help="also report the time per parser stage")
    a = ap.parse_args(argv)

    texts = sorted(a.folder.glob("*.txt"))
    pdfs = sorted(a.folder.glob("*.pdf"))
    if len(texts) < 1:
        print(f"no rendered protocols in {a.folder}; run bench/gen_corpus.py first", file=sys.stderr)
        return 2

    # Parser alone, on text that is already extracted: single process, so the figure is per core.
    extracted = [read_file(p) for p in texts]
    size = sum(len(e.text.encode("utf-8")) for e in extracted)
    best = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for e in extracted:
            parse_extracted(e)
        best.append(time.perf_counter() - t0)
    secs = min(best)
    items = sum(len(parse_extracted(e).items) for e in extracted[:50])
    print(f"text protocols: {len(texts)}, {size / 1e6:.2f} MB of text")
    print(
        f"parse: {secs:.2f} s best of {a.repeat} → {size / 1e6 / secs:.2f} MB/s per core "
        f"({len(texts) / secs:.0f} protocols/s; {items} items in the first 50)"
    )

    if a.stages:
        total, spent = stage_times(extracted, a.repeat)
        rest = total - sum(spent.values())
        parts = sorted(spent.items(), key=lambda kv: -kv[1]) + [("rest", rest)]
        print("stages: " + ", ".join(f"{name} {100 * t / total:.0f} %" for name, t in parts))

    if pdfs:
        t_extract = t_parse = 0.0
        per_doc = []
        for p in pdfs:
            ex, te = _time(read_file, p)
            _, tp = _time(parse_extracted, ex)
            t_extract += te
            t_parse += tp
            per_doc.append(tp / te if te else 0.0)
        print(
            f"pdf protocols: {len(pdfs)}; extraction {t_extract:.2f} s, parsing {t_parse:.2f} s; "
            f"parsing = {100 * t_parse / t_extract:.1f} % of extraction time "
            f"(median per document {100 * statistics.median(per_doc):.1f} %)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
