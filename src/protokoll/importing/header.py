"""Header blocks: labelled fields read the same way whether label and value sit on separate
lines or a whole page is flattened onto one line.

A label (rules.HEADER_FIELDS) starts a field; its value runs to the next label. Attendance
values go to ``attendance.parse_people``; dates, clock times and names are read from the rest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from protokoll.document.model import Adjournment, Adjustment, AttendanceEntry, Meeting, Notice, Person
from protokoll.domain.vocab import AdjustmentMethod, AttendanceGroup, AttendanceStatus
from protokoll.importing import rules
from protokoll.importing.attendance import ParsedPerson, clean_name, parse_people, split_names
from protokoll.importing.prefilter import Prefiltered
from protokoll.importing.tables import normalise_tables
from protokoll.importing.values import clock, clock_range, find_dates, first_date, paragraph_ranges, squash


def _top_level_alternatives(words: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in words:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def _label_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    alts: list[tuple[str, str]] = []
    for f in rules.HEADER_FIELDS:
        for alt in _top_level_alternatives(f.words):
            alts.append((f.field, alt))
    # longest first, so "Justeringens plats och tid" beats "Justering" and "Plats och tid" beats "Plats"
    alts.sort(key=lambda pair: len(pair[1]), reverse=True)
    names: dict[str, str] = {}
    # grouped by first letter (each label starts with a literal letter), so a capital in running
    # text tries only the labels that begin with it instead of all of them
    groups: dict[str, list[str]] = {}
    for i, (fld, alt) in enumerate(alts):
        names[f"f{i}"] = fld
        groups.setdefault(alt[0], []).append(f"(?P<f{i}>{alt[1:]})")
    branches = [f"{re.escape(ch)}(?:{'|'.join(parts)})" for ch, parts in groups.items()]
    # labels start with a capital (or the "s" of a split "Beslutsinstans"): fail fast elsewhere
    pattern = re.compile(r"(?=[A-ZÅÄÖs])(?<![\w/])(?:" + "|".join(branches) + r")(?=[\s:.]|$|[A-ZÅÄÖ\d_])")
    return pattern, names


LABELS, LABEL_FIELDS = _label_regex()
# labels that are also roles written after a name: "Name (S), Ordförande"
_ROLE_LABELS = {"chair", "secretary", "adjusting", "adjusters", "substitutes"}
_MEMBER_FIELDS = {"members", "serving_substitutes", "idle_members"}
_ACTING_CHAIR = re.compile(
    r"\b(?:mötes|sammanträdes)ordförande\b|\btjänstgörande\s+ordförande\b", re.IGNORECASE
)


_LETTER = re.compile(r"[^\W\d_]")
_NOT_OFFICIAL = re.compile(r"facklig|revisor|gäst|insyn|representant|företrädare", re.IGNORECASE)


@dataclass
class HeaderFields:
    values: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    order: list[tuple[str, str]] = field(default_factory=list)

    def find(self, name: str, read):
        """The first value of field ``name`` that ``read`` can make sense of."""
        for v in self.values.get(name, []):
            found = read(v)
            if found is not None:
                return found
        return None

    def first(self, name: str) -> str | None:
        """The first value with any letter in it (an empty signature line is no value)."""
        for v in self.values.get(name, []):
            if _LETTER.search(v):
                return v
        return None


# ``before`` has its trailing blanks stripped: "Eva Ek   S" or "Eva Ek   S   Vice"
# (\Z, not $: a label that opens a line of its own follows a row that has ended)
# (one space after a name is a column gap too where an HTML list joined the cells: "Karin Holt S
# Ordförande"; after a comma it is prose: "Eva Ek, C Ersättare Bo Al" starts a new label)
_PARTY_COLUMN = re.compile(
    rf"(?:\S(?:\t|\s{{2,}})|[^\W\d_] )(?:{rules.KNOWN_PARTY_RE})(?:\s+(?:\d:?[ea]\s+)?[Vv]ice)?\Z"
)
# the column ends the text before a label, so only a text ending in a party code's last letter
# or in "vice" can match; searching 200 characters back for it was a twentieth of the header
_PARTY_COLUMN_LAST = frozenset(p[-1] for p in rules.KNOWN_PARTIES)
_LEADERS = re.compile(r"[._…]{2,}|-{5,}|={3,}")


def _drop_leaders(value: str) -> str:
    # every match holds one of these (two of "._…" hold ".." or a "_" or a "…"); testing them
    # is a tenth of the cost of the engine trying three alternatives at every position
    if ".." in value or "_" in value or "…" in value or "-----" in value or "===" in value:
        return _LEADERS.sub(" ", value)
    return value


# a cell between the party and the role: the member's kommun in a gemensam nämnd, a
# kommunalförbund or a region ("Eva Ek   S   Norrvik   Ordförande")
_PLACE_CELL = re.compile(r"[A-ZÅÄÖ][^\W\d_]+(?:[ -][A-ZÅÄÖa-zåäö][^\W\d_]+)?")


# a name and a bare party code ending the text before a label: the label is the role cell of a
# row that a flattened page set with single spaces
_FLAT_NAME_PARTY = rf"(?<![^\s]){rules.CAP_WORD} {rules.CAP_WORD} (?:{rules.KNOWN_PARTY_RE})"
_FLAT_PARTY_CELL = re.compile(rf"{_FLAT_NAME_PARTY}(?: (?:\d:?[ea] )?[Vv]ice)?$")


_FLAT_ROLE_CELL = re.compile(
    rf"{_FLAT_NAME_PARTY} (?:\d:?[ea] )?(?:(?i:vice )?(?i:ordförande|ledamot|ersättare))$"
)


# the head row of a table of people with a presence column, which is what makes a presence word
# after a row's role a cell ("Namn Parti Roll Närvaro", "Namn Parti Funktion Deltagande")
_PRESENCE_HEAD = re.compile(r"\bNamn\s+Parti\b[^\n]{0,40}?\b(?:Närvaro|Närvarande|Deltagande|Tjänstgör)\b")


def _party_column(before: str) -> bool:
    if (before[-1:] in _PARTY_COLUMN_LAST or before.endswith("ice")) and _PARTY_COLUMN.search(before):
        return True
    head, tab, place = before.rpartition("\t")
    head = head.rstrip(" \t")
    return (
        bool(tab)
        and _PLACE_CELL.fullmatch(place.lstrip(" ")) is not None
        and head[-1:] in _PARTY_COLUMN_LAST
        and _PARTY_COLUMN.search(head) is not None
    )


# a label cell wrapped in a table: "Ej tjänstgörande<TAB>Karl Ek (S)" / "ersättare", the next
# value of the cell beside it on the wrapped line or not ("ersättare<TAB>Ylva Sten (M)")
_WRAPPED_LABEL = re.compile(
    r"^(?P<start>[^\t\n]{3,40})\t(?P<value>[^\n]*)\n(?P<rest>[a-zåäö][a-zåäö ]{1,30})(?:\t(?P<more>[^\n]*))?$",
    re.M,
)


def _rejoin_wrapped_label(m: re.Match[str]) -> str:
    label = f"{m['start'].rstrip()} {m['rest'].strip()}"
    whole = LABELS.match(label)
    if whole and whole.end() == len(label):
        return f"{label}\t{m['value']}" + (f"\n{m['more']}" if m["more"] else "")
    return m.group(0)


# an upper-case label opening a line: "BESLUTANDE:", "PLATS OCH TID:    …", "UTSES ATT JUSTERA:"
_UPPER_LABEL = re.compile(
    r"(?:^|(?<=\t)|(?<=  ))[A-ZÅÄÖ][A-ZÅÄÖ]+(?:[ \-][A-ZÅÄÖ]+)*(?=[ \t]*:|\t| {2,})", re.MULTILINE
)


def _lower_label(m: re.Match[str]) -> str:
    """A label set in capitals, as older and typewritten protocols print them, read like one in
    sentence case: only where the whole word run is a known label, so a letterhead ("TJÄRNVIKS
    KOMMUN") or an organ in capitals stays as it is."""
    label = m.group(0).capitalize()
    whole = LABELS.match(label)
    return label if whole and whole.end() == len(label) else m.group(0)


# a name right after a label: its first word, not "för" of a role ("Tjänstgörande ersättare för …")
_NAME_NEXT = re.compile(rf"[ \t]*(?!för\b)[{rules.UP}][{rules.LOW}]+[ \t]+[{rules.UP}]")


# a person with the party in parentheses: what a members' list is made of
_ENTRY_AHEAD = re.compile(rf"\s*(?:[-–•]\s+)?{rules.NAME}\s*\({rules.PARTY_CODE}\)")
_ROLE_AFTER_PARTY = re.compile(r"\)\s+(?:Ersättare|Ledamot|Ordförande)\b")


# fields that name one person: a role word after that person's name, capitalised and with a
# name next, is the next field's label, not the person's role
_ONE_PERSON_FIELDS = frozenset({"chair", "secretary"})


def _run_on_label(m: re.Match[str], text: str, hits: list[tuple[int, int, str]]) -> bool:
    """A label that a flattened page ran on after the list before it, not the role of the last
    person in that list:
    - a colon or a cell's tab after it ("… Bo Al (V) Ersättare: Eva Ek (S)", "… (KD)
      Ersättare<TAB>Eva Ek");
    - a label of several words, capitalised, with a name next ("… (KD) Ersättare som inte
      tjänstgör Eva Ek (S)");
    - a label after the one person of a chair's or secretary's field, a name next;
    - "Ersättare" after the last member, a person with a party next ("… Jonas Ek (SD) Ersättare
      Kerstin Mård (S) Övriga …", or a bullet before it: "… Ersättare - Kerstin Mård (S)"),
      where the members' list gives no one a role word after the
      party (a role column would: "Eva Ek (S) Ledamot Bo Al (M) Ersättare")."""
    after = text[m.end() : m.end() + 2]
    if after[:1] == "\t" or after.lstrip(" ")[:1] == ":":
        return True
    label = m.group(0)
    if label[:1].isupper() and " " in label.strip() and _NAME_NEXT.match(text, m.end()) is not None:
        return True
    if (
        hits
        and hits[-1][2] in _ONE_PERSON_FIELDS
        and LABEL_FIELDS[m.lastgroup or ""] != hits[-1][2]
        and label[:1].isupper()
        and _NAME_NEXT.match(text, m.end()) is not None
    ):
        return True  # "Ordförande Karin Åström (S) Sekreterare Henrik Blom": one person per field
    if label != "Ersättare" or not hits or hits[-1][2] not in _MEMBER_FIELDS:
        return False
    if not _ENTRY_AHEAD.match(text, m.end()):
        return False
    return not _ROLE_AFTER_PARTY.search(text, hits[-1][1], m.start())


# a label of a narrow label column wrapped after its first words, flattened with the value of its
# first line between its parts: "Ej tjänstgörande Emir Hadžić (S) ersättare Ylva Stenlund (M)",
# "Frånvarande Rune Holmér (KD) ledamöter Övriga …", "Justeringens plats Kommunkansliet, … och tid"
_SPLIT_LABEL = re.compile(
    r"(?<![^\s])(?P<start>Ej tjänstgörande|Frånvarande|Övriga|Justeringens(?: plats)?|Beslutande)[ ]"
    r"(?P<value>(?:(?!\b(?:ersättare|ledamöter|närvarande|plats och tid|och tid)\b)[^\n]){3,90}?)[ ]"
    r"(?P<rest>ersättare|ledamöter|närvarande|plats och tid|och tid)\b(?=[ ][A-ZÅÄÖ\d]|$)"
)


def _rejoin_split_label(m: re.Match[str]) -> str:
    label = f"{m['start']} {m['rest']}"
    whole = LABELS.match(label)
    # between the parts of a list's label stands its first person, one name with a party
    person = "tid" in m["rest"] or _ONE_MEMBER.fullmatch(m["value"]) is not None
    if whole and whole.end() == len(label) and m["value"][:1].isupper() and person:
        return f"{label} {m['value']}"
    return m.group(0)


_ONE_MEMBER = re.compile(rf"{rules.NAME}\s*\({rules.PARTY_CODE}\)")


def read_fields(text: str) -> HeaderFields:
    out = HeaderFields()
    if "\t" in text:
        text = _WRAPPED_LABEL.sub(_rejoin_wrapped_label, text)
    if " ersättare " in text or " ledamöter " in text or " och tid" in text or " närvarande " in text:
        text = _SPLIT_LABEL.sub(_rejoin_split_label, text)
    if _UPPER_LABEL.search(text):
        text = _UPPER_LABEL.sub(_lower_label, text)
    hits = []
    for m in LABELS.finditer(text):
        fld = LABEL_FIELDS[m.lastgroup or ""]
        # a bounded look-back: slicing from the start of the text made the loop quadratic
        before = text[max(0, m.start() - 200) : m.start()].rstrip(" \t")
        if (
            fld in _ROLE_LABELS
            and before.endswith((",", ")"))
            and not before.endswith("\n")
            and not _run_on_label(m, text, hits)
        ):
            continue  # a role after a name: "Eva Ek (S), ersättare"
        if _party_column(before):
            continue  # a role cell of an attendance table: "Eva Ek   S   Ordförande"
        if (
            (fld in ("chair", "substitutes") and _FLAT_PARTY_CELL.search(before))
            or (
                fld in ("members", "absent")
                and _FLAT_ROLE_CELL.search(before)
                and _PRESENCE_HEAD.search(text, max(0, m.start() - 3000), m.start())
            )
        ) and text[m.end() : m.end() + 2].strip(" ")[:1] != ":":
            # the same table flattened with single spaces: the role cell after the party
            # ("… Gösta Brandin S Ordförande …") and, under a head row with a presence column,
            # the presence cell after the role ("… Erika Svahn V Ledamot Frånvarande Jonas …")
            continue
        if (
            fld == "chair"
            and hits
            and hits[-1][2] in _MEMBER_FIELDS
            and not text[hits[-1][1] : m.start()].strip(" \t:\n")
            and text[m.end() : m.end() + 3].strip(" \t")[:1] not in (":", "\n", "")
        ):
            # the first member's role before the name, on the label's line or under it:
            # "Beslutande:   Ordf. Eva Ek (S)"; "Ordförande: Eva Ek" is a field of its own
            continue
        hits.append((m.start(), m.end(), fld))
    values = []
    for k, (_, end, _) in enumerate(hits):
        stop = hits[k + 1][0] if k + 1 < len(hits) else len(text)
        values.append(_drop_leaders(text[end:stop].strip(" \t:\n")).strip(" \t:\n."))
    _unstack_signatures(text, hits, values)
    for k, ((start, _, fld), value) in enumerate(zip(hits, values, strict=True)):
        if fld == "paragraphs" and k and "\n" not in text[hits[k - 1][1] : start]:
            value = _hand_back_lines_below(out, value)
        out.values[fld].append(value)
        out.order.append((fld, value))
    return out


_SIGNATURE_FIELDS = frozenset({"secretary", "chair", "adjusting"})
_RANGE_LINE = re.compile(r"^(?:§§?\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?$")


def _unstack_signatures(text: str, hits: list[tuple[int, int, str]], values: list[str]) -> None:
    """Signature labels stacked one per line with the names stacked under them in the same order
    ("Sekreterare / Ordförande / Justerande / Eva Ek / Bo Al / Ida Sjö"), as a PDF-to-text of a
    signature table without its layout gives them: every label but the last holds nothing, the
    last holds all the names. Each label takes one name line, the last one the rest (two
    justerare); fewer name lines than labels leaves the block as it is."""
    k = 0
    while k < len(hits):
        run = k
        while (
            run + 1 < len(hits)
            and hits[run][2] in _SIGNATURE_FIELDS
            and not values[run]
            and text[hits[run][1] : hits[run + 1][0]].strip(" \t:") == "\n"
        ):
            run += 1
        if run > k and hits[run][2] in _SIGNATURE_FIELDS:
            names = [line.strip() for line in values[run].split("\n") if line.strip()]
            if (
                k
                and hits[k - 1][2] == "paragraphs"
                and not values[k - 1]
                and not text[hits[k - 1][1] : hits[k][0]].strip(" \t:\n")
                and names
                and _RANGE_LINE.match(names[0])
            ):
                # "Paragrafer / Sekreterare / Ordförande / Justerande / 12–27 / Eva Ek / …": the
                # range stacked first is the value of the "Paragrafer" label stacked above them
                values[k - 1] = names.pop(0)
            if len(names) >= run - k + 1:
                for i in range(k, run):
                    values[i] = names[i - k]
                values[run] = "\n".join(names[run - k :])
        k = run + 1


_NAME_AFTER_RANGE = re.compile(rf"^((?:§§?\s*)?\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?)[ \t]+({rules.NAME})[ \t]*$")


# fields whose value is a list of lines (the members, the others present) and one that is a heading
_LIST_FIELDS = {"members", "serving_substitutes", "idle_members", "substitutes", "officials", "absent"}
_PARTY_IN_LINE = re.compile(r"\([A-ZÅÄÖa-zåäö]{1,5}\)")
_WRAPPED_VALUE = re.compile(r"^(?:\d{1,2}[.:]\d\d\s*[-–]\s*\d{1,2}[.:]\d\d\b|[a-zåäö])")
_CLOCK_IN_LINE = re.compile(r"\bkl\b|\d[.:]\d\d\s*[-–]\s*\d", re.IGNORECASE)


def _fits(fld: str, lines: list[str]) -> bool:
    """Whether ``lines`` look like the value of a label of ``fld``: a place with a clock time, the
    members with their parties, the officials with their titles."""
    if not lines:
        return False
    if fld == "place_time":
        return bool(_CLOCK_IN_LINE.search(lines[0]))
    if fld in _LIST_FIELDS - {"officials"}:
        return all(_PARTY_IN_LINE.search(ln) for ln in lines)
    if fld == "officials":
        return all("," in ln and not _PARTY_IN_LINE.search(ln) for ln in lines)
    return False


def _bare_hits(text: str) -> list[tuple[int, int, str]]:
    """The labels of ``text`` that stand alone on their line (a colon at most after them)."""
    hits = []
    for m in LABELS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        if not text[line_start : m.start()].strip() and not text[m.end() : line_end].strip(" \t:"):
            hits.append((line_start, line_end, LABEL_FIELDS[m.lastgroup or ""]))
    return hits


def _label_column(text: str) -> str:
    """A label table that a text layer gave column by column: every label of a block on its own
    line, then every value ("Plats och tid / Beslutande / Övriga närvarande / Utses att justera /
    Kommunhuset, kl. 13–16 / Anna Ek (S) / … / Eva Sand, sekreterare / Bo Lind (S)"), as PDF.js
    reads a table drawn column by column; or each value before its label ("Kommunhuset, kl. 13–16
    / Plats och tid: / Anna Ek (S) / Bo Lind (M) / Beslutande:"), as pypdf may. The values are
    handed to their labels in order, told apart by their look (a clock time, parties, titles),
    and the block is written back as "Label value" lines."""
    hits = _bare_hits(text)
    if len(hits) < 3:
        return text
    k = 0
    while k < len(hits):
        run = k
        while run + 1 < len(hits) and not text[hits[run][1] : hits[run + 1][0]].strip():
            run += 1
        if run - k + 1 >= 3:
            nxt = hits[run + 1][0] if run + 1 < len(hits) else len(text)
            block = text[hits[run][1] : nxt]
            rewritten = _labels_then_values(text, hits[k : run + 1], block)
            if rewritten is not None:
                return _label_column(text[: hits[k][0]] + rewritten + text[nxt:])
        k = run + 1
    return _values_then_labels(text, hits)


def _labels_then_values(text: str, labels: list[tuple[int, int, str]], block: str) -> str | None:
    values = [ln.strip() for ln in block.split("\n") if ln.strip()]
    named = [(text[a:b].strip(), fld) for a, b, fld in labels if fld != "signatures"]
    heads = [text[a:b].strip() for a, b, fld in labels if fld == "signatures"]
    fields = [fld for _, fld in named]
    # a heading over sub-headings ("Närvaro / Ledamöter / Beslutande") names one field thrice
    if len(values) < len(named) or len(set(fields)) < len(fields) or "place_time" not in fields:
        return None
    out, at = [], 0
    for i, (label, fld) in enumerate(named):
        left = len(named) - i - 1  # labels still to serve, one value line each at least
        take = 1
        if i == len(named) - 1:
            take = len(values) - at
        elif fld in _LIST_FIELDS:
            while at + take < len(values) - left and _fits(fld, values[at : at + take + 1]):
                take += 1
        else:
            # a value wrapped onto the next line: "…, onsdagen den 6 december 2017, kl." / "08.30–10.50"
            while at + take < len(values) - left and _WRAPPED_VALUE.match(values[at + take]):
                take += 1
        if (fld in _LIST_FIELDS or fld == "place_time") and not _fits(fld, values[at : at + take]):
            return None
        out.append(f"{label} " + "\n".join(values[at : at + take]))
        at += take
    return "\n".join([*heads, *out]) + "\n"


def _values_then_labels(text: str, hits: list[tuple[int, int, str]]) -> str:
    """Each value before its label: kept only where the lines before the labels fit them better
    than the lines after them do, and the last label has nothing after it."""
    before_fit = after_fit = 0
    placed = False  # the place and time stands before its label, a clock time in it, and not after
    blocks = []
    for i, (start, end, fld) in enumerate(hits):
        prev_end = hits[i - 1][1] if i else 0
        nxt = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        before = [ln.strip() for ln in text[prev_end:start].split("\n") if ln.strip()]
        after = [ln.strip() for ln in text[end:nxt].split("\n") if ln.strip()]
        if fld == "place_time" or fld in _LIST_FIELDS:
            if i == 0 and before:
                before = before[-1:]
            before_fit += _fits(fld, before)
            after_fit += _fits(fld, after)
            placed = placed or (fld == "place_time" and _fits(fld, before) and not _fits(fld, after))
        blocks.append(before)
    if not placed or before_fit < 2 or after_fit >= before_fit:
        return text
    last_end = hits[-1][1]
    tail = text[last_end:].split("\n")
    first_start = hits[0][0]
    head = text[:first_start].rstrip("\n").split("\n")
    head = head[: len(head) - len(blocks[0])] if blocks[0] else head
    rows = [f"{text[a:b].strip()} " + "\n".join(vals) for (a, b, _), vals in zip(hits, blocks, strict=True)]
    return "\n".join([*head, *rows]) + "\n" + "\n".join(tail).lstrip("\n")


def _hand_back_lines_below(out: HeaderFields, paragraphs: str) -> str:
    """ "Sekreterare ......  Paragrafer 88–93" with the name on the next line: the § range is one
    line, so what is under it is the value of the label before it on the same row, when that
    label has none of its own (a signature line)."""
    previous, own = out.order[-1]
    if own:
        return paragraphs
    if "\n" not in paragraphs:
        # a flattened row runs the name on after the range: "Sekreterare ..... Paragrafer
        # 200–208 Kim Åberg Ordförande ….."
        after = _NAME_AFTER_RANGE.match(paragraphs) if previous in _SIGNATURE_FIELDS else None
        if after is None:
            return paragraphs
        paragraphs, below = after.group(1), after.group(2)
    else:
        paragraphs, below = paragraphs.split("\n", 1)
    out.values[previous][-1] = below.strip(" \t")
    out.order[-1] = (previous, out.values[previous][-1])
    return paragraphs.strip(" \t")


def _first_name(value: str | None) -> str | None:
    if not value:
        return None
    m = re.search(rf"{rules.NAME}", value)
    if not m:
        return None
    name, _ = clean_name(squash(m.group(0)))
    return name or None


def _place(value: str) -> str | None:
    lines = [ln for ln in value.split("\n") if ln.strip()]
    if len(lines) > 1:
        # a column layout puts other fields' values here too; the place sits with the clock time
        timed = [ln for ln in lines if rules.CLOCK.search(ln) or re.search(r"\bkl\b", ln, re.IGNORECASE)]
        value = timed[0] if timed else lines[0]
    text = squash(value)
    text = re.sub(
        r"^(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?\d{1,2}\s+\w+\s+\d{4}[,\s]*",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"^\d{4}-\d\d-\d\d[,\s]*", "", text)
    cut = re.search(
        r"(?:,?\s*\b(?:kl\.?|klockan)(?=[\s\d.]|$)|,?\s*\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b|"
        r",?\s*\b\d{4}-\d\d-\d\d|,?\s*\d{1,2}[.:]\d\d|,?\s*Ajournering)",
        text,
        re.IGNORECASE,
    )
    if cut:
        head = text[: cut.start()]
        if not head.strip(" ,.") and cut.group(0).strip(", ").lower().startswith(
            ("kl", "mån", "tis", "ons", "tor", "fre", "lör", "sön")
        ):
            rest = rules.CLOCK_RANGE.sub("", text[cut.end() :])
            rest = re.sub(r"^[\s,.\d:\-–]*", "", rest)
            head = re.sub(r"^i\s+", "", rest)
        text = head
    text = text.strip(" ,.;:-–")
    return text or None if len(text) <= 120 else None


# the role may run on into the next group's heading on a flattened page ("ersättare, ej
# tjänstgörande Vassmyra kommun - …")
_SUBSTITUTE_ROLE = re.compile(
    r"^(?:ej\s+tjänstgörande\s+)?(?:ersättare|ers\.)(?:,?\s+ej\s+(?:tjänstgörande|tjg))?\.?(?:$|(?=\s+(?-i:[A-ZÅÄÖ])(?!tjänstgör)))",
    re.IGNORECASE,
)
_SERVING_SUBSTITUTE_ROLE = re.compile(r"^(?:tjänstgörande\s+ersättare|tjg\.?\s+ersättare)\b", re.IGNORECASE)


_SERVES_ROLE = re.compile(r"^(?:tjänstgörande|tjänstgör|tjg\.?)$", re.IGNORECASE)
# also told as a sentence after the list: "Olof Björk (C) är frånvarande."
_ABSENT_ROLE = re.compile(
    r"^(?:(?:är|var)\s+)?(?:frånvarande|ej närvarande|anmält förhinder|förhinder)\.?$", re.IGNORECASE
)


def _entries(
    people: list[ParsedPerson],
    group: AttendanceGroup,
    *,
    serving: bool,
    status: AttendanceStatus = AttendanceStatus.PRESENT,
) -> list[AttendanceEntry]:
    out = []
    for p in people:
        if not p.name or len(p.name) < 3:
            continue
        try:
            replaces = Person(name=p.replaces[0], party=p.replaces[1]) if p.replaces else None
            own_group, own_serving, own_status = group, serving, status
            if group == AttendanceGroup.MEMBER and p.role and _ABSENT_ROLE.match(p.role):
                # a närvarolista's note column: "Per Olsson  M  frånvarande"
                own_serving, own_status = False, AttendanceStatus.ABSENT
            elif (
                group in (AttendanceGroup.MEMBER, AttendanceGroup.SUBSTITUTE)
                and status == AttendanceStatus.PRESENT
                and p.role
                and not p.party
                and rules.OFFICIAL_TITLE.search(p.role)
            ):
                # "Närvarande: …; Martin Fernlund, kommundirektör", "Ersättare: … / Förbundschef
                # Magnus Tjäder": a member has a party or a member's role, a tjänsteperson a title
                own_group, own_serving = _official_group(p), False
            elif replaces and group == AttendanceGroup.MEMBER and status == AttendanceStatus.PRESENT:
                own_group = AttendanceGroup.SUBSTITUTE  # "X (S) för Y (S)" in the members list serves for Y
            elif replaces and group == AttendanceGroup.SUBSTITUTE and status == AttendanceStatus.PRESENT:
                own_serving = True  # "Ersättare: X (S), tjänstgör för Y (S)": this one takes a seat
            elif group == AttendanceGroup.SUBSTITUTE and status == AttendanceStatus.PRESENT and p.paragraphs:
                # "Ersättare: X (KD), tjänstgörande § 116": serving for the §§ named
                own_serving = own_serving or bool(p.role and _SERVES_ROLE.match(p.role))
            elif group == AttendanceGroup.MEMBER and status == AttendanceStatus.PRESENT and p.role:
                # a role column in a table of everyone present: "Ersättare" alone does not serve
                if _SUBSTITUTE_ROLE.match(p.role):
                    own_group, own_serving = AttendanceGroup.SUBSTITUTE, False
                elif _SERVING_SUBSTITUTE_ROLE.match(p.role):
                    own_group = AttendanceGroup.SUBSTITUTE
            out.append(
                AttendanceEntry(
                    name=p.name,
                    party=p.party,
                    role=p.role,
                    group=own_group,
                    status=own_status,
                    serving=own_serving,
                    replaces=replaces,
                    paragraphs=p.paragraphs,
                    remote=p.remote,
                    note=p.note,
                )
            )
        except ValueError:
            continue
    return out


def _replaced_members(attendance: list[AttendanceEntry]) -> list[AttendanceEntry]:
    """A ledamot whom an ersättare replaces for the whole meeting (no §§ given) did not take
    part: recorded as absent (DOMAIN 1.8: an ersättare serves in place of a ledamot who is away).
    A ledamot replaced only for some §§, or listed as present anywhere, is left alone."""
    present = {a.name.lower() for a in attendance if a.status == AttendanceStatus.PRESENT}
    listed = {a.name.lower() for a in attendance}
    out: list[AttendanceEntry] = []
    for a in attendance:
        r = a.replaces
        if not (a.serving and r and not a.paragraphs) or r.name.lower() in present | listed:
            continue
        listed.add(r.name.lower())
        try:
            out.append(
                AttendanceEntry(
                    name=r.name,
                    party=r.party,
                    group=AttendanceGroup.MEMBER,
                    status=AttendanceStatus.ABSENT,
                    serving=False,
                    note=f"ersatt av {a.name}",
                )
            )
        except ValueError:
            continue
    return out


@dataclass
class Header:
    meeting: Meeting
    chair: Person | None
    secretary: Person | None
    adjusters: list[Person]
    attendance: list[AttendanceEntry]
    adjustment: Adjustment | None
    notice: Notice | None
    organ: str | None
    paragraphs: list[tuple[int, int]]
    fields: HeaderFields


def _official_group(p: ParsedPerson) -> AttendanceGroup:
    return AttendanceGroup.OTHER if _NOT_OFFICIAL.search(p.role or "") else AttendanceGroup.OFFICIAL


# searched through every header; most never say "ajourn"
_ADJOURNMENT = Prefiltered(
    re.compile(
        r"\bajourn\w*\s*(?:mellan\s*)?(?:kl\.?\s*)?"
        r"([01]?\d|2[0-3])[.:]([0-5]\d)\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)",
        re.IGNORECASE,
    )
)
_NAME_THEN_ROLE = re.compile(
    rf"({rules.NAME})\s*(?:\([A-ZÅÄÖa-zåäö]{{1,5}}\))?\s+(Sekreterare|Ordförande|Justerare|Justerande)\b"
)


def _signatures_name_first(text: str) -> dict[str, list[str]]:
    """Signature blocks printed with the name above its label ("Per Ek Sekreterare Eva Al
    Ordförande …"): a chain of at least three name-label pairs, two kinds of label or more."""
    chain: list[tuple[str, str]] = []
    best: list[tuple[str, str]] = []
    last_end = -1
    for m in _NAME_THEN_ROLE.finditer(text):
        if chain and m.start() - last_end > 3:
            best = max(best, chain, key=len)
            chain = []
        if (lab := LABELS.match(m.group(1))) and lab.end() < len(m.group(1)):
            # "Plats Kommunhuset Ordförande Eva Ek Sekreterare Bo Al …": a field's value before
            # the first label; the row gives each label first and its name after it
            best, chain, last_end = max(best, chain, key=len), [], m.end()
            continue
        name, _ = clean_name(squash(m.group(1)))
        chain.append((m.group(2).lower(), name))
        last_end = m.end()
    best = max(best, chain, key=len)
    if len(best) < 3 or len({role for role, _ in best}) < 2:
        return {}
    out: dict[str, list[str]] = defaultdict(list)
    for role, name in best:
        out["adjusting" if role.startswith("juster") else role].append(name)
    return out


# fields whose dates are not the meeting's
_LATER_DATES = ("adjustment", "posted", "removed", "appeal")
_VICE_CHAIR = re.compile(r"^(?:\d:?[ea]\s+|förste\s+|andre\s+)?vice\s+ordförande\s*:?\s*", re.IGNORECASE)
_NAME_AND_PARTY = re.compile(rf"^(?P<name>{rules.NAME})\s*\((?P<party>{rules.PARTY_CODE})\)\s*$")


def _chairs_listed(value: str) -> list[ParsedPerson]:
    """ "Ordförande: Eva Ek (S)" / "Vice ordförande: Bo Al (M)" with the role word first: the
    attendance list of a protocol that names its presiding members by role. A name with its
    party is a member who serves; a signature line gives no party and is left to the signatures."""
    out = []
    role: str | None = "ordförande"  # the role the next name takes; None: no role pending
    for row in (row.strip() for row in value.split("\n")):
        vice = _VICE_CHAIR.match(row)
        if vice:
            role, row = squash(vice.group(0)).rstrip(" :").lower(), row[vice.end() :]
            if not row:
                continue  # the role on its own line, the name under it
        m = _NAME_AND_PARTY.match(row)
        if role is None or not m:
            break
        name, _ = clean_name(squash(m.group("name")))
        out.append(ParsedPerson(name=name, party=m.group("party").upper(), role=role))
        role = None
    return out


def _signatories(closing: str) -> dict[str, list[str]]:
    """ "Name, ordförande" lines of a signature block after the last § (rules.SIGNATORY), and the
    names under "Vid protokollet" (the secretary) and "Justeras" (chair and justerare)."""
    out: dict[str, list[str]] = defaultdict(list)
    under: str | None = None
    for row in closing.split("\n"):
        m = rules.SIGNATORY.match(row.strip()) or rules.SIGNATORY_ROLE_FIRST.match(row.strip())
        if m:
            _add_signatory(m, out)
            continue
        inline = rules.SIGNED_INLINE.match(row.strip())
        if inline:
            _signed_inline(inline, out)
            continue
        label = rules.SIGNED_UNDER.match(row.strip())
        if label:
            under = _label_role(label)
        elif under and row.strip():
            out[under] += [name for name, _ in _signature_names(re.sub(r"\s{2,}|\t", ", ", row.strip()))]
    return out


def _add_signatory(m: re.Match[str], out: dict[str, list[str]]) -> None:
    """A signatory with a role ("Name, ordförande", "Ordförande Name"), filed under the role."""
    role = m.group("role").lower()
    out["justerare" if role.startswith("juster") else role].append(clean_name(squash(m.group("name")))[0])


def _label_role(m: re.Match[str]) -> str:
    """Whom a "Vid protokollet" / "Justeras" label signs for: the secretary, or a justerare."""
    return "sekreterare" if m.group("label").lower().startswith("vid") else "justerare"


def _signed_inline(m: re.Match[str], out: dict[str, list[str]]) -> None:
    """ "Vid protokollet: Eva Ek, sekreterare" / "Justerat: Bo Al, ordförande   Ida Sjö, justerare":
    each name with its role, or the label's role (the secretary, or a justerare) without one."""
    for part in rules.SIGNATURE_SPLIT.split(m.group("names").strip()):
        signed = rules.SIGNATORY.match(part.strip())
        if signed:
            _add_signatory(signed, out)
        elif part.strip():
            out[_label_role(m)] += [name for name, _ in _signature_names(part.strip())]


def _lone_clock(value: str) -> str | None:
    m = rules.CLOCK.search(value)
    return clock(m.group(1), m.group(2)) if m else None


def _dotted_clock(m: re.Match[str]) -> str:
    """ "kl 17,30-19,45" as "kl 17.30-19.45"."""
    first = f"{m.group(1)}{m.group(2)}{m.group(3)}.{m.group(4)}"
    return f"{first}{m.group(5)}{m.group(6)}.{m.group(7)}" if m.group(5) is not None else first


def read_header(text: str, closing: str = "") -> Header:
    """The header fields of ``text``; ``closing`` is a signature block after the last §, read
    for the chair, secretary and justerare the header does not name."""
    text = normalise_tables(text)
    if "," in text and "kl" in text:  # every match holds both
        text = rules.COMMA_CLOCK.sub(_dotted_clock, text)
    if "\n" in text:
        text = _label_column(text)
    f = read_fields(text)
    name_first = _signatures_name_first(text)
    signed = _signatories(closing) if closing else {}
    attendance: list[AttendanceEntry] = []
    absent_context = False  # "Frånvarande" followed by sub-labels "Ledamöter" / "Ersättare"
    for fld, value in f.order:
        if fld == "chair" and not absent_context:
            attendance += _entries(_chairs_listed(value), AttendanceGroup.MEMBER, serving=True)
        elif fld == "absent":
            absent_context = not value.strip()
            attendance += _entries(
                parse_people(value), AttendanceGroup.MEMBER, serving=False, status=AttendanceStatus.ABSENT
            )
        elif fld in {"members", "serving_substitutes", "substitutes"} and absent_context:
            group = AttendanceGroup.MEMBER if fld == "members" else AttendanceGroup.SUBSTITUTE
            attendance += _entries(parse_people(value), group, serving=False, status=AttendanceStatus.ABSENT)
        elif fld == "members":
            attendance += _entries(parse_people(value), AttendanceGroup.MEMBER, serving=True)
        elif fld == "idle_members":
            attendance += _entries(parse_people(value), AttendanceGroup.MEMBER, serving=False)
        elif fld == "serving_substitutes":
            attendance += _entries(parse_people(value), AttendanceGroup.SUBSTITUTE, serving=True)
        elif fld == "substitutes":
            attendance += _entries(parse_people(value), AttendanceGroup.SUBSTITUTE, serving=False)
        elif fld == "officials":
            absent_context = False
            for p in parse_people(value, officials=True):
                attendance += _entries([p], _official_group(p), serving=False)
        else:
            absent_context = False
    # A person listed twice in one role is one line (the same list repeated on a later page, or
    # in two header spellings); an ersättare who sat in for two ledamöter ("ersätter A § 1",
    # "ersätter B §§ 2–3") is two lines, told apart by whom they replace.
    seen: set[tuple[str, str, bool, str | None]] = set()
    unique = []
    for a in attendance:
        key = (a.name.lower(), a.group.value, a.serving, a.replaces.name.lower() if a.replaces else None)
        if key not in seen:
            seen.add(key)
            unique.append(a)
    attendance = unique + _replaced_members(unique)

    place_time = f.first("place_time") or ""
    start, end = f.find("place_time", lambda v: clock_range(v) if clock_range(v)[0] else None) or (None, None)
    if start is None:
        # "Starttid 09:00" / "Sluttid 11:10": the two ends of the meeting on lines of their own
        start = f.find("start_time", _lone_clock)
        end = f.find("end_time", _lone_clock) if start else None
    if start is None:
        m = re.search(r"\b(?:kl\.?|klockan)\s*\d", text, re.IGNORECASE)
        if m:
            # only a range counts here: a lone "kl 10.00" may be the justering's time
            found = rules.CLOCK_RANGE.search(text[m.start() : m.start() + 40])
            start, end = clock_range(found.group(0)) if found else (None, None)
    head = text.split("ANSLAG")[0][:1500]
    # a line naming the protocol's own meeting outranks the first date of a place and time
    # field, which on a page of meeting dates is a table of them
    own = rules.PROTOCOL_OF_MEETING.search(head) if "rotokoll" in head or "ROTOKOLL" in head else None
    meeting_date = f.find("date", first_date) or (first_date(own.group(0)) if own else None)
    meeting_date = meeting_date or first_date(place_time)
    if meeting_date is None:
        # the first date in the header may be the justering's or the anslag's: skip those
        later = {d for fld in _LATER_DATES for v in f.values.get(fld, []) for _, d in find_dates(v)}
        # a web page's own date ("Publicerad 24 juni 2025") is the day it was put up
        later |= {d for m in rules.PUBLISHED_DATE.finditer(head) for _, d in find_dates(m.group(0))}
        later |= {d for m in rules.LATER_DATES_SENTENCE.finditer(head) for _, d in find_dates(m.group(0))}
        meeting_date = next((d for _, d in find_dates(head) if d not in later), None)
    adjournments = [
        Adjournment(start=clock(m.group(1), m.group(2)), end=clock(m.group(3), m.group(4)))
        for m in _ADJOURNMENT.finditer(text)
    ]
    meeting = Meeting(
        date=meeting_date,
        start=start,
        end=end,
        place=f.find("place_time", _place),
        adjournments=adjournments[:10],
    )

    known = [a.name for a in attendance]
    # who chaired this meeting ("vice ordförande (mötesordförande)") before who holds the post,
    # and never a chair listed as away
    present = [a for a in attendance if a.role and a.status != AttendanceStatus.ABSENT]
    chairs = [a for a in present if _ACTING_CHAIR.search(a.role or "")] or [
        a for a in present if re.match(r"^(?:ordförande|ordf\.?)$", (a.role or "").strip(), re.I)
    ]
    # the attendance list names the chair explicitly; signature labels may sit under the wrong name
    chair_name = (
        chairs[0].name
        if chairs
        else (
            name_first["ordförande"][0]
            if name_first.get("ordförande")
            else _match_known(f.find("chair", _first_name), known)
        )
    )
    if chair_name is None:
        chair_name = _chair_from_signature_row(f)
    if chair_name is None:
        m = re.search(
            rf"({rules.NAME})\s*(?:\([A-ZÅÄÖa-zåäö]{{1,5}}\))?,\s*ordförande\b", f.first("signatures") or ""
        )
        chair_name = clean_name(m.group(1))[0] if m else None
    if chair_name is None:
        chairs = [
            a for a in attendance if a.role and re.match(r"^(?:ordförande|ordf\.?)$", a.role.strip(), re.I)
        ]
        chair_name = chairs[0].name if chairs else None
    if chair_name is None and signed.get("ordförande"):
        chair_name = _match_known(signed["ordförande"][0], known)
    # "Justeras" over one row of signatures: "Gunnar Holm, ordf.    Lars Öhman    Eva Nordin"
    row = f.find("adjusting", _signed_row) if chair_name is None else None
    if row:
        chair_name = _match_known(row[0], known)
    chair = _person(chair_name, attendance, role="ordförande")
    sec_name = (
        name_first["sekreterare"][0]
        if name_first.get("sekreterare")
        else _match_known(f.find("secretary", _first_name), known)
    )
    if sec_name is None and signed.get("sekreterare"):
        sec_name = signed["sekreterare"][0]  # a signature names the secretary; a role cell may guess
    if sec_name is None:
        # a meeting's secretary, not a socialsekreterare who reported on a §
        secs = [a for a in attendance if a.role and re.search(r"(?<!social)sekreterare|sekr\b", a.role, re.I)]
        sec_name = secs[0].name if secs else None
    secretary = _person(sec_name, attendance)

    names = [(n, None) for n in name_first.get("adjusting", [])] or split_names(f.first("adjusters") or "")
    if not names and row:
        names = [(n, None) for n in row[1]]
    if not names:
        names = f.find("adjusting", lambda v: _signature_names(v) or None) or []
    if not names:
        names = [(n, None) for n in signed.get("justerare", [])]
    if not names and (said := rules.ADJUSTERS_SENTENCE.search(text)):
        names = split_names(said.group("names"))
    adjusters = _adjusters(
        names,
        known,
        chair,
        {a.name for a in attendance if a.group in (AttendanceGroup.MEMBER, AttendanceGroup.SUBSTITUTE)},
    )

    adjustment = None
    adj_text = f.find("adjustment", lambda v: v if re.search(r"[^\W_]", v) else None)
    if adj_text:
        a_start, _ = clock_range(adj_text)
        a_place = _place(adj_text)
        digital = re.search(r"digital|elektronisk|e-signer|bankid", adj_text, re.IGNORECASE)
        if digital:
            a_place = None
        adjustment = Adjustment(
            date=first_date(adj_text),
            time=a_start,
            place=a_place,
            method=AdjustmentMethod.DIGITAL if digital else None,
            signed_by=[
                p for p in [chair, *(a.model_copy(update={"role": "justerare"}) for a in adjusters)] if p
            ],
        )
    notice = _notice(f)
    organ = None
    org = f.first("organ")
    if org:
        organ = squash(org.split("\n")[0])
        organ = re.split(r"\s+(?=\d{4}-|Sammanträdes|\d{1,2}\s+\w+\s+\d{4})", organ)[0].strip(" ,:") or None
    paragraphs = f.find("paragraphs", lambda v: paragraph_ranges(v) or None) or []
    return Header(meeting, chair, secretary, adjusters, attendance, adjustment, notice, organ, paragraphs, f)


def _signature_names(value: str) -> list[tuple[str, str | None]]:
    """Names under "Justerande": side by side on a flattened line, two-word names are the norm,
    so a run of four capitalised words is two people ("Gösta Dal Viveca Ek")."""
    out: list[tuple[str, str | None]] = []
    for name, party in split_names(value):
        words = name.split()
        if len(words) == 4 and all(w[:1].isupper() for w in words):
            out += [(" ".join(words[:2]), party), (" ".join(words[2:]), party)]
        else:
            out.append((name, party))
    return out


_ROW_CHAIR = re.compile(rf"^(?P<name>{rules.NAME})\s*,\s*(?:ordf\.?|ordförande)$", re.IGNORECASE)
_ROW_NAME = re.compile(rf"^{rules.NAME}$")


def _signed_row(value: str) -> tuple[str, list[str]] | None:
    """One row of signatures under "Justeras", apart by column gaps, the chair's marked "ordf." or
    "ordförande": the chair's name and the others' (the justerare)."""
    cells = [c.strip() for c in rules.SIGNATURE_SPLIT.split(value.split("\n", 1)[0].strip()) if c.strip()]
    chairs = [m.group("name") for c in cells if (m := _ROW_CHAIR.match(c))]
    others = [c for c in cells if _ROW_NAME.match(c)]
    if len(chairs) != 1 or len(chairs) + len(others) != len(cells):
        return None
    return clean_name(chairs[0])[0], [clean_name(c)[0] for c in others]


def _chair_from_signature_row(f: HeaderFields) -> str | None:
    """ "Ordförande Justerande Name (S) Other (M)": labels in a row, names in the next row."""
    for k, (fld, value) in enumerate(f.order[:-1]):
        if fld == "chair" and not value.strip() and f.order[k + 1][0] in {"adjusting", "adjusters"}:
            names = split_names(f.order[k + 1][1])
            if len(names) >= 2:
                return names[0][0]
    return None


def chosen_adjusters(header: Header, decisions: list[str]) -> list[Person]:
    """The justerare a § elects ("Nämnden utser Eva Ek (S) att justera protokollet"), for a
    protocol whose header does not name them: the first of ``decisions`` that elects any."""
    known = [a.name for a in header.attendance]
    for decision in decisions:
        m = rules.ADJUSTERS_CHOSEN.search(decision) or rules.ADJUSTERS_SENTENCE.search(decision)
        out = _adjusters(split_names(m.group("names")), known, header.chair) if m else []
        if out:
            return out
    return []


def _adjusters(
    names: list[tuple[str, str | None]],
    known: list[str],
    chair: Person | None,
    members: set[str] | None = None,
) -> list[Person]:
    """The justerare among ``names``, spelt as the attendance list spells them: never the chair, a
    role word ("Ordföranden"), an initial or a word in capitals."""
    out = []
    for name, party in names:
        name = _run_on_cut(_match_known(name, known) or name, known)
        if chair and name.lower() == chair.name.lower():
            continue
        if name.lower().startswith("ordför") or len(name) < 4 or name.isupper() or not name[:1].isupper():
            continue
        try:
            out.append(Person(name=name, party=party))
        except ValueError:
            continue
    if members is not None and any(p.party for p in out) and any(not p.party for p in out):
        # "Utses att justera" over a flattened column of officials ("Rune Brandt,
        # förvaltningschef …, Nils Svensson (M) och Johnny Nilsson (S)"): a justerare is a member;
        # one with neither a party nor a place in the list of members is someone else
        out = [p for p in out if p.party or p.name in members]
    return out


# a word a flattened page runs on after the last justerare's name: the next section's heading
_RUN_ON_WORD = frozenset(
    [
        "närvaro",
        "närvarande",
        "beslutande",
        "ledamöter",
        "paragrafer",
        "underskrifter",
        "justering",
        "anslag",
        "bevis",
    ]
)


def _run_on_cut(name: str, known: list[str]) -> str:
    """A justerare's name without what a flattened page ran on after it ("Roger Åström Närvaro",
    "Oskar Lindvall ANSLAG"): the attendance list's name it starts with, or the name less a last
    word in capitals or a section's heading."""
    for k in known:
        if name.startswith(k + " "):
            return k
    words = name.split()
    if len(words) > 2 and (
        words[-1].lower() in _RUN_ON_WORD
        or (words[-1].isupper() and len(words[-1]) > 2 and not words[0].isupper())
    ):
        return " ".join(words[:-1])
    return name


def _match_known(name: str | None, known: list[str]) -> str | None:
    """A signature may write "Surname Firstname"; prefer the attendance list's spelling."""
    if not name:
        return None
    tokens = sorted(name.lower().split())
    for k in known:
        if sorted(k.lower().split()) == tokens:
            return k
    return name


def _person(name: str | None, attendance: list[AttendanceEntry], role: str | None = None) -> Person | None:
    if not name:
        return None
    for a in attendance:
        if a.name == name:
            own = a.role if a.role and not re.search(r"ordf|vice", a.role, re.IGNORECASE) else None
            return Person(name=a.name, party=a.party, role=role or own)
    try:
        return Person(name=name, role=role)
    except ValueError:
        return None


def _notice(f: HeaderFields) -> Notice | None:
    posted_dates = f.find("posted", lambda v: find_dates(v) or None) or []
    posted = posted_dates[0][1] if posted_dates else None
    removed = f.find("removed", first_date)
    if removed is None and len(posted_dates) > 1:
        removed = posted_dates[1][1]  # "Tid för anslag 2019-02-05 – 2019-02-27"
    storage = f.first("storage")
    if storage:
        storage = squash(storage.split("\n")[0]).strip(" ,.") or None
        if storage and len(storage) > 150:
            storage = storage[:150]
    appeal = f.find("appeal", first_date)
    if not any((posted, removed, storage, appeal)):
        return None
    return Notice(posted=posted, removed=removed, storage=storage, appeal_deadline=appeal)
