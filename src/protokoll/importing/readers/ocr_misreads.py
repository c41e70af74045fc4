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


# The words a protocol's labels are made of. OCR misreads them the way it misreads any word, and
# a text saved from OCR (a crawler's "_ocr" page, a scan someone ran through a reader) keeps the
# misreadings: a lost diacritic ("Franvarande", "Ovriga narvarande"), a digit for a letter
# ("0rdförande", "Ledam6ter"), "i" or "I" or "1" for "l" and back ("Besiutande", "Justerlngens",
# "besIut"), a word split in two ("Beslutan de", "juste ra"). A label misread is no label, and the
# header or block it opens is lost with it.
_LABEL_WORDS = (
    "sammanträdesprotokoll", "sammanträdesdatum", "beslutande", "ledamöter", "ledamot",
    "tjänstgörande", "ersättare", "övriga", "närvarande", "deltagande", "deltagare", "frånvarande",
    "tjänstemän", "justera", "justerare", "justerande", "justeringens", "underskrifter",
    "underskrift", "paragrafer", "sekreterare", "ordförande", "beslut", "beslutar", "yrkanden",
    "yrkande", "omröstning", "reservation", "propositionsordning", "ärendet", "bakgrund",
    "sammanfattning", "förvaringsplats", "protokollet",
)  # fmt: skip
_FOLD = str.maketrans("åäöéÅÄÖÉ06!|1iI", "aaoeAAOEoollllL")


def _fold(word: str) -> str:
    return word.lower().translate(_FOLD)


_FOLDED_LABEL_WORDS = {_fold(w): w for w in _LABEL_WORDS}
_LABEL_WORD_RE = re.compile(r"[0-9A-Za-zÅÄÖåäöÉé!|]{2,30}")
_LABEL_MAX_WORDS = 4  # a label opens its line: only the first words are looked at


def _respell(word: str, target: str) -> str:
    if word.isupper() and len(word) > 1:
        return target.upper()
    return target[0].upper() + target[1:] if word[:1].isupper() or word[:1] == "0" else target


def repair_label_words(line: str) -> str:
    """Spell the label words among a line's first words as labels are spelt: a word (or two
    words run together) of five letters or more that differs from a label word only in what OCR
    confuses. A word spelt right is never touched, so a line without misreadings stays as it is."""
    words = list(_LABEL_WORD_RE.finditer(line, 0, 120))[: _LABEL_MAX_WORDS + 1]
    if not words:
        return line
    out, last, i = [], 0, 0
    while i < len(words) and i < _LABEL_MAX_WORDS:
        m = words[i]
        target = _FOLDED_LABEL_WORDS.get(_fold(m[0]))
        end = m.end()
        if target is None and i + 1 < len(words):
            # a word split in two by a stray blank: "Beslutan de", "juste ra"
            nxt = words[i + 1]
            if line[end : nxt.start()] == " " and _fold(m[0]) not in _FOLDED_WORD_PARTS:
                joined = _FOLDED_LABEL_WORDS.get(_fold(m[0] + nxt[0]))
                if joined is not None and len(m[0]) >= 2 and len(nxt[0]) >= 2:
                    target, end = joined, nxt.end()
                    i += 1
        i += 1
        if target is None or len(target) < 5 or line[m.start() : end] == target:
            continue
        if not (m[0][:1].isalpha() or m[0][:1] == "0"):
            continue  # a number that happens to fold ("1001")
        out.append(line[last : m.start()])
        out.append(_respell(m[0], target))
        last = end
    if not out:
        return line
    return "".join(out) + line[last:]


# short words that stand before another word in ordinary text: never the first half of a split
_FOLDED_WORD_PARTS = {
    _fold(w) for w in ("och", "att", "av", "de", "den", "det", "en", "ett", "i", "på", "om", "till")
}


# A § number with a letter OCR reads for a digit: "§ 4l" (41), "§ l2" (12), "§ 1O" (10). A letter
# never stands inside a § number ("§ 87 a" keeps its letter apart), so a run of digits and these
# letters after the sign, with a digit in it, is the number.
_SECTION_NUMBER = re.compile(r"(?<=§)( ?)(?=[\dlIO]{2,4}(?:\s|$))(?=[lIO]*\d)([\dlIO]+)")
_DIGIT_FOR = str.maketrans("lIO", "110")


def repair_section_numbers(line: str) -> str:
    if "§" not in line:
        return line
    return _SECTION_NUMBER.sub(lambda m: m[1] + m[2].translate(_DIGIT_FOR), line)


# One heading whose sign OCR read as a letter or a digit apart from its number ("S 42 Dnr 97/044",
# "8 42 Title"), between headings read right: too few for looks_misread to call the text OCR, but
# the § numbers around it say what it is.
_LONE_SIGN = re.compile(
    r"^(?P<organ>[A-ZÅÄÖ]{1,4} +)?(?:S|8|\$|&) (?P<num>\d{1,3})(?=\s+[A-ZÅÄÖ]|\s*\t|\s*$)"
)


def repair_lone_signs(pages: list[list[str]]) -> list[list[str]]:
    """Put back a "§" read as "S", "8", "$" or "&" before a heading's number where a heading read
    right just before or just after it is the number before or after it: "S 42" after "§ 41" or
    before "§ 43" is § 42. Nothing else changes."""
    where = [(p, i) for p, lines in enumerate(pages) for i in range(len(lines))]
    known: list[tuple[int, int]] = []
    lone: list[tuple[int, re.Match]] = []
    for pos, (p, i) in enumerate(where):
        line = pages[p][i]
        if "§" in line:
            if m := _READ_HEADING.match(line):
                known.append((pos, int(m["num"])))
        elif (line[:1] in "S8$&" or line[:1].isupper()) and (m := _LONE_SIGN.match(line)):
            lone.append((pos, m))
    if not known or not lone:
        return pages
    out = [list(lines) for lines in pages]
    for pos, m in lone:
        num = int(m["num"])
        before = [n for at, n in known if at < pos]
        after = [n for at, n in known if at > pos]
        if (before and before[-1] == num - 1) or (after and after[0] == num + 1):
            p, i = where[pos]
            line = out[p][i]
            out[p][i] = f"{m['organ'] or ''}§ {m['num']}{line[m.end() :]}"
    return out
