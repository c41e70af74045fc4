"""Diarienummer: parse every observed shape into prefix, year, serial and classification.

DOMAIN.md 2.1 lists the shapes seen in Swedish municipalities; each rule in ``RULES`` names
the shape it reads, tried in order. The original spelling is always kept in ``raw``; the
``normalized`` key (prefix, four-digit year, serial without zero padding) matches the same case
across meetings whatever separators or padding a protocol used. A number no rule reads still
yields a CaseRef whose key is the squashed original, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from protokoll.document.model import CaseRef

_LETTERS = r"[A-Za-zÅÄÖåäö]{1,12}"
_YEAR4 = r"(?:19[5-9]\d|20\d\d)"
_SEP = r"\s*[/\-.:]\s*"

_LEAD = re.compile(r"^\s*(?:dnr|diarienr|diarienummer|d\.nr|ärendenr)\b[\s.:,;\-]*", re.IGNORECASE)


@dataclass(frozen=True)
class DnrRule:
    name: str
    shape: str
    pattern: re.Pattern[str]


RULES: tuple[DnrRule, ...] = (
    DnrRule(
        "year_serial",
        "ORG YYYY/NNNNN[-KLASSA|-ddd|-doc]  (AMN 2023/00148-1.2.3, KS/2020:248-003, KFN-2013-179, "
        "KU.2017.3, 2025-00005, 2007/555)",
        re.compile(
            rf"^(?:(?P<prefix>{_LETTERS})[\s\-/.:]*)?(?P<year>{_YEAR4}){_SEP}(?P<serial>\d{{1,7}})"
            r"(?:\s*-\s*(?P<suffix>\d+(?:\.\d+)*))?\s*-?$"
        ),
    ),
    DnrRule(
        "prefix_yy_serial",
        "ORGYY/N  (KS13/123): two-digit year fused to the prefix",
        re.compile(rf"^(?P<prefix>{_LETTERS})(?P<yy>\d\d)\s*/\s*(?P<serial>\d{{1,7}})$"),
    ),
    DnrRule(
        "class_serial_year",
        "ORG klass-NNN/YYYY  (KS 001-149/2012)",
        re.compile(
            rf"^(?P<prefix>{_LETTERS})\s*(?P<suffix>\d{{3}})\s*-\s*(?P<serial>\d{{1,7}})\s*/\s*(?P<year>{_YEAR4})$"
        ),
    ),
    DnrRule(
        "year_prefix_serial",
        "YYYY/ORG NNNN  (2023/KS 0173, 2012-KS…)",
        re.compile(
            rf"^(?P<year>{_YEAR4})\s*[/\-]\s*(?P<prefix>{_LETTERS})(?:[\s\-/.:]*(?P<serial>\d{{1,7}}))?"
            r"(?:\s*-\s*(?P<suffix>\d+(?:\.\d+)*))?\W*$"
        ),
    ),
    DnrRule(
        "serial_prefix",
        "NN/ORG  (01/KS)",
        re.compile(rf"^(?P<serial>\d{{1,7}})\s*/\s*(?P<prefix>{_LETTERS})$"),
    ),
    DnrRule(
        "serial_yy",
        "N/YY  (1900/16): serial first, two-digit year",
        re.compile(r"^(?P<serial>\d{1,7})\s*/\s*(?P<yy>\d\d)$"),
    ),
    DnrRule(
        "bare_serial",
        "[ORG] N  (60, 305311, AMN 8-)",
        re.compile(rf"^(?:(?P<prefix>{_LETTERS})[\s\-/.:]*)?(?P<serial>\d{{1,9}})\s*-?$"),
    ),
)


def _classify_suffix(suffix: str) -> tuple[str | None, int | None]:
    """A suffix after the serial: dotted → KLASSA; three zero-padded digits → old diarieplan;
    any other number → the document's sequence number within the case (DOMAIN 2.1 notes)."""
    if "." in suffix:
        return suffix, None
    if len(suffix) == 3 and suffix.startswith("0"):
        return suffix, None
    return None, int(suffix)


def _year(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("yy"):
        yy = int(groups["yy"])
        return 2000 + yy if yy < 70 else 1900 + yy
    return None


def normalize_key(prefix: str | None, year: int | None, serial: int | None) -> str:
    return "-".join(str(p) for p in (prefix, year, serial) if p is not None)


def clean_dnr(text: str) -> str:
    """The number as written, without a leading "Dnr", "Diarienummer:" and surrounding noise
    (a sentence's closing full stop or comma is not part of the number)."""
    return _LEAD.sub("", text).strip().rstrip(",;.").strip()


def parse_dnr(text: str) -> CaseRef | None:
    """Parse a diarienummer. None for empty input; otherwise always a CaseRef."""
    raw = clean_dnr(text or "")
    if not raw:
        return None
    compact = re.sub(r"\s+", " ", raw)
    for rule in RULES:
        m = rule.pattern.match(compact)
        if not m:
            continue
        g = m.groupdict()
        prefix = g.get("prefix")
        prefix = prefix.upper() if prefix else None
        serial = int(g["serial"]) if g.get("serial") else None
        year = _year(m)
        classification, document = (None, None)
        if g.get("suffix"):
            if rule.name == "class_serial_year":
                classification = g["suffix"]
            else:
                classification, document = _classify_suffix(g["suffix"])
        return CaseRef(
            raw=raw,
            prefix=prefix,
            year=year,
            serial=serial,
            classification=classification,
            document=document,
            normalized=normalize_key(prefix, year, serial),
        )
    return CaseRef(raw=raw, normalized=re.sub(r"\s+", "", raw).upper())
