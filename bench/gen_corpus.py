"""Render demo protocols to text and PDF for the parse benchmark (issue 3).

    .venv/bin/python bench/gen_corpus.py [--count 240] [--seed 1] [--out bench/out/corpus]

Writes NAME.txt, NAME.pdf and the source NAME.json (the expected record) for each meeting.
bench/out/ is git-ignored.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from protokoll.demo import iter_documents
from protokoll.demo.files import file_stem
from protokoll.document import dump_document
from protokoll.rendering.pdf import render_pdf
from protokoll.rendering.text import render_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "corpus")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    text_bytes = pdf_bytes = pages = 0
    for doc in iter_documents(args.seed, meetings=args.count):
        stem = file_stem(doc)
        text = render_text(doc)
        pdf = render_pdf(doc)
        (args.out / f"{stem}.txt").write_text(text, encoding="utf-8")
        (args.out / f"{stem}.pdf").write_bytes(pdf)
        (args.out / f"{stem}.json").write_text(dump_document(doc) + "\n", encoding="utf-8")
        text_bytes += len(text.encode("utf-8"))
        pdf_bytes += len(pdf)
        pages += text.count("\f") + 1
    elapsed = time.perf_counter() - started
    print(
        f"{args.count} protocols, {pages} pages, {text_bytes / 1e6:.1f} MB text, {pdf_bytes / 1e6:.1f} MB PDF "
        f"in {elapsed:.1f} s -> {args.out}"
    )


if __name__ == "__main__":
    main()
