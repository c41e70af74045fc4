"""Scanned copies of the held-out PDFs, to measure the importer on scans (OCR) with the gold
files the text-layer PDFs already have.

Each PDF with a gold file beside it in the given fixture folders is rendered to a grey bitmap at
``--dpi`` and saved as an image-only PDF (no text layer, as a scanner writes it) in bench/out/scans,
with its gold file copied next to it (git-ignored, made again at will):

    .venv/bin/python bench/scan_fixtures.py tests/fixtures/heldout* tests/fixtures/layouts
    python3 ../shared/tools/score_import.py --gold bench/out/scans --corpus bench/out/scans \\
        --cmd '.venv/bin/protokoll parse {file}' -v
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import pypdfium2 as pdfium

OUT = Path(__file__).resolve().parent / "out" / "scans"


def scan(pdf: Path, out: Path, dpi: int) -> int:
    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        pages = [
            document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(document))
        ]
    finally:
        document.close()
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--dpi", type=int, default=200, help="scan resolution (office scanners: 200–300)")
    a = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for folder in a.folders:
        for pdf in sorted(folder.glob("*.pdf")):
            gold = pdf.with_suffix(".json")
            if not gold.exists():
                continue
            n = scan(pdf, OUT / pdf.name, a.dpi)
            shutil.copy(gold, OUT / gold.name)
            print(f"{pdf} → {OUT / pdf.name} ({n} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
