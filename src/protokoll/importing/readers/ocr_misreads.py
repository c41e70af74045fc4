"""What OCR misreads in a protocol, put back: the section sign, and a capital letter read twice.

Tesseract's Swedish model has hardly seen "§": it reads it as "8" (or "83", "838") in Arial- and
Times-like faces, as "$", "&" or "$&" in DejaVu, and "§§" as "88" or "$$"
(tests/importing/test_readers_ocr.py draws them). Every item of a protocol hangs on that sign.
The OCR reader repairs every line it reads; a plain text file is repaired only when its headings
show it came out of OCR.
"""

from __future__ import annotations

import re
from itertools import pairwise

# A misread sign is put back where nothing else can stand: at the start of a line (after an
# organ's initials, "KS 8 145") before a § number and a title; for the signs that are never text
# before a number ("$", "&"), anywhere; and in a law reference ("5 kap. 18 8 plan- och
# bygglagen"). A digit is taken for the sign only with a blank after it and a capital after the
# number, so "8 12 Val av justerare" is a heading and "812 bostäder" stays a number.
_HEADING_SIGN = re.compile(
    r"^(?P<organ>[A-ZÅÄÖ]{1,4} +)?(?:(?P<two>\$\$|&&|88)|\$&|&\$|[$&](?= ?\d)|(?:838|83|8|S)(?= \d)) ?"
    r"(?=\d{1,4}(?:/\d\d)?(?: *[-–] *\d{1,4})?(?:\s+[A-ZÅÄÖ]|\s*\t|\s*$))"
)
_SIGN_IN_TEXT = re.compile(r"(?<!\S)(?:(?P<two>\$\$|&&|88(?= \d{1,4} *[-–] *\d))|\$&|&\$|[$&]) ?(?=\d)")
# a law reference: "5 kap. 18 § plan- och bygglagen" read as "5 kap. 18 8 plan- …"
_LAW_SIGN = re.compile(r"(\bkap\. ?\d{1,3}[a-z]? )(?:8|\$|&|\$&)(?= [a-zåäö])")


def _sign(m: re.Match) -> str:
    return "§§ " if m.group("two") else "§ "


def repair_section_signs(line: str) -> str:
    if "8" not in line and "$" not in line and "&" not in line and "S" not in line:
        return line
    line = _HEADING_SIGN.sub(lambda m: (m.group("organ") or "") + _sign(m), line, count=1)
    line = _SIGN_IN_TEXT.sub(_sign, line)
    return _LAW_SIGN.sub(r"\1§", line) if "kap" in line else line


def looks_misread(lines: list[str]) -> bool:
    """True when a text's headings came out of OCR with a misread sign: at least three lines
    read as § headings once repaired, their numbers rising, two steps in three by one ("8 12
    Val av justerare", "8 13 Budget …"; a heading lost to OCR leaves a gap). One such line could
    be a number in a table; a run of them numbered like §§ is a protocol's headings."""
    numbers = []
    for line in lines:
        m = _HEADING_SIGN.match(line)
        if m and not m.group("two"):
            n = _NUMBER.match(line, m.end())
            if n:
                numbers.append(int(n.group()))
    steps = [b - a for a, b in pairwise(numbers)]
    return len(numbers) >= 3 and min(steps) > 0 and 3 * steps.count(1) >= 2 * len(steps)


_NUMBER = re.compile(r"\d{1,4}")


# Tesseract's LSTM reads a capital standing alone in a table cell ("X", a party "V") as the
# letter twice, upper then lower case ("Xx", "Vv"). No Swedish word is spelt that way.
_DOUBLED_CAPITAL = re.compile(r"(?<![\w-])([A-ZÅÄÖ])([a-zåäö])(?![\w-])")


def repair_doubled_capitals(line: str) -> str:
    if not _DOUBLED_CAPITAL.search(line):
        return line
    return _DOUBLED_CAPITAL.sub(lambda m: m[1] if m[2] == m[1].lower() else m[0], line)
