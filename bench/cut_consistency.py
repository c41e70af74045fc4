"""How a protocol's parse holds up when a crawler cuts and flattens it (issue 3).

Most real protocols the importer meets as text are what a crawler kept: the first 2,000 bytes of a
document viewer's transcript (each page flattened to one line after its page number), of a
document-sharing site's "Full text" page ("(1)", "(2)" page marks), or of a plain text export.
This script makes those three forms of every invented protocol in tests/fixtures (heldout2, kept
out of development, is left out), cuts each at 2,000 bytes, and compares the cut text's parse with
the whole protocol's. A field the cut parse states must agree with the whole parse where both
state it; a § the cut parse invents, a person it counts as serving who does not serve (or does
not count who does, when the cut text holds the name), a title or Dnr that differs, is a
disagreement. The last § of a cut text is not compared (its text is cut).

    .venv/bin/python bench/cut_consistency.py            # a summary per form and per field
    .venv/bin/python bench/cut_consistency.py --show     # and every disagreement

No gold is needed: the whole parse stands in for it, so a disagreement points at a rule that
depends on layout the crawler destroyed (a line end, a table cell, a page break).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from protokoll.importing.extracted import Extracted, UnreadableInput
from protokoll.importing.parse import NotAProtocol, parse_extracted, parse_text
from protokoll.importing.readers import read_file

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx"}
CUT = 2000
FORMS = ("plain", "viewer", "fulltext")


def cut(text: str, size: int = CUT) -> str:
    """The first ``size`` bytes of the UTF-8 text, a character cut in half dropped."""
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def forms(ex: Extracted) -> dict[str, str]:
    pages = [[line.strip() for line in page.lines if line.strip()] for page in ex.pages]
    first = " ".join(pages[0][:2])[:80] if pages and pages[0] else "Protokoll"
    plain = "\n".join("\n".join(page) for page in pages)
    viewer = (
        f'{first}\n\nStorlek: px\nStarta visningen från sidan:\n\nDownload "{first}"\n\nTranskript\n\n'
        + "\n\n".join(
            f"{n} " + " ".join(" ".join(line.split()) for line in page)
            for n, page in enumerate(pages, start=1)
        )
    )
    fulltext = f'{first}\n\nShare "{first}"\n\nCopied!\n\nFull text\n\n' + "\n\n".join(
        f"({n})\n\n" + "\n\n".join(page) for n, page in enumerate(pages, start=1)
    )
    return {"plain": plain, "viewer": viewer, "fulltext": fulltext}


def _name(person: dict | None) -> str | None:
    return person.get("name") if person else None


def facts(doc: dict) -> dict:
    meeting = doc.get("meeting") or {}
    return {
        "body": doc.get("body"),
        "date": meeting.get("date"),
        "start": meeting.get("start"),
        "end": meeting.get("end"),
        "chair": _name(doc.get("chair")),
        "secretary": _name(doc.get("secretary")),
        "adjusters": sorted(_name(a) or "" for a in doc.get("adjusters") or []),
        "serving": {(a["name"], a.get("party")) for a in doc.get("attendance") or [] if a.get("serving")},
        "items": [(i.get("paragraph"), i.get("case_number"), i.get("title")) for i in doc.get("items") or []],
    }


_FIRST_HEADING = re.compile(r"§\s*\d+\s+[A-ZÅÄÖ][a-zåäö]")


def disagreements(whole: dict, part: dict, text: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key in ("body", "date", "start", "end", "chair", "secretary", "adjusters"):
        if part[key] and part[key] != whole[key]:
            out.append((key, f"{whole[key]!r} → {part[key]!r}"))
    extra = part["serving"] - whole["serving"]
    if extra:
        out.append(("serving", f"not serving in the whole parse: {sorted(extra)}"))
    # a serving member whose name the cut text holds before its first § (not at its very end,
    # where a list may be cut; not in a §'s text, which names people for other reasons) must
    # serve in its parse too
    serving_names = {name for name, _ in part["serving"]}
    first = _FIRST_HEADING.search(text)
    head = text[: first.start()] if first else text[:-100]
    missed = {name for name, _ in whole["serving"] if name not in serving_names and name in head}
    if missed:
        out.append(("missed", f"serving in the whole parse, not in the cut one: {sorted(missed)}"))
    known = {item[0]: item for item in whole["items"]}
    for number, dnr, title in part["items"][:-1]:
        if number not in known:
            out.append(("paragraph", f"§ {number} not in the whole parse ({title!r})"))
            continue
        _, whole_dnr, whole_title = known[number]
        if dnr and dnr != whole_dnr:
            out.append(("case_number", f"§ {number}: {whole_dnr!r} → {dnr!r}"))
        if title and whole_title and title != whole_title:
            out.append(("title", f"§ {number}: {whole_title!r} → {title!r}"))
    return out


def inputs() -> list[Path]:
    return sorted(
        p
        for folder in FIXTURES.iterdir()
        if folder.is_dir() and folder.name not in {"heldout2", "patterns"}
        for p in folder.iterdir()
        if p.suffix in SUFFIXES
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print every disagreement")
    a = ap.parse_args(argv)
    compared = Counter()
    disagreeing = Counter()
    fields = Counter()
    for path in inputs():
        try:
            ex = read_file(path)
            whole = facts(parse_extracted(ex).to_json_dict())
        except (UnreadableInput, NotAProtocol):
            continue
        for form, text in forms(ex).items():
            if len(text.encode("utf-8")) <= CUT + 600:
                continue  # a short protocol is hardly cut
            compared[form] += 1
            try:
                part = facts(parse_text(cut(text)).to_json_dict())
            except NotAProtocol as exc:
                found = [("kind", f"no protocol found in the cut text: {exc}")]
            else:
                found = disagreements(whole, part, cut(text))
            if found:
                disagreeing[form] += 1
                fields.update(key for key, _ in found)
                if a.show:
                    print(f"{path.relative_to(FIXTURES)} ({form})")
                    for key, what in found:
                        print(f"    {key}: {what}"[:300])
    total = sum(compared.values())
    print(
        f"{total} cut texts of {len(inputs())} inputs: {sum(disagreeing.values())} disagree with the whole parse"
    )
    for form in FORMS:
        print(f"  {form}: {disagreeing[form]} of {compared[form]}")
    print("  by field: " + ", ".join(f"{key} {n}" for key, n in fields.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
