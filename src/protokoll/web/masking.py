"""Personnummer are never published (DOMAIN 1.10, GDPR; checklist 37).

SKR: "Känsliga personuppgifter och personnummer ska tas bort eller mörkas". This module is the
one rule both the recording workflow's public version and every public output of the archive
(pages, API, feeds, exports, dump, search) apply, so that it lives outside both and neither has
to import the other.

Shapes masked: YYMMDD-NNNN, YYYYMMDD-NNNN, "+" instead of "-" (100 years or older), a space
instead of the dash, and the digits without separator. Samordningsnummer (day + 60) count too.
A separated number is masked whenever its first part is a calendar date, because a typo in the
check digit does not make it any less a personnummer. Ten digits without separator are also
the shape of a Swedish phone number (070…, 031…), so they are masked only when the check digit
(Luhn) is right and no phone word stands just before them; twelve digits need a 19/20 century
and a date. Dnr ("2023/00148"), dates ("2024-05-02") and organisationsnummer (month ≥ 20) are
never a match.
"""

from __future__ import annotations

import re

#: YYMMDD-NNNN, YYYYMMDD-NNNN, with "-", "+" (over 100), a space or nothing before the last four.
PERSONNUMMER = re.compile(
    r"(?<![\d/])(?P<century>19|20)?(?P<date>\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01]))"
    r"(?P<sep>[-+ ]?)(?P<last>\d{4})(?![\d/]|[.,:]\d)"
)
PNR_MASK = "ÅÅMMDD-XXXX"
#: Words that make a bare ten-digit number a phone number (telefon, tfn, mobil, tel., sms …).
_PHONE_WORDS = re.compile(r"(?:tel|telefon|tfn|mobil|mobilnummer|sms|fax|växel|ring)\w*[.:]?\s*$", re.I)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        value = int(ch) * (2 if i % 2 == 0 else 1)
        total += value // 10 + value % 10
    return total % 10 == 0


def _is_personnummer(match: re.Match[str]) -> bool:
    if match.group("sep") or match.group("century"):
        return True
    if not _luhn_ok(match.group("date") + match.group("last")):
        return False
    before = match.string[max(0, match.start() - 20) : match.start()]
    return not _PHONE_WORDS.search(before)


def _replace(match: re.Match[str]) -> str:
    return PNR_MASK if _is_personnummer(match) else match.group(0)


def mask_personnummer(text: str) -> str:
    """``text`` with every personnummer replaced by ``PNR_MASK`` (the digits gone)."""
    if not text or not any(ch.isdigit() for ch in text):
        return text
    return PERSONNUMMER.sub(_replace, text)


def mask_value(value):
    """Every string inside ``value`` (str, list, tuple, dict values) masked; other types as-is."""
    if isinstance(value, str):
        return mask_personnummer(value)
    if isinstance(value, list):
        return [mask_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(mask_value(v) for v in value)
    if isinstance(value, dict):
        return {k: mask_value(v) for k, v in value.items()}
    return value
