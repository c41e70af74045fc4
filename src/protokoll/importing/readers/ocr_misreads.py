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
_SIGN_IN_TEXT = re.compile(
    r"(?<!\S)(?:(?P<two>\$\$|&&|(?:88|SS)(?= \d{1,4} *[-–] *\d))|\$&|&\$|[$&]) ?(?=\d)"
)
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


_NUMBER = re.compile(r"\d{1,4}")


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


# Tesseract's LSTM reads a capital standing alone in a table cell ("X", a party "V") as the
# letter twice, upper then lower case ("Xx", "Vv"). No Swedish word is spelt that way.
_DOUBLED_CAPITAL = re.compile(r"(?<![\w-])([A-ZÅÄÖ])([a-zåäö])(?![\w-])")


def repair_doubled_capitals(line: str) -> str:
    if not _DOUBLED_CAPITAL.search(line):
        return line
    return _DOUBLED_CAPITAL.sub(lambda m: m[1] if m[2] == m[1].lower() else m[0], line)


# "KF 841 Val av justerare": the sign read as "8" and run into the number. "KF 841" could be a
# heading numbered 841 as well ("SN 13" is a heading style), so only the protocol's other
# headings can tell: see repair_glued_signs.
_GLUED_SIGN = re.compile(r"^(?P<organ>[A-ZÅÄÖ]{1,4} +)?8(?P<num>\d{1,3})(?=\s+[A-ZÅÄÖ]|\s*\t|\s*$)")
_READ_HEADING = re.compile(r"^(?:[A-ZÅÄÖ]{1,4} +)?§ ?(?P<num>\d{1,4})(?=\s+[A-ZÅÄÖ]|\s*\t|\s*$)")


def repair_glued_signs(pages: list[list[str]], scanned: set[int]) -> list[list[str]]:
    """Put back a "§" read as "8" and run into its number, where the § headings read around it
    say so: "KF 841" between "KF § 40" and "KF § 42" is § 41, since 841 does not fall between
    them and 41 does; "KF 847" after "KF § 46", the last heading, is § 47, the next in the run.
    Without a heading read right on at least one side nothing is changed.
    Only the ``scanned`` pages (indexes into ``pages``) are changed; all give headings."""
    where = [(p, i) for p, lines in enumerate(pages) for i in range(len(lines))]
    known: list[tuple[int, int]] = []  # (position, number) of the headings read with their sign
    glued: list[tuple[int, re.Match]] = []
    for pos, (p, i) in enumerate(where):
        line = pages[p][i]
        if m := _READ_HEADING.match(line):
            known.append((pos, int(m["num"])))
        elif p in scanned and (m := _GLUED_SIGN.match(line)):
            glued.append((pos, m))
    if not known or not glued:
        return pages
    out = [list(lines) for lines in pages]
    for pos, m in glued:
        before = [n for at, n in known if at < pos]
        after = [n for at, n in known if at > pos]
        low, high = (before[-1] if before else None), (after[0] if after else None)

        def fits(n: int, low: int | None = low, high: int | None = high) -> bool:
            return (low is None or n > low) and (high is None or n < high)

        whole, num = int("8" + m["num"]), int(m["num"])
        # either fits where a side is open (the last heading): the next number in the run wins
        if fits(num) and (
            not fits(whole) or (low is not None and num == low + 1) or (high is not None and num == high - 1)
        ):
            p, i = where[pos]
            line = out[p][i]
            out[p][i] = f"{m['organ'] or ''}§ {m['num']}{line[m.end() :]}"
    return out


# A scanned table's rules read as characters: a lone "=" or "|" between cells, or stuck to the
# front of a cell ("=S", "| Malin Hjort"). In a protocol neither stands alone in text.
_RULE_BETWEEN = re.compile(r"[ \t]+[=|]+(?:[ \t]+|$)")
_RULE_BEFORE = re.compile(r"(?:^|(?<=\t))[=|]+ ?(?=\S)")


def repair_table_rules(line: str) -> str:
    if "=" not in line and "|" not in line:
        return line
    return _RULE_BEFORE.sub("", _RULE_BETWEEN.sub("\t", line)).strip()
