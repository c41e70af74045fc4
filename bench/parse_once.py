"""Parse the rendered demo texts once: a driver for counting the parser's instructions.

Run by hand under callgrind, which counts the same whatever else the machine runs (issue 3):

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out .venv/bin/python bench/parse_once.py bench/out/corpus
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg0.out .venv/bin/python bench/parse_once.py bench/out/corpus --no-parse

The second run only imports the parser and reads the texts; the difference of the two "Collected"
counts is what parsing costs. Compare a change with its base by running both with the same texts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from protokoll.importing.parse import parse_extracted
from protokoll.importing.readers import read_file


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="rendered demo protocols (bench/gen_corpus.py)")
    ap.add_argument("--no-parse", action="store_true", help="import and read only, for the baseline count")
    a = ap.parse_args(argv)
    extracted = [read_file(p) for p in sorted(a.folder.glob("*.txt"))]
    if not extracted:
        print(f"no .txt files in {a.folder}", file=sys.stderr)
        return 2
    if not a.no_parse:
        for e in extracted:
            parse_extracted(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
