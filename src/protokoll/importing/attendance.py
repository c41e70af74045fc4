"""Attendance lines: people with party, role, § ranges, remote flag and whom they replace.

Shapes read (rules in ``rules.py``), one per line or many on one flattened line:
"Name (S), ordförande", "Name, ordf. (C)", "Name, S, Ordförande", "S Name", "Name, ordf m x"
(lower-case party with a presence mark), "Name (S) §§ 26 - 42", "Name (M) tjänstgör §136",
"Name (S) för Other (S)", "Name, M, via länk", "Name, förvaltningschef, § 56".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from protokoll.importing import rules
from protokoll.importing.values import paragraph_ranges, squash

_ROLE0 = r"(?:\d:?[ea]\s+)?(?:vice\s+|v\.?\s*)?ordf(?:örande)?\.?"
# a party column, a comma list or the parentheses after a name may write the party out
# ("Socialdemokraterna", "Anna Ek (Miljöpartiet de gröna)")
_PARTY_WRITTEN = "|".join(sorted((name.capitalize() for name in rules.PARTY_NAMES), key=len, reverse=True))
PAREN_ANCHOR = re.compile(
    rf"(?P<name>{rules.NAME})(?:\s*,\s*(?P<role0>{_ROLE0}))?\s*\(\s*(?P<party>{_PARTY_WRITTEN}|{rules.PARTY_CODE})\s*\)"
)
COMMA_ANCHOR = re.compile(
    rf"(?P<name>{rules.NAME})\s*,\s*(?P<party>{rules.KNOWN_PARTY_RE}|{_PARTY_WRITTEN})(?=\s*(?:,|;|$|\n|\s+[A-ZÅÄÖ§\d]|\s+via\b))"
)
LOWER_ANCHOR = re.compile(
    rf"^(?P<name>{rules.NAME})(?:\s*,\s*(?P<role0>(?:v\.?\s*)?ordf\.?|(?:vice\s+)?ordförande))?\s+"
    r"(?P<party>s|m|c|fp|kd|v|mp|sd|l|mp)\b(?=\s+x\b|\s*$)",
    re.MULTILINE,
)
PARTY_FIRST = re.compile(
    rf"^(?P<party>{rules.KNOWN_PARTY_RE})\s+(?P<name>{rules.NAME})(?P<tail>[^\n]*)$", re.MULTILINE
)
_PARTY_FIRST_REPLACES = re.compile(
    rf"(?:tjg|tjänstgör|ersätter|för)\s+(?:för\s+)?({rules.NAME})\s*,\s*({rules.KNOWN_PARTY_RE})\b"
)
OFFICIAL = re.compile(
    # a role may open with an acronym: "HR-chef", "IT-strateg", "VA-ingenjör"
    rf"(?P<name>{rules.NAME})\s*,\s*(?P<role>(?:[A-ZÅÄÖ]{{1,5}}-)?[a-zåäö][^A-ZÅÄÖ§\n]{{0,80}}?(?:[A-ZÅÄÖ][a-zåäö]+[^A-ZÅÄÖ§\n]{{0,40}}?)?)"
    r"(?P<par>,?\s*§§?\s*[\d\s,\-–]+(?:och\s+\d+)?)?(?=\s+[A-ZÅÄÖ]|\s*$)"
)
_NOT_NAME_START = {
    "ledamöter", "ledamot", "ersättare", "tjänstgörande", "beslutande", "övriga", "närvarande", "ordförande",
    "ordf", "vice", "justerare", "sekreterare", "frånvarande", "tjänstepersoner", "tjänstemän", "ej", "kl", "se",
    "enligt", "protokoll", "ordinarie", "deltagande", "deltagare", "utses", "paragrafer", "ledamöterna", "och",
    "tjg", "tjänstgör", "för", "ersätter", "närvaro", "insynsplats", "partiföreträdare", "adjungerad",
    "förvaltningen", "nämndsekreterare", "socialchef", "tf", "tf.", "administrativ", "utredare",
    # the head row of an attendance or vote table a flattened page ran into the first name ("Namn
    # Parti Roll Anna Ek S Ordförande", "Ja Nej Avstår"), and the remote note of the entry before
    # ("Teams Anna Berg (C)"); a "name" of such words alone is no person
    "namn", "parti", "roll", "funktion", "uppdrag", "tjänstgöring", "anmärkning", "teams", "ja", "nej", "avstår", "kommentar",
}  # fmt: skip
# a role abbreviated before the name, as a list with a role column of its own prints it:
# "Ordf. Eva Ek (S)", "1:e v ordf. Bo Al (M)", "Tjg ers. Nils Berg (S) för …"
_ROLE_ABBREVIATION = rf"{rules.CHAIR_ROLE}|tjg\.?\s*ers(?:\.|ättare)|ers\."
_ROLE_BEFORE = re.compile(rf"^\s*({_ROLE_ABBREVIATION})\s*$", re.IGNORECASE)
# such a line starts an entry of its own even in lower case ("v ordf. Bo Al (M)")
_ROLE_LEADS = re.compile(rf"^(?:{_ROLE_ABBREVIATION})\s+[A-ZÅÄÖ]", re.IGNORECASE)
_CONTINUES = re.compile(r"(?:\boch|\bför|\bav|\bi|-|,)\s*$")


def _continues(line: str) -> bool:
    # the word ends where the trailing blanks start and is 3 characters at most: searching from
    # there finds the same, without trying the pattern at every position of a long line
    # ("\b" still sees the character before the start)
    return _CONTINUES.search(line, max(0, len(line.rstrip()) - 3)) is not None


@dataclass
class ParsedPerson:
    name: str
    party: str | None = None
    role: str | None = None
    paragraphs: list[tuple[int, int]] | None = None
    remote: bool = False
    replaces: tuple[str, str | None] | None = None
    note: str | None = None
    extra: list[str] = field(default_factory=list)


_BROKEN_DOUBLE = re.compile(r"(?<=[a-zåäöé])- (?=[A-ZÅÄÖ][a-zåäöé])")


def clean_name(name: str) -> tuple[str, str | None]:
    """Strip label and role words a greedy match took from the left; return (name, role)."""
    role = None
    words = name.split()
    if words and all(w.lower().strip(".:,") in _NOT_NAME_START for w in words):
        return "", None
    while len(words) > 2 and words[0].lower().strip(".:,") in _NOT_NAME_START:
        dropped = words.pop(0)
        if dropped.lower().startswith("ordf"):
            role = dropped.strip(".,:")
    if len(words) > 2 and rules.OFFICIAL_TITLE_WORD.fullmatch(words[0]):
        role = words.pop(0).lower()  # "Förbundschef Magnus Tjäder": the post before the name
    # a double first name a line end broke at its hyphen, joined again with a space ("Per- Olof")
    name = _BROKEN_DOUBLE.sub("-", " ".join(words))
    m = rules.LEADING_CHAIR_ROLE.match(name)
    if m and len(name[m.end() :].split()) >= 2:
        role = m.group(0).strip()
        name = name[m.end() :]
    return name.strip(" ,.;:"), role


# compiled once: these run for every person of every attendance list
_PARTY_CODE = re.compile(r"[A-ZÅÄÖ]{1,8}")
_ROLE_END = re.compile(r"§|\btjänstgör\b|\bersätter\b|\bistället\b|\bi stället\b|\btjg\b|\bför\s+[A-ZÅÄÖ]")
_IDLE_SUBSTITUTE = re.compile(
    r"^(?:ers\.|ersättare),?\s+ej\s+(?:tjg\.?|tjänstgörande)(?=[\s,;]*$)", re.IGNORECASE
)
_NOTE_START = re.compile(r"^(?:kom|avvek|anlände|lämnade|gick|från|till|ej|ej\s+\d)", re.IGNORECASE)
_CAME_OR_LEFT = re.compile(r"\b(?:kom|anlände|avvek|lämnade|gick)\b.*\d", re.IGNORECASE)
_REPLACES_BEFORE = re.compile(
    r"(?:\bför|\bersätter|\bistället för|\bi stället för|\btjg\.? för)\s*$", re.IGNORECASE
)


def party_letters(party: str) -> str:
    """A party as its letters: "Socialdemokraterna" is "S", "(s)" is "S"."""
    return rules.PARTY_NAMES.get(party.strip().lower(), party.strip().upper())


# the chair's role as a browser translated it ("Anna Ek (S), chairman", "vice chair")
_ENGLISH_CHAIR = re.compile(r"\bchair(?:man|person|woman)?$", re.IGNORECASE)


def _norm_party(code: str | None) -> str | None:
    if not code:
        return None
    code = party_letters(code)
    return code if _PARTY_CODE.fullmatch(code) else None


def _tail_info(person: ParsedPerson, tail: str) -> None:
    tail = tail.strip()
    if not tail:
        return
    remote = rules.REMOTE.search(tail)
    if remote:
        person.remote = True
        person.note = person.note or remote.group(0)
    refs = list(rules.PARAGRAPH_REF.finditer(tail))
    if refs:
        ranges: list[tuple[int, int]] = []
        for m in refs:
            ranges.extend(paragraph_ranges(m.group("spec")))
        if ranges:
            person.paragraphs = ranges
    if person.role is None and (idle := _IDLE_SUBSTITUTE.match(tail.lstrip(" ,;"))):
        person.role = idle.group(0).strip(" ,;")  # "Ers., ej tjg.": a role column's abbreviation
        return
    rep = rules.REPLACES.search(tail)
    if rep and person.replaces is None:
        person.replaces = (clean_name(rep.group("name"))[0], _norm_party(rep.group("party")))
    role_text = _ROLE_END.split(tail)[0]
    role_text = rules.REMOTE.sub("", role_text)
    role_text = role_text.strip(" ,.;:-–")
    if role_text and len(role_text) <= 80 and person.role is None:
        if rules.ROLE_WORDS.match(role_text) or role_text[:1].islower():
            person.role = _ENGLISH_CHAIR.sub("ordförande", role_text)
        elif _NOTE_START.match(role_text):
            person.note = role_text
        elif "," in role_text:
            person.role = _role_after_organisation(role_text)
    if _CAME_OR_LEFT.search(tail):
        person.note = squash(tail)[:120]


def _role_after_organisation(text: str) -> str | None:
    """ "Hällby kommun, ordförande", "Region Kvarnland, vice ordförande": the role after the
    kommun or organisation a member sits for (a gemensam nämnd, a förbund, a samordningsförbund)."""
    for part in text.split(",")[1:]:
        part = part.strip()
        if rules.ROLE_WORDS.match(part):
            return part
    return None


def _scan(text: str, anchor: re.Pattern[str]) -> list[ParsedPerson]:
    matches = list(anchor.finditer(text))
    people: list[ParsedPerson] = []
    after_comma: list[ParsedPerson] = []  # names of three words or more right after a comma
    prev_end = 0
    for k, m in enumerate(matches):
        between = text[prev_end : m.start()]
        name, lead_role = clean_name(squash(m.group("name")))
        party = _norm_party(m.group("party"))
        if people and _REPLACES_BEFORE.search(between):
            people[-1].replaces = (name, party)
            prev_end = m.end()
            if k == len(matches) - 1:
                people += _last_tail(people[-1], text[m.end() :])
            continue
        if people and between.strip():
            _tail_info(people[-1], between)
        if lead_role and people and people[-1].role is None:
            # "Name, M, Ordförande Next Name, C": the role belongs to the entry before
            people[-1].role, lead_role = lead_role, None
        if k == 0 and lead_role is None and (lead := _ROLE_BEFORE.match(between)):
            lead_role = lead.group(1)  # "Ordf. Eva Ek (S)", "1:e v ordf. Bo Al (M)", "Tjg ers. …"
        person = ParsedPerson(name=name, party=party, role=lead_role)
        groups = m.groupdict()
        if groups.get("role0"):
            person.role = groups["role0"].strip()
        if between.rstrip().endswith(",") and name.count(" ") >= 2:
            after_comma.append(person)
        people.append(person)
        prev_end = m.end()
        if k == len(matches) - 1:
            people += _last_tail(person, text[m.end() :])
    if after_comma:
        _drop_home_places(after_comma, text[prev_end:])
    return people


# "Name (S), ordförande, Ulvsjö Pia Lundén (M), …, Tranvik Elin Sporre (C), Ulvsjö": the kommun a
# member of a gemensam nämnd or a förbund sits for, after the role, runs into the next name
_LAST_PLACE = re.compile(r",\s*([A-ZÅÄÖ][^\W\d_]+)\s*$")


def _drop_home_places(candidates: list[ParsedPerson], last_tail: str) -> None:
    """A word that opens two names or more after a comma, or opens one and ends the list after
    the last member's comma, is a place, not a first name: it leaves the names."""
    first = Counter(p.name.split(" ", 1)[0] for p in candidates)
    if m := _LAST_PLACE.search(last_tail):
        first[m.group(1)] += 1
    for person in candidates:
        word, rest = person.name.split(" ", 1)
        if first[word] >= 2:
            person.name = rest


def _last_tail(person: ParsedPerson, tail: str) -> list[ParsedPerson]:
    """What follows the last name with a party: that person's role and notes, and the officials
    a flattened list runs on after it ("Hampus Ring (M), ersättare Ulla Grip, miljöchef Sofia
    Hjort, nämndsekreterare"), each told by the title of a post after the name."""
    officials = [
        found for found in OFFICIAL.finditer(tail) if rules.OFFICIAL_TITLE.search(found.group("role"))
    ]
    if not officials:
        _tail_info(person, tail)
        return []
    _tail_info(person, tail[: officials[0].start()])
    return _officials(tail[officials[0].start() :])


# a run-on list whose line breaks after a first name: "… (S), ordförande, Håkan" / "Nordqvist (M)";
# not a kommun after the party ("Dragan Petrović (S), Västerhamn" / "Eivor Nilsson-Hedin (S)"),
# which the next person's whole name follows
_OPEN_FIRST_NAME = re.compile(r"\)[^()]*(?:,|\boch)\s+[A-ZÅÄÖ][^\W\d_]+(?:-[A-ZÅÄÖ][^\W\d_]+)?\s*$")
_SURNAME_FIRST = re.compile(r"^[A-ZÅÄÖ][^\W\d_]+(?:-[A-ZÅÄÖ][^\W\d_]+)?\s*\(")


def _join_continuations(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        # a line opening in lower case, with a § range or with a party in parentheses ("(S),
        # ordförande, …": the name wrapped before it) goes on with the entry above
        if out and (
            (line[:1].islower() and not _ROLE_LEADS.match(line))
            or line[:1] in "§("
            or _continues(out[-1])
            or (_OPEN_FIRST_NAME.search(out[-1]) and _SURNAME_FIRST.match(line))
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


# an attendance table with its own party column: "Namn  Parti  Funktion" / "Eva Ek  S  Ledamot";
# the header may have taken the first column's heading as its label ("Närvarande ersättare  Parti
# Tjänstgör för"), which leaves a row of column headings only
_COLUMN_HEADS = (
    r"namn|parti|funktion|roll|uppdrag|tjänstgör\s+för|tjänstgöring|ersätter|närvaro|närvarande|"
    r"kommentar|anteckning|paragrafer|§§|kommun|hemkommun"
)
# a column of the member's kommun (a gemensam nämnd, a kommunalförbund, a region): not a role
_PLACE_HEAD = re.compile(r"^(?:kommun|hemkommun)$", re.IGNORECASE)
_TABLE_HEAD = re.compile(
    rf"^\s*(?:namn(?:\t|\s{{2,}}).*\bparti\b|parti(?:(?:\t+|\s+)(?:{_COLUMN_HEADS}))*\s*$)", re.IGNORECASE
)
_COLUMN_GAP = re.compile(r"\t+\s*|\s{2,}")
# a column whose cell names the ledamot the row's ersättare serves for
_REPLACES_HEAD = re.compile(r"^(?:tjänstgör\s+för|ersätter|ersatt)$", re.IGNORECASE)
_EMPTY_CELL = re.compile(r"^[\s\-–—]*$")
_TABLE_ROW = re.compile(
    rf"^\s*(?P<name>{rules.NAME})(?:\t+\s*|\s{{2,}})(?P<party>{rules.KNOWN_PARTY_RE}|[a-zåäö]{{1,3}}|{_PARTY_WRITTEN})"
    r"(?=\t|\s{2,}|\s*$)\s*(?P<tail>.*)$"
)


def _table_rows(block: str) -> str:
    """Rows of a table with a separate party column, rewritten as "Name (P), role …" lines."""
    lines = [ln for ln in block.split("\n") if ln.strip()]
    rows = [_TABLE_ROW.match(ln) for ln in lines]
    head = any(_TABLE_HEAD.match(ln) for ln in lines)
    if not head and sum(1 for r in rows if r) < max(2, len(lines) // 2):
        return block
    out = []
    after_party: list[str] = []  # the column headings after "Parti"
    for ln, r in zip(lines, rows, strict=True):
        if _TABLE_HEAD.match(ln):
            heads = [h.strip().lower() for h in _COLUMN_GAP.split(ln.strip())]
            after_party = heads[heads.index("parti") + 1 :] if "parti" in heads else []
            continue
        if r is None:
            out.append(ln)
            continue
        cells = _COLUMN_GAP.split(r.group("tail").strip()) if r.group("tail").strip() else []
        cells = [
            f"tjänstgör för {cell}" if j < len(after_party) and _REPLACES_HEAD.match(after_party[j]) else cell
            for j, cell in enumerate(cells)
            if not _EMPTY_CELL.match(cell)
            and not (j < len(after_party) and _PLACE_HEAD.match(after_party[j]))
        ]
        tail = squash(", ".join(cells))
        out.append(f"{r.group('name')} ({_party_code(r.group('party'))})" + (f", {tail}" if tail else ""))
    return "\n".join(out)


_GROUP_ENTRY = re.compile(rf"^(?P<name>{rules.NAME})\s*(?:\((?P<role>[^)]{{1,40}})\))?(?P<tail>.*)$")


def _party_code(word: str) -> str:
    return rules.PARTY_NAMES.get(word.lower(), word.upper())


_BULLET = re.compile(r"^[-–•*·]\s+")
_HEADED_ENTRY = re.compile(rf"^(?P<name>{rules.NAME})(?P<tail>\s*,.*)?$")


def _party_headings(block: str) -> str:
    """A list under party headings ("Socialdemokraterna (S)" / "- Camilla Hägg, ordförande" /
    "- Tommy Reinholdsson"), one person a line without a party of their own, rewritten as one
    "Name (S), role" line per person."""
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    out: list[str] = []
    party: str | None = None
    for ln in lines:
        h = rules.PARTY_HEADING.match(ln)
        if h:
            party = (h.group("code") or _party_code(h.group("party"))).upper()
            continue
        entry = _BULLET.sub("", ln)
        m = _HEADED_ENTRY.match(entry) if party else None
        out.append(f"{m.group('name')} ({party}){m.group('tail') or ''}" if m else entry)
    return "\n".join(out)


def _party_groups(block: str) -> str:
    """A list grouped by party ("Moderaterna:  A (ordförande), B, C" and the lines that wrap it)
    rewritten as one "Name (M), role" line per person. A party code as the group name ("M: A, B")
    counts only when two groups or more are written so."""
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    groups = [rules.PARTY_GROUP.match(ln) for ln in lines]
    written_out = any(g and g.group("party").lower() in rules.PARTY_NAMES for g in groups)
    if not written_out and sum(1 for g in groups if g) < 2:
        return block
    out: list[str] = []
    runs: list[tuple[str, list[str]]] = []  # each group with the lines that wrap it
    for ln, g in zip(lines, groups, strict=True):
        if g:
            runs.append(((g.group("code") or _party_code(g.group("party"))).upper(), [g.group("names")]))
        elif runs:
            runs[-1][1].append(ln)
        else:
            out.append(ln)
    for party, parts in runs:
        if any(";" in part for part in parts):
            # entries apart by semicolons keep their roles after a comma ("A, ordförande; B"),
            # and a line end may cut a name ("Per-" / "Olof Dahl", "Magnus" / "Ohlsson")
            text = parts[0]
            for part in parts[1:]:
                text += ("" if text.endswith("-") and part[:1].isupper() else " ") + part
            entries = re.split(r"\s*;\s*", text)
        else:
            entries = [e for part in parts for e in re.split(r"\s*,\s*|\s+och\s+", part.strip(" ,"))]
        for entry in entries:
            if not entry.strip(" ,;"):
                continue
            m = _GROUP_ENTRY.match(entry)
            if m is None:
                out.append(entry)
                continue
            role = f", {m.group('role')}" if m.group("role") else ""
            out.append(f"{m.group('name')} ({party}){role}{m.group('tail')}")
    return "\n".join(out)


# the cells of a table row joined by single spaces, as HTML lists of people print them
# ("Karin Holt S Ordförande", "Margit Dahl KD Tjänstgörande ersättare för Bengt Ståhl (KD)")
_SPACED_ROW = re.compile(
    rf"^(?P<name>{rules.NAME}) (?P<party>{rules.KNOWN_PARTY_RE})(?: (?P<tail>\d:?[ea] .*|[A-ZÅÄÖ].*))?$"
)


def _spaced_rows(block: str) -> str:
    """Rows of name, party code and role joined by single spaces, rewritten as "Name (P), role"
    lines, when most lines of the block are such rows."""
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    rows = [_SPACED_ROW.match(ln) for ln in lines]
    if sum(1 for r in rows if r) * 2 <= len(lines):
        return block
    return "\n".join(
        f"{r.group('name')} ({r.group('party')})" + (f", {r.group('tail')}" if r.group("tail") else "")
        if r
        else ln
        for ln, r in zip(lines, rows, strict=True)
    )


# a member without a party among members with one: "Sanna Eklöf, Försäkringskassan" in a
# samordningsförbund's board, a co-opted member, a party-less ersättare, an official in the same
# list ("Förbundschef Magnus Tjäder"). A comma or a leading title keeps a wrapped role
# ("Ordförande") or a name alone apart; a kommun or agency wrapped to its own line ("Region
# Kvarnland, vice ordförande") is no person
_PARTYLESS_MEMBER = re.compile(rf"^(?P<name>{rules.NAME})(?P<tail>(?:\s*,\s*\S.*)?)$")
_ORGANISATION = re.compile(
    r"(?:region|regionen|kommun|kommuns|landsting|förbund|förbundet|kassan|förmedlingen|nämnden|"
    r"styrelsen|myndigheten|verket|bolaget|AB)\b",
    re.IGNORECASE,
)


# a party written out as the heading of its members' list, inside a flattened line: before a
# colon ("Centerpartiet (C): Olle Wrede; Karin Udd") or a bullet ("Moderaterna (M) - Roger Åström")
_INLINE_PARTY_HEADING = re.compile(
    rf"\s+(?=(?:{'|'.join(sorted((n.capitalize() for n in rules.PARTY_NAMES), key=len, reverse=True))})"
    rf"(?:\s*\((?:{rules.KNOWN_PARTY_RE})\))?\s*(?::|\s[-–•]\s))"
)
_INLINE_BULLET = re.compile(r"\s+(?=[-–•]\s+[A-ZÅÄÖ])")


def _unflatten_party_lists(block: str) -> str:
    """A list grouped under written-out party names that a flattened page set on one line, put
    back on lines of their own: each party heading on a new line, and each bullet after one."""
    lines = block.split("\n")
    out = []
    for line in lines:
        # every written-out party name ends in "-erna" or "-partiet": the search only where one may be
        if ("erna" in line or "partiet" in line) and len(_INLINE_PARTY_HEADING.findall(line)) >= 2:
            line = _INLINE_PARTY_HEADING.sub("\n", line)
            line = "\n".join(
                _INLINE_BULLET.sub("\n", part) if " - " in part or " – " in part else part
                for part in line.split("\n")
            )
            line = re.sub(r"(?m)^(.*?\([A-ZÅÄÖ]{1,3}\))\s*(?=[-–•]\s)", "\\1\n", line)
        out.append(line)
    return "\n".join(out)


# a row of a table of people that a flattened page set on one line with single spaces: a name of
# two or three words, then a bare party code ("… X Daniel Kron M 1:e vice ordförande X Arvid …")
_FLAT_ROW = re.compile(
    rf"(?<![^\s]){rules.CAP_WORD}(?: {rules.CAP_WORD}){{1,2}} (?:{rules.KNOWN_PARTY_RE})(?=\s|$)"
)
# what the cells after the party say of a row: its role, its presence ("X", "Närvarande",
# "Frånvarande") and whether an ersättare serves
_ROW_CELL_WORDS = frozenset(
    [
        "x",
        "närvarande",
        "frånvarande",
        "ordförande",
        "ledamot",
        "ersättare",
        "tjänstgör",
        "tjänstgörande",
        "ej",
    ]
)


# a replaced member's first name, the last word before a row's start ("tjänstgör för Kent")
_AFTER_REPLACES = re.compile(rf"\b(?:för|ersätter)\s+[{rules.UP}][{rules.LOW}]+\s$")


_REPLACED_CELL = re.compile(
    rf"^((?i:tjänstgörande\s+)?(?i:ersättare))\s+({rules.NAME}\s*\({rules.PARTY_CODE}\))$"
)


def _row_cells(text: str) -> str:
    """A flattened row's cells after the party as a role the attendance rules read: a presence
    mark ("X", "Närvarande") says nothing more; "Frånvarande" and "ej tjänstgörande" say all."""
    low = text.lower()
    substitute = low.lstrip().startswith("ersättare")
    if re.search(r"\bej\s+tjänstgörande\b", low) or (substitute and re.search(r"\bnej\b", low)):
        return "ersättare, ej tjänstgörande"  # "Nej" in a "Tjänstgör" column
    if re.search(r"\bfrånvarande\b|\bnej\b", low):
        return "frånvarande"  # a member's "Nej" in a "Närvarande" column
    kept = [w for w in text.split() if w.lower().strip(",") not in ("x", "närvarande", "ja")]
    cells = " ".join(kept).strip(" ,")
    if substitute and (serves := re.match(r"(?i)ersättare,?\s+tjänstgör(?:ande)?\b", cells)):
        # "Ersättare Tjänstgör § 19": this ersättare serves, for the §§ named
        cells = "tjänstgörande ersättare" + cells[serves.end() :]
    # an "Ersätter" column: the member the ersättare serves for, with no "för" before the name
    return _REPLACED_CELL.sub(r"\1 för \2", cells)


def _split_flat_rows(line: str) -> list[str]:
    """The rows of a flattened table of people ("Namn Parti Roll Ewa Hjort S ordförande X Daniel
    Kron M ledamot frånvarande …"), each rewritten as "Name (P), cells": a row starts where a
    name and a bare party code do, and the cell words a row ends with (a status before the next
    name, "Frånvarande Karl Hjalmarsson KD") go back to the row before. One row or none: the
    line as it was."""
    starts = []
    for m in _FLAT_ROW.finditer(line):
        at = m.start()
        if _AFTER_REPLACES.search(line, 0, at) and m.group(0).count(" ") == 3:
            at += (
                m.group(0).index(" ") + 1
            )  # "… tjänstgör för Kent | Nyby Jessica Falk SD": Nyby ends Kent's name
        starts.append(at)
    if len(starts) < 3:
        return [line]
    rows = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]
    head = line[: starts[0]].strip()
    out: list[list[str]] = []
    for row in rows:
        words = row.split()
        while out and len(words) > 3 and words[0].lower() in _ROW_CELL_WORDS:
            out[-1].append(words.pop(0))
        out.append(words)
    lines = [head] if head else []
    for words in out:
        m = _FLAT_ROW.match(" ".join(words))
        if m is None:
            lines.append(" ".join(words))
            continue
        name, party = m.group(0).rsplit(" ", 1)
        lines.append(
            f"{name} ({party})" + (f", {cells}" if (cells := _row_cells(" ".join(words)[m.end() :])) else "")
        )
    return lines


def parse_people(block: str, *, officials: bool = False) -> list[ParsedPerson]:
    """Every person in an attendance block (one entry per line, or a flattened run)."""
    block = block.strip()
    if not block:
        return []
    block = _unflatten_party_lists(block)
    if (
        "\t" not in block
        and "  " not in block
        # a row takes three words at least: a block of "Name (P)" entries has too few for the rows
        # to outnumber its parentheses twice, and is not searched
        and block.count(" ") > 6 * block.count("(")
        and len(_FLAT_ROW.findall(block)) > 2 * block.count("(")
    ):
        # a table of bare party codes, not a list of "Name (P)" where a code may follow a name
        block = "\n".join(row for line in block.split("\n") for row in _split_flat_rows(line))
    if ":" in block:
        block = _party_groups(block)
    if "\n" in block and any(rules.PARTY_HEADING.match(ln.strip()) for ln in block.split("\n")):
        block = _party_headings(block)
    # columns apart by gaps, or (an HTML list) by single spaces
    block = _table_rows(block) if "\t" in block or "  " in block else _spaced_rows(block)
    lines = [ln for ln in block.split("\n") if ln.strip()]
    first = list(PARTY_FIRST.finditer(block))
    if first and len(first) * 2 > len(lines):
        # "S Anna Ek, ordförande": the party code leads every line
        people = []
        for m in first:
            person = ParsedPerson(name=clean_name(m.group("name"))[0], party=_norm_party(m.group("party")))
            tail = m.group("tail")
            rep = _PARTY_FIRST_REPLACES.search(tail)
            if rep:
                person.replaces = (clean_name(rep.group(1))[0], rep.group(2))
                tail = tail[: rep.start()].rstrip(" (")
            _tail_info(person, tail)
            people.append(person)
        return people
    for anchor in (PAREN_ANCHOR, COMMA_ANCHOR):
        if anchor.search(block):
            people: list[ParsedPerson] = []
            for line in _join_continuations(block.split("\n")):
                if anchor.search(line):
                    people.extend(_scan(line, anchor))
                elif people and officials is False:
                    lone = _PARTYLESS_MEMBER.match(line)
                    name, title = clean_name(squash(lone.group("name"))) if lone else ("", None)
                    if lone and (lone.group("tail") or title) and not _ORGANISATION.search(name):
                        person = ParsedPerson(name=name, role=title)
                        _tail_info(person, lone.group("tail"))
                        people.append(person)
                    else:
                        _tail_info(people[-1], line)
                else:
                    people.extend(_officials(line))
            return [p for p in people if p.name]
    lower = [
        ParsedPerson(
            name=clean_name(m.group("name"))[0],
            party=_norm_party(m.group("party")),
            role=(m.group("role0") or None),
        )
        for m in LOWER_ANCHOR.finditer(block)
    ]
    if lower:
        return lower
    people = []
    for line in _semicolon_entries(block) or _join_continuations(block.split("\n")):
        people.extend(_officials(line))
    return [p for p in people if p.name]


def _semicolon_entries(block: str) -> list[str]:
    """ "Eva Ek, ordförande; Bo Al; Ida" / "Sjö; Per Ung": a list of people without parties, one
    entry per semicolon, that wraps wherever the line is full; every line but the last holds a
    semicolon, or the block is no such list."""
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    if not any(";" in ln for ln in lines) or any(";" not in ln for ln in lines[:-1]):
        return []
    return [entry for entry in re.split(r"\s*;\s*", " ".join(lines)) if entry]


def _officials(line: str) -> list[ParsedPerson]:
    line = line.strip()
    found = list(OFFICIAL.finditer(line))
    if found:
        out = []
        for m in found:
            name, _ = clean_name(squash(m.group("name")))
            person = ParsedPerson(name=name, role=m.group("role").strip(" ,;") or None)
            if m.group("par"):
                _tail_info(person, m.group("par"))
            out.append(person)
        return out
    m = re.fullmatch(rf"(?P<name>{rules.NAME})(?P<tail>\s*(?:§.*)?)", line)
    if m:
        person = ParsedPerson(name=clean_name(m.group("name"))[0])
        _tail_info(person, m.group("tail"))
        return [person]
    return []


# a sentence after the names ("Hugo Berglind. Protokollet justeras digitalt …"): a full stop after
# a word of two letters or more (not an initial) and a capitalised word with a lower-case one after it
_SENTENCE_AFTER = re.compile(rf"(?<=[{rules.LOW}]{{2}})\.\s+(?=[{rules.UP}][{rules.LOW}]+\s+[{rules.LOW}])")


def split_names(text: str) -> list[tuple[str, str | None]]:
    """Adjuster lists: "A (M) och B (S)", "A, B", one per line; parties optional."""
    text = squash(text.replace("\n", ", "))
    text = _SENTENCE_AFTER.split(text, maxsplit=1)[0]
    text = re.sub(r"\b(?:med\s+.+?\s+som\s+ersättare|som\s+ersättare)\b.*$", "", text)
    parts = re.split(r"\s*(?:,|\boch\b|\bsamt\b|;|&)\s*", text)
    out: list[tuple[str, str | None]] = []
    pending_party: str | None = None
    for part in parts:
        part = part.strip(" .")
        if not part:
            continue
        several = list(PAREN_ANCHOR.finditer(part))
        if len(several) > 1:  # "A (S) B (M)": names side by side without separators
            out += [(clean_name(squash(a.group("name")))[0], _norm_party(a.group("party"))) for a in several]
            continue
        # a § number from a column beside may stand before a name with its party ("41 Nils
        # Svensson (M)")
        m = re.match(rf"^(?P<name>{rules.NAME})\s*(?:\((?P<party>{rules.PARTY_CODE})\))?", part) or re.match(
            rf"^\d{{1,3}}\s+(?P<name>{rules.NAME})\s*\((?P<party>{rules.PARTY_CODE})\)", part
        )
        if m:
            out.append((clean_name(m.group("name"))[0], _norm_party(m.group("party"))))
        elif out and re.fullmatch(rules.KNOWN_PARTY_RE, part):
            pending_party = part
            out[-1] = (out[-1][0], pending_party)
    return out
