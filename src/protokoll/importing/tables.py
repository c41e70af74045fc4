"""Attendance tables in the header, rewritten as the labelled lines the header reader knows.

Four shapes that a text extraction leaves of a table:

* rows with "|" between the cells ("Bo Ek | C | Ordförande") — the cells become tab-separated;
* a table flattened into a run of cells, one per line ("Namn" / "Parti" / "Roll" / "Bo Ek" /
  "C" / "Ordförande" …) — the cells are joined back into tab-separated rows;
* a närvarolista with X marks in columns (Namn | Parti | Ledamot | Ersättare | Närvarande |
  Tjänstgör för, or Ledamot | Ersättare | Närvarande with names in both columns) — each row is
  decided (serving, present ersättare, absent) and written under the matching header label
  ("Beslutande", "Tjänstgörande ersättare", "Ej tjänstgörande ersättare", "Frånvarande");
* a table that pairs each ledamot with her ersättare, each half with its own presence column
  ("Ordinarie ledamot | Parti | Närv. | Ersättare | Parti | Närv.", marks "X" and "Tjg").

Rows are read by column position, so a mark counts for the column it stands under. The rewrite
keeps everything else of the text as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from protokoll.importing import rules

# header cells of attendance tables, by what the column holds
_COLUMN_KINDS = (
    ("replaces", re.compile(r"^(?:tjänstgör\s+för|tjg\.?\s+för|ersätter|i\s+stället\s+för|istället\s+för)$")),
    ("name", re.compile(r"^(?:namn|ledamot/ersättare|ledamöter\s+och\s+ersättare)$")),
    ("party", re.compile(r"^(?:parti|partibeteckning)$")),
    ("member", re.compile(r"^(?:ledamot|ledamöter|ordinarie(?:\s+ledamot)?)$")),
    ("substitute", re.compile(r"^(?:ersättare|tjänstgörande\s+ersättare)$")),
    ("present", re.compile(r"^(?:närvarande|närv\.?|närvaro|närvarolista|deltagande)(?:\s*§§?)?$")),
    ("serving", re.compile(r"^(?:tjänstgör|tjänstgörande|tjg\.?)(?:\s*§§?)?$")),
    ("absent", re.compile(r"^(?:frånvarande|frånv\.?)$")),
    ("role", re.compile(r"^(?:roll|funktion|uppdrag)$")),
    ("vote", re.compile(r"^(?:ja|nej|avstår|avstod)$")),
    # a presence column for some of the §§ in a grid with one column per group of §§
    ("span", re.compile(r"^§§?\s*\d{1,4}(?:\s*[–-]\s*\d{1,4})?$")),
    ("note", re.compile(r"^(?:anmärkning|anmärkningar|kommentar|notering|noteringar)$")),
)
_CELL = re.compile(r"\S+(?: \S+)*")
# a presence mark, which may carry the §§ the person was there for ("X §§ 31–34")
_MARK = re.compile(r"^[Xx✓✔](?:\s+(?P<paragraphs>§§?\s*\d[\d\s,–\-]*))?$")
_PERSON = re.compile(
    rf"^(?:[^\s(]{{1,12}}\.?\s+)*?(?P<name>{rules.NAME})\s*(?:\((?P<party>{rules.PARTY_CODE})\))?"
    r"(?:\s*,\s*(?P<role>[a-zåäö][\w:.\- ]{1,40}))?$"
)
# a presence column that says it in words: "Närvarande", "Närv.", "Deltar"; anything else
# there ("Frånvarande", "Förhinder") is no mark
# "På plats", "Distans (Teams)", "Deltar digitalt": in the room or on a link, present either way
_PRESENT_WORD = re.compile(
    r"^(?:närvarande|närv\.?|deltar|deltog|ja|ledamot|på\s+plats|(?:på\s+)?distans|(?:deltar\s+)?digitalt)"
    r"(?:\s*\(.*\)|\s+via\s+\w+)?$",
    re.IGNORECASE,
)
# a presence column that gives the role of whoever is there: "Ordförande", "Vice ordförande"
_PRESENT_ROLE = re.compile(r"^(?:(?:\d:?[ea]\s+)?(?:förste\s+|andre\s+)?vice\s+)?ordförande$", re.IGNORECASE)
# a table under a label of its own that says whose rows it holds: "Ersättare", "Ersättare:"
_SUBSTITUTES_LABEL = re.compile(r"^\s*(?:ersättare|närvarande\s+ersättare)\s*:?\s*$", re.IGNORECASE)
# Presence written in words instead of marks, in a presence, tjänstgör, note or role cell: "Ja",
# "Ja, för Ove Dahl (M)", "Nej, frånvarande", "Ej tjänstgörande", "Tjänstgörande ersättare för
# X", "Tjänstgör i § 95 för X", or the §§ the person was there for ("112–119", "§§ 61–63")
_WORD_ABSENT = re.compile(
    r"^(?:nej\s*,?\s*)?(?:frånvarande|frånv\.?|[–-]|anmält\s+förhinder|förhinder|(?:ej|inte)\s+närvarande)$",
    re.IGNORECASE,
)
# "Ej tjänstgörande", or after how the ersättare took part: "Distans via Teams, ej tjänstgörande"
_WORD_NOT_SERVING = re.compile(
    r"^(?:ersättare\s*,?\s*|[^,]{1,40},\s*)?(?:nej|ej\s+tjänstgörande|inte\s+tjänstgörande|ej\s+tjg\.?)$",
    re.IGNORECASE,
)
_WORD_SERVING = re.compile(
    r"^(?:ersättare\s*,\s*)?(?:(?:ja|tjänstgör|tjänstgörande)(?:\s+ersättare)?\s*,?\s*"
    r"(?:för\s+(?P<replaces>.+?)|(?:i\s+)?§§?\s*\d.*)?|ersätter\s+(?P<instead>.+?))$",
    re.IGNORECASE,
)
_WORD_PARAGRAPHS = re.compile(
    r"^(?:§§?\s*)?\d{1,4}(?:\s*[–-]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[–-]\s*\d{1,4})?)*$"
)
# a role cell that makes the row an ersättare's ("Ersättare", "Tjänstgörande ersättare för X")
_SUBSTITUTE_ROLE = re.compile(r"\bersättare\b", re.IGNORECASE)


def _presence_words(cells: dict[str, str]) -> tuple[bool | None, bool | None, str | None]:
    """(present, serving, replaces) as the row's cells say them in words; None where none does."""
    present = serving = replaces = None
    for kind in ("present", "serving", "note", "role"):
        text = " ".join(cells.get(kind, "").split())
        if not text or _MARK.match(text):
            continue
        if _WORD_ABSENT.match(text):
            present, serving = False, False
        elif _WORD_NOT_SERVING.match(text):
            present, serving = True, False
        elif m := _WORD_SERVING.match(text):
            present, serving = True, True
            replaces = (m.group("replaces") or m.group("instead") or "").strip() or replaces
        elif kind != "role" and _WORD_PARAGRAPHS.match(text):
            present = True
            if kind == "serving":
                serving = True  # "Tjänstgör §§ | 14–17": serving for the §§ given
    return present, serving, replaces


def _said_in_cell(role: str | None) -> tuple[bool | None, bool | None]:
    """(present, serving) as the words after a name in its cell say them ("Tomas Frisk (M),
    närvarande", "Mirja Laine (S), tjänstgör", "Pontus Rehn (S), frånvarande"): the words of a
    presence column, or "närvarande" alone; None where they say neither (a role such as
    "ordförande", or nothing)."""
    present, serving, _ = _presence_words({"note": role or ""})
    if present is None and role and _PRESENT_WORD.match(role):
        present = True
    return present, serving


# the mark of an ersättare who serves, in a table whose "X" means present only
_SERVING_MARK = re.compile(r"^(?:tjg|tj|t)\.?$", re.IGNORECASE)


# one pass instead of one per kind; the alternatives keep the table's order, so the first kind
# that matches still wins (each is anchored at both ends and holds no named group of its own)
_ANY_KIND = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _COLUMN_KINDS))


def _kind(cell: str) -> str | None:
    m = _ANY_KIND.match(" ".join(cell.lower().split()))
    return m.lastgroup if m else None


def _cells(line: str) -> list[tuple[int, str]]:
    """(start column, text) of each cell: cells are separated by a tab or two spaces or more."""
    if "\t" in line:
        out, pos = [], 0
        for part in line.split("\t"):
            if part.strip():
                out.append((pos, part.strip()))
            pos += 1000  # tab-separated: the cell's order is its column
        return out
    return [(m.start(), m.group(0)) for m in _CELL.finditer(line)]


# ---------------------------------------------------------------- pipes and runs of cells


# the rule under a table's head row, as plain text and Markdown draw it: "-----+-----", "|---|:--:|"
_RULE_ROW = re.compile(r"^[ \t|+:=-]*-{3}[ \t|+:=-]*$")


def _pipes(text: str) -> str:
    if "|" not in text:
        return text
    out = []
    for line in text.split("\n"):
        if _RULE_ROW.match(line) and ("+" in line or "|" in line):
            continue  # no cells: it would end the table it underlines
        if line.count("|") >= 2 and not rules.FURNITURE_LINES[0].pattern.match(line.strip()):
            line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append(line)
    return "\n".join(out)


def _cell_runs(text: str) -> str:
    """ "Namn" / "Parti" / "Roll" on lines of their own, then the cells row by row."""
    if "Namn\n" not in text and "NAMN\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].strip().lower() != "namn":
            out.append(lines[i])
            i += 1
            continue
        head = [lines[i].strip()]
        j = i + 1
        while j < len(lines) and len(head) < 6 and _kind(lines[j].strip()) not in (None, "name"):
            head.append(lines[j].strip())
            j += 1
        width = len(head)
        if width < 2:
            out.append(lines[i])
            i += 1
            continue
        rows = []
        while j + width <= len(lines):
            cells = [c.strip() for c in lines[j : j + width]]
            if not all(cells) or not _PERSON.match(cells[0]) or _kind(cells[0]):
                break
            if _kind(head[1]) == "party" and not re.fullmatch(rules.KNOWN_PARTY_RE, cells[1].upper()):
                break
            rows.append("\t".join(cells))
            j += width
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        out.append("\t".join(head))
        out += rows
        i = j
    return "\n".join(out)


# ---------------------------------------------------------------- närvarolista with marks


@dataclass
class _Row:
    name: str
    party: str | None
    role: str | None
    serving: bool
    present: bool
    substitute: bool
    replaces: str | None


# a labelled header line ("Sekreterare: Olle Sander", "Övriga: …"): a name never has a colon
# after its first word
_LABEL_LINE = re.compile(rf"^[{rules.UP}][{rules.LOW}]+(?:[ ][{rules.LOW}]+){{0,3}}\s*:")


# the marks of a grid with one presence column per group of §§: "T" serving, "N" present without
# serving, "–" absent (and "X" present)
_GRID_MARK = re.compile(r"^(?:[TtNnXx✓✔]|tjg|tj|[–-])\.?$", re.IGNORECASE)


def _grid_presence(marks: list[str]) -> tuple[bool, bool] | None:
    """(present, serving) from the marks of a row's presence columns ("T T", "N T", "– –"):
    serving for any group of §§ is serving at the meeting."""
    if not marks or not all(_GRID_MARK.match(m) for m in marks):
        return None
    serving = any(_SERVING_MARK.match(m) for m in marks)
    return serving or any(m.upper() in {"N", "X", "✓", "✔"} for m in marks), serving


def _column_of(starts: list[int], pos: int) -> int:
    return min(range(len(starts)), key=lambda k: abs(starts[k] - pos))


def _person(cell: str) -> tuple[str, str | None, str | None] | None:
    role = None
    m = rules.LEADING_CHAIR_ROLE.match(cell)
    if m:
        role, cell = m.group("role"), cell[m.end() :]
    p = _PERSON.match(cell)
    if not p:
        return None
    return p.group("name"), (p.group("party") or "").upper() or None, role or p.group("role")


def _paired_split(kinds: list[str | None]) -> int | None:
    """The ersättare column of a table that pairs each ledamot with her ersättare, each half
    with a presence column of its own ("Ordinarie ledamot | Parti | Närv. | Ersättare | Parti |
    Närv."); None for other tables, where a presence column after the ersättare is the seat's."""
    if "member" not in kinds or "substitute" not in kinds:
        return None
    split = kinds.index("substitute")
    return split if "present" in kinds[:split] and "present" in kinds[split:] else None


def _paired_rows(cells: dict[str, str]) -> list[_Row]:
    """A ledamot and her ersättare from one row of a paired table: an empty mark is absence,
    "Tjg" an ersättare who serves, "X" one who is there without serving."""
    who = _person(cells["member"])
    if who is None:
        return []
    name, party, role = who
    present = bool(_MARK.match(cells.get("present", "")))
    rows = [
        _Row(name, party or (cells.get("party") or "").upper() or None, role, present, present, False, None)
    ]
    sub = _person(cells["substitute"]) if cells.get("substitute") else None
    mark = cells.get("sub_present", "")
    serving = bool(_SERVING_MARK.match(mark))
    if sub and (serving or _MARK.match(mark)):
        sub_party = sub[1] or (cells.get("sub_party") or "").upper() or None
        rows.append(_Row(sub[0], sub_party, None, serving, True, True, name if serving else None))
    return rows


def _marked_rows(
    head: list[tuple[int, str]], kinds: list[str | None], body: list[str], *, substitutes: bool = False
) -> tuple[list[_Row], int]:
    """The rows under ``head`` and how many lines they take: the table ends at the first line
    that is not a row of it. ``substitutes``: the table stands under an "Ersättare" label."""
    starts = [pos for pos, _ in head]
    split = _paired_split(kinds)
    rows: list[_Row] = []
    used = 0
    labelled = substitutes
    # (or, in a grid, they come under the table's own "Ersättare  Parti" row)
    for line in body:
        if _LABEL_LINE.match(line):
            break  # "Ordförande: Ewa Hjort" under the table is a header field, not a row
        before = len(rows)
        cells: dict[str, str] = {}
        spans: list[str] = []
        for pos, text in _cells(line):
            column = _column_of(starts, pos)
            kind = kinds[column]
            if kind and split is not None and column > split:
                kind = f"sub_{kind}"  # the ersättare's own party and mark
            if kind == "span":
                spans.append(text)
            elif kind and kind not in cells:
                cells[kind] = text
        if "span" in kinds and not substitutes and _kind(cells.get("member", "")) == "substitute":
            substitutes = True  # the ersättare follow under a row of their own
            used += 1
            continue
        grid = _grid_presence(spans)
        mark = {k for k, v in cells.items() if _MARK.match(v)}
        if _PRESENT_WORD.match(cells.get("present", "")):
            mark.add("present")  # the presence written out ("Närvarande" / "Frånvarande")
        seated_role = cells.get("present") if _PRESENT_ROLE.match(cells.get("present", "")) else None
        if seated_role is None and "," in cells.get("present", ""):
            # "Närvarande, ordförande": the presence in words, then the role in the meeting
            word, _, after = cells["present"].partition(",")
            if _PRESENT_WORD.match(word.strip()) and _PRESENT_ROLE.match(after.strip()):
                seated_role = after.strip()
        if seated_role:
            mark.add("present")  # "Ordförande" in the presence column: there, in that role
        if "name" in cells:
            who = _person(cells["name"])
            if who is None:
                break
            name, party, role = who
            role = role or seated_role
            party = party or (cells.get("party") or "").upper() or None
            substitute = labelled or ("substitute" in mark and "member" not in mark)
            present = "present" in mark or ("present" not in kinds and bool(mark - {"absent"}))
            present = present and "absent" not in mark
            replaces = cells.get("replaces") if not _MARK.match(cells.get("replaces", "X")) else None
            said_present, said_serving, said_replaces = _presence_words(cells)
            if _SUBSTITUTE_ROLE.search(cells.get("role", "")):
                substitute, role = True, None
            elif _SUBSTITUTE_ROLE.search(cells.get("present", "")):
                substitute = True  # "Tjänstgörande ersättare", "Ersättare, ej tjänstgörande"
            elif cells.get("role") and not role and not _presence_words({"role": cells["role"]})[1]:
                role = cells["role"]
            if said_present is not None and not mark:
                present = said_present
            replaces = replaces or said_replaces
            serving = present and (not substitute or bool(replaces) or "serving" in mark)
            if said_serving is not None and present:
                serving = said_serving or bool(replaces)
            rows.append(_Row(name, party, role, serving, present, substitute, replaces))
        elif split is not None and "member" in cells:
            rows.extend(_paired_rows(cells))
        elif "member" in cells and not _MARK.match(cells["member"]):
            # names in the ledamot column; a name in the ersättare column sits in that seat
            who = _person(cells["member"])
            if who is None:
                break
            name, party, role = who
            party = party or (cells.get("party") or "").upper() or None
            present = "present" in mark
            sub = _person(cells.get("substitute", "")) if cells.get("substitute") else None
            role = _with_paragraphs(role, cells.get("present"))
            if not mark and not grid and not ({"present", "span"} & set(kinds)):
                rows.extend(_said_rows(name, party, role, sub))
            elif sub:
                # the presence cell is the seat's ("X"), or the ledamot's in words: "Nej" or
                # "Frånvarande" beside an ersättare's name is the seat taken by the ersättare
                said = " ".join(cells.get("present", "").split())
                seat = present or bool(_WORD_ABSENT.match(said)) or said.lower() == "nej"
                rows.append(_Row(name, party, role, False, False, False, None))
                rows.append(_Row(sub[0], sub[1], None, seat, seat, True, name))
            elif grid:
                rows.append(_Row(name, party, role, grid[1], grid[0], substitutes, None))
            else:
                rows.append(_Row(name, party, role, present, present, False, None))
        if len(rows) == before:
            break
        used += 1
    return rows, used


def _said_rows(
    name: str, party: str | None, role: str | None, sub: tuple[str, str | None, str | None] | None
) -> list[_Row]:
    """A row of a table with no presence column and no mark: each cell says it after the name
    ("Karin Åberg (S), ordförande" is there, "…, frånvarande" is not), and an ersättare is there
    only when hers says so ("…, närvarande"; "…, tjänstgör" in the row's seat)."""
    said, _ = _said_in_cell(role)
    rows = [
        _Row(name, party, role if said is None else None, said is not False, said is not False, False, None)
    ]
    sub_present, sub_serving = _said_in_cell(sub[2]) if sub else (None, None)
    if sub and sub_present:
        rows.append(_Row(sub[0], sub[1], None, bool(sub_serving), True, True, name if sub_serving else None))
    return rows


def _with_paragraphs(role: str | None, mark: str | None) -> str | None:
    """The role cell with the §§ of a presence mark ("X §§ 31–34") after it."""
    m = _MARK.match(mark or "")
    if not (m and m.group("paragraphs")):
        return role
    return f"{role}, {m.group('paragraphs')}" if role else m.group("paragraphs")


def _two_columns(head: list[tuple[int, str]], body: list[str]) -> tuple[list[str], list[str], int]:
    """Cells of a "Ledamöter   Ersättare" table, per column, up to the first line that is no row."""
    split = head[1][0]
    left: list[str] = []
    right: list[str] = []
    used = 0
    for line in body:
        cells = _cells(line)
        if not cells or not _person(cells[0][1].split(",")[0]) or len(cells) > 2:
            break
        for pos, text in cells:
            (left if pos < split - 4 else right).append(text)
        used += 1
    return left, right, used


def _render(rows: list[_Row]) -> str:
    def entry(r: _Row) -> str:
        party = f" ({r.party})" if r.party else ""
        tail = f", {r.role.lower()}" if r.role else ""
        tail += f", tjänstgör för {r.replaces}" if r.replaces else ""
        return f"{r.name}{party}{tail}"

    groups = (
        ("Beslutande", [r for r in rows if r.serving and not r.substitute]),
        ("Tjänstgörande ersättare", [r for r in rows if r.serving and r.substitute]),
        ("Ej tjänstgörande ersättare", [r for r in rows if r.present and not r.serving and r.substitute]),
        ("Frånvarande", [r for r in rows if not r.present and not r.substitute]),
    )
    return "\n".join(f"{label}\n" + "\n".join(map(entry, people)) for label, people in groups if people)


def _marks(text: str) -> str:
    if "X" not in text and "x" not in text and "rsättare" not in text:
        return text  # neither marks nor an ersättare column
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        # the shortest head row read is "Ledamöter<TAB>Ersättare" (19 characters)
        head = _cells(lines[i]) if len(lines[i]) >= 12 else []
        if len(head) < 2:
            # both table shapes below need two cells or more: no need to name a single cell
            out.append(lines[i])
            i += 1
            continue
        kinds = [_kind(c) for _, c in head]
        known = {k for k in kinds if k}
        if kinds == ["member", "substitute"]:
            # ledamöter and ersättare side by side: each column goes under its own label
            left, right, used = _two_columns(head, lines[i + 1 : i + 200])
            if len(left) >= 2:
                out.append(
                    "Beslutande\n" + "\n".join(left) + ("\nErsättare\n" + "\n".join(right) if right else "")
                )
                i += 1 + used
                continue
        substitutes_first = kinds[0] == "substitute" and bool({"serving", "present"} & known)
        if substitutes_first:
            # "Ersättare | Parti | Tjänstgör": a table (or the second part of one) of ersättare
            kinds = ["name", *kinds[1:]]
            known.add("name")
        if (
            len(head) < 3
            or not ({"name", "member"} & known)
            or not ({"present", "substitute", "serving", "span"} & known)
        ):
            out.append(lines[i])
            i += 1
            continue
        above = next((ln for ln in reversed(out) if ln.strip()), "")
        rows, used = _marked_rows(
            head,
            kinds,
            lines[i + 1 : i + 400],
            substitutes=substitutes_first or bool(_SUBSTITUTES_LABEL.match(above)),
        )
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out.append(_render(rows))
        i += 1 + used
    return "\n".join(out)


# a cell that is nothing but the label of a field with one value ("Sammanträdesdag", "Plats",
# "Ordförande", "Justerare"); the lists of members, ersättare and officials are tables of their own
_ONE_VALUE_FIELDS = {
    "organ", "date", "start_time", "end_time", "place_time", "adjusters", "adjustment", "paragraphs",
    "secretary", "chair", "adjusting",
}  # fmt: skip
_FIELD_LABEL_CELL = re.compile(
    "|".join(f"(?:{f.words})" for f in rules.HEADER_FIELDS if f.field in _ONE_VALUE_FIELDS)
)


def _label_rows(text: str) -> str:
    """A table of header fields laid across the page, a row of labels over a row of their values
    ("Ordförande<TAB>Sekreterare<TAB>Justerare" / "Gunnel Örn<TAB>Henrik Blom<TAB>Maria
    Håkansson, Oscar Leander", "Sammanträdesdag<TAB>Tid<TAB>Plats" / …): each label is written
    with its value on a line of its own, as the header reader reads a field. Only when every
    cell of the first row is a label and the row below has a value with a letter or digit in each
    of as many cells, so an attendance table ("Namn<TAB>Parti") is left alone."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = lines[i].split("\t")
        if 2 <= len(cells) <= 5 and i + 1 < len(lines):
            values = lines[i + 1].split("\t")
            if (
                len(values) == len(cells)
                and all(_FIELD_LABEL_CELL.fullmatch(c.strip()) for c in cells)
                and all(any(ch.isalnum() for ch in v) for v in values)
                and not any(_FIELD_LABEL_CELL.fullmatch(v.strip()) for v in values)
            ):
                out += [f"{c.strip()}: {v.strip()}" for c, v in zip(cells, values, strict=True)]
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def normalise_tables(text: str) -> str:
    """The header text with its attendance tables in the shapes the header reader reads."""
    if "\t" in text:
        text = _label_rows(text)
    return _marks(_cell_runs(_pipes(text)))
