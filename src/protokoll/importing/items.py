"""Interpret one § section: Dnr, title, labelled blocks (Beslut, Yrkanden, Omröstning …),
outcome, uppdrag, expediering. Unsure readings become warnings, not guesses."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from protokoll.document.model import (
    Assignment,
    Dispatch,
    Item,
    Motion,
    Person,
    Provenance,
    Reservation,
    Statement,
    Warning,
)
from protokoll.domain.dnr import parse_dnr
from protokoll.domain.vocab import DispatchPurpose, MotionKind, Outcome, StatementKind
from protokoll.importing import rules
from protokoll.importing.attendance import PAREN_ANCHOR, clean_name, party_letters
from protokoll.importing.clean import Line
from protokoll.importing.prefilter import (
    Prefiltered,
    ending_test,
    has_long_scan,
    minimal_words,
    required_words,
)
from protokoll.importing.segment import Section, starts_block
from protokoll.importing.values import due_date, ending_dnr, join_wrapped, sentence_start, squash, title_end
from protokoll.importing.votes import read_votes

# the förtroendevalda revisorerna decide as an organ too ("Revisorerna beslutar att …"), but
# what they otherwise do ("Revisorerna tillstyrker att ansvarsfrihet beviljas") is a fullmäktige's
# ground; the chair's finding on a proposition ("Ordföranden finner att revisorerna bifaller
# yrkandet") is how the decision was reached, not what it says
_DECISION_SENTENCE = re.compile(
    r"^(?![^.]{0,60}?\bfinner\s+att\b)[^.]{0,100}?\b(?:"
    r"(?:\w*nämnden|\w*styrelsen|\w*fullmäktige|\w*utskottet|beredningen)\w*\s+"
    rf"(?:{rules.DECISION_VERBS})|revisorerna\s+(?:beslutar|beslutade|beslöt)"
    # a typed protocol's past tense: impersonal ("Beslutades att …", "Efter överläggning beslöts
    # att …", "Uppdrogs åt skolchefen att …") or with the verb before the body ("Efter votering
    # beslöt nämnden …")
    r"|(?:beslutades|beslöts)\s+(?:att|enligt)|uppdrogs\s+åt"
    r"|(?:beslöt|beslutade)\s+(?:\w*nämnden|\w*styrelsen|\w*fullmäktige|\w*utskottet|beredningen))\b",
    re.IGNORECASE,
)


# Notes on how a decision was made, not what it decides: its immediate justering ("Paragrafen
# förklaras omedelbart justerad", "Beslutet justeras omedelbart"), a member's jäv and a
# delegate's mandate ("Beslut fattat med stöd av delegation, delegationsordningen punkt 2.1.")
_DECISION_NOTES = Prefiltered(
    re.compile(
        r"(?:Paragrafen|Beslutet)\s+(?:(?:förklaras|är)\s+omedelbart\s+justerad?|justeras\s+omedelbart)\.?"
        r"|(?<!\S)(?:Beslutet\s+(?:är|har)\s+|Beslut\s+)?(?:fattat|fattats|fattas)\s+med\s+stöd\s+av\s+"
        r"delegation\b(?:[^.\n]|\.(?=\d))*\.?"
        # how it was reached: "Beslutet fattades efter omröstning (6–3)."
        r"|(?<!\S)Beslutet\s+(?:fattades|fattas|togs)\s+efter\s+(?:omröstning|votering|sluten\s+omröstning)[^.\n]*\.?"
        # a member's jäv, which the § records apart ("Erik Tidholm (KD) anmäler jäv och deltar
        # inte i handläggningen."): no part of what was decided
        r"|(?<!\S)(?-i:[A-ZÅÄÖ])[^.\n]{0,80}?\b(?:anmäler|anmälde|anmälte)\s+jäv\b[^.\n]*\.?"
        r"|(?<!\S)(?-i:[A-ZÅÄÖ])[^.\n]{0,80}?\bdeltar\s+(?:inte|ej)\s+i\s+(?:handläggningen|beslutet|behandlingen)"
        r"[^.\n]*?\bjäv\b[^.\n]*\.?",
        re.IGNORECASE,
    )
)
# Lex/Platina print the agenda number under the § heading ("Ärende 5"); it is not the title
_AGENDA_NUMBER = re.compile(r"^(?:Ärende|Punkt)\s+\d{1,3}\s*$", re.IGNORECASE)
# the same number before the title on its line: "Ärende 2 Bygglov för nybyggnad …"
# "Ärende 2 Bygglov för …" (the agenda's number), "Ärende: Bygglov …" / "Ärende      Bygglov …" (the
# title's label on the heading's line, as a flattened page leaves it)
_AGENDA_PREFIX = re.compile(
    r"^(?:(?:Ärende|Punkt)\s+\d{1,3}[.:]?\s+|Ärende(?:\s*:\s*|\s{2,}|\t+))(?=[A-ZÅÄÖ])", re.IGNORECASE
)
_POINT = re.compile(r"^(?:\d{1,2}|[a-h])[.)]\s")


@dataclass
class Blocks:
    preamble: list[Line] = field(default_factory=list)
    by_kind: dict[str, list[list[Line]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, label: str = "") -> list[Line]:
        self.labels.setdefault(kind, label)
        block: list[Line] = []
        self.by_kind.setdefault(kind, []).append(block)
        return block

    def text(self, kind: str) -> str | None:
        blocks = self.by_kind.get(kind)
        if not blocks:
            return None  # a § has blocks of few kinds; the others are asked for all the same
        parts = [" ".join([ln.text for ln in block]) for block in blocks]
        joined = squash(" ".join(p for p in parts if p))
        return joined or None

    def points(self, kind: str) -> str | None:
        """The text with one line per numbered point ("1. … / 2. …"), as the protocol sets it."""
        return _points(self.by_kind.get(kind, []))

    def own_proposal(self) -> str | None:
        """A proposal block that is the body's own resolution to propose ("Arbetsutskottets
        förslag" / "Arbetsutskottet föreslår kommunstyrelsen besluta att …"): a § of an utskott
        or a nämnd that only prepares a matter ends with it instead of a decision."""
        for block in reversed(self.by_kind.get("proposed", [])):
            if block and rules.OWN_PROPOSAL.match(block[0].text.strip()):
                return _points([block])
        return None

    def lines(self, kind: str) -> list[Line]:
        blocks = self.by_kind.get(kind)
        if not blocks:
            return []
        return [ln for block in blocks for ln in block]


def _points(blocks: list[list[Line]]) -> str | None:
    rows: list[str] = []
    for block in blocks:
        for ln in block:
            text = squash(ln.text)
            if not text:
                continue
            if rows and not _POINT.match(text):
                rows[-1] = f"{rows[-1]} {text}"
            else:
                rows.append(text)
    return "\n".join(rows) or None


def _labels(skip: set[int]) -> re.Pattern[str]:
    """The section labels as one alternation, tried once per line; the rule order is kept."""
    return re.compile(
        "|".join(
            f"(?P<k{i}>{rule.pattern.pattern})"
            for i, rule in enumerate(rules.SECTION_LABELS)
            if i not in skip
        ),
        re.IGNORECASE,
    )


# Labels like "X:s beslut" scan up to 80 characters at every line for a word at its end; they
# are tried only on lines holding one of the words every match of them contains ("beslut").
_GATE_WORDS: dict[int, set[str]] = {}
for _i, _rule in enumerate(rules.SECTION_LABELS):
    _words = required_words(_rule.pattern) if has_long_scan(_rule.pattern) else None
    if _words:
        _GATE_WORDS[_i] = _words
_ANY_LABEL = _labels(set())
_UNGATED_LABEL = _labels(set(_GATE_WORDS)) if _GATE_WORDS else _ANY_LABEL
_GATE = re.compile(
    "|".join(re.escape(w) for w in minimal_words(set().union(*_GATE_WORDS.values()))) or r"(?!)",
    re.IGNORECASE,
)
# Sharper still: those rules end at the line's end, so the line must end in one of their final
# words ("beslut", "beslutar att", "förslag"). A third of all lines mention "beslut"; few end so.
_ENDS_LIKE_GATED = ending_test([rules.SECTION_LABELS[i].pattern for i in _GATE_WORDS])
# and every label ends the line the same way: most lines end in no label's final word and need
# no label rule tried at all
_ENDS_LIKE_LABEL = ending_test([rule.pattern for rule in rules.SECTION_LABELS])


def _gated_may_match(text: str) -> bool:
    if _ENDS_LIKE_GATED is not None and not _ENDS_LIKE_GATED(text):
        return False
    return _GATE.search(text) is not None


# a protocol's labels ("Beslut", "Beslutsunderlag", "Yrkanden") recur in every §, and the first
# lines of a § are asked again while its title is read: about half the calls repeat a text
@functools.lru_cache(maxsize=2048)
def label_of(text: str) -> tuple[str, str] | None:
    """(kind, inline value) when the line is a section label."""
    found = _label_of(text)
    if found is None and " / " in text and len(text) <= 100:
        # a bilingual protocol prints each label with its translation: "Beslut / Päätös"
        swedish, translation = text.split(" / ", 1)
        if rules.LABEL_TRANSLATION.match(translation):
            found = _label_of(swedish)
    return found


def _label_of(text: str) -> tuple[str, str] | None:
    run_on = rules.RUN_ON_LABEL.match(text)
    if run_on:
        # "Beslut Kommunstyrelsen beslutar att": the label and the start of its text, even where
        # the whole line would also read as a label of its own
        found = _label_of(run_on.group("label"))
        if found:
            return found[0], run_on.group("value")
    if len(text) <= 100:
        if _ENDS_LIKE_LABEL is None or _ENDS_LIKE_LABEL(text):
            m = (_ANY_LABEL if _gated_may_match(text) else _UNGATED_LABEL).match(text)
            if m:
                return rules.SECTION_LABELS[int((m.lastgroup or "k0")[1:])].kind, ""
    elif len(text) > 400:
        return None
    m = rules.INLINE_LABEL.match(text)
    if m:
        label = m.group("label").lower()
        for rule in rules.SECTION_LABELS:
            if rule.pattern.match(label):
                return rule.kind, m.group("value")
    elif "beslut" in text and ":" in text and (m := rules.INLINE_BODY_DECISION.match(text)):
        return "decision", m.group("value")
    return _column_label(text)


def _column_label(text: str) -> tuple[str, str] | None:
    """(kind, value) of a margin label with its text after a column gap ("Beslut     Text")."""
    if "  " not in text and "\t" not in text:
        return None
    m = rules.COLUMN_LABEL.match(text)
    if m is None:
        return None
    found = _label_of(m.group("label").strip())
    return (found[0], m.group("value")) if found and not found[1] else None


_LIST_MARK = re.compile(r"^\s*(?:[-–•*]|[a-zA-Z0-9]{1,2}[.)])\s")
_RUN_ON_START = re.compile(r"^(?![12]\d{3}-\d)[A-ZÅÄÖ\d\-–•]")


# both splits below need "…s beslut " in the line; most lines that say " beslut" do not have it
_S_BESLUT = re.compile(r"s\s+beslut\s", re.IGNORECASE)


def _expand(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for ln in lines:
        if " beslut" not in ln.text.lower() or not _S_BESLUT.search(ln.text):
            out.append(ln)
            continue
        parts = rules.INLINE_DECISION_SPLIT.split(ln.text)
        for part in parts:
            m = re.match(r"^(.{0,100}?(?:s|:s)\s+beslut)\s+(.*)$", part, re.IGNORECASE)
            # "- Länsstyrelsens beslut 2024-08-19 …", "Kommunchefens beslut om …": a list row or
            # a sentence that names someone's decision, not a label with its text run on
            if m and (_LIST_MARK.match(m.group(1)) or not _RUN_ON_START.match(m.group(2))):
                m = None
            if m and label_of(m.group(1)):
                out.append(Line(ln.page, ln.no, m.group(1)))
                out.append(Line(ln.page, ln.no, m.group(2)))
            else:
                out.append(Line(ln.page, ln.no, part))
    return out


def _split_dnr(text: str) -> tuple[str | None, str]:
    """(dnr, rest) when ``text`` starts with a Dnr label."""
    m = rules.DNR_LABEL.match(text.strip())
    if not m:
        return None, text
    tail = text.strip()[m.end() :]
    t = rules.DNR_TOKEN.match(tail)
    if not t:
        return None, text
    return t.group("dnr").strip().rstrip(",."), tail[t.end() :].strip(" \t,.-–")


# a Dnr label inside a heading's line, with the title before it: a flattened page runs the
# title, the Dnr and the § text on one line ("§ 63 Skolskjuts Dnr UN-2025-0088 Förvaltningen …")
_INLINE_DNR_LABEL = re.compile(
    r"(?<=\S)[ \t]+(?:dnr|diarienr|diarienummer|d\.nr|ärendenr|ärendenummer)\b", re.IGNORECASE
)


def _inline_dnr(text: str) -> tuple[str, str, str] | None:
    """(title, dnr, the text after it) when a labelled Dnr follows the title on its line, or a
    bracketed one with its organ's prefix that the § text runs on after ("Budget 2025 (VON
    2024.512) Kommunfullmäktige har tilldelat …", a flattened page)."""
    for m in _INLINE_DNR_LABEL.finditer(text):
        dnr, after = _split_dnr(text[m.start() :])
        title = text[: m.start()].strip(" \t,.-–:")
        if dnr and len(title) >= 3 and not title.endswith("("):
            return title, dnr, after
    if (m := rules.BRACKETED_DNR_IN_LINE.search(text)) and len(
        title := text[: m.start()].strip(" \t,.-–:")
    ) >= 3:
        return title, m.group("labelled") or m.group("prefixed"), text[m.end() :].strip()
    return None


# the words one of the section labels holds, to try the label rules only on titles that may
# hold one: "Beslut", "BESLUT", "Nämndens beslut", "Ärendebeskrivning", "Sammanfattning" …
_LABEL_WORDS = ("beslut", "ärende", "bakgrund", "sammanfattning", "förslag", "yrkande", "beskrivning")
_WORD_START = re.compile(r"(?<=\s)[A-ZÅÄÖ]")


def _inline_label(title: str) -> tuple[str, list[str]] | None:
    """(title, the lines that open the § text) when a section label follows the title on its
    line, with text after it: a flattened page runs them together ("Val av justerare Beslut:
    Nämnden utser …", "Val av justerare BESLUT Kommunstyrelsen utser …", "Upprop Vård- och
    omsorgsnämndens beslut Helen Rask (C) utses …"). The title keeps two words or more, or is
    one word when the decision or the background label follows it with a sentence
    ("Delegationsbeslut Beslut Redovisningen läggs till handlingarna")."""
    low = title.lower()
    if not any(word in low for word in _LABEL_WORDS):
        return None
    for m in _WORD_START.finditer(title):
        at = m.start()
        before = title[:at].rstrip()
        if not before or _TITLE_WRAP.search(before) or before.endswith("("):
            continue  # a title does not end in "av", "för", a comma or a dash
        tail = title[at:]
        lab = label_of(tail)
        if len(before.split()) < 2:
            if lab and lab[0] in ("decision", "background") and _opens_text(lab[1]):
                return before, [tail]
            continue
        if lab and lab[1]:
            return before, [tail]
        words = tail.split()
        # a label in capitals, or of several words, and then the text: try it alone
        for n in range(1, min(5, len(words))):
            head = " ".join(words[:n]).rstrip(":")
            if head.isupper() or n > 1 or head.endswith("beslut"):
                lab = label_of(head)
                if lab and not lab[1] and words[n][:1].isupper():
                    return before, [head, " ".join(words[n:])]
    return None


def _opens_text(text: str) -> bool:
    """A sentence starts here: a capitalised word and then a lower-case one."""
    words = text.split()
    return len(words) >= 2 and words[0][:1].isupper() and words[0][1:2].islower() and words[1][:1].islower()


def _label_row(lines: list[Line]) -> list[Line]:
    """A § laid out as a table whose head row holds the labels ("Beslut<TAB>Diarienummer") and
    whose next row the values ("Nämnden fördelar …<TAB>KFN 2025/0090"): each label over its
    value, the Dnr first, as a § without the table would print them."""
    for i in range(min(3, len(lines) - 1)):
        head, row = lines[i].text.split("\t"), lines[i + 1].text.split("\t")
        if len(head) != 2 or len(row) != 2 or not all(cell.strip() for cell in row):
            continue
        dnr_cell = next((k for k, cell in enumerate(head) if rules.DNR_LABEL.fullmatch(cell.strip())), None)
        if dnr_cell is None or not label_of(head[1 - dnr_cell].strip()):
            continue
        other, at = 1 - dnr_cell, lines[i]
        cells = [f"{head[dnr_cell].strip()} {row[dnr_cell].strip()}", head[other].strip(), row[other].strip()]
        return [*lines[:i], *(Line(at.page, at.no, c) for c in cells), *lines[i + 2 :]]
    return lines


def _margin_dnr(lines: list[Line]) -> list[Line]:
    """A § whose left margin holds its number and, under it, its Dnr beside the text column
    ("§ 102<TAB>Title" / "SBN 2025/0199<TAB>Kajen 2:8"): the Dnr cell is a line of its own. A
    label beside it ("SBN 2025/0087<TAB>Beslut") comes after the Dnr, as in a § without the
    margin; other text of the column goes on from the line above, so it comes first."""
    for i in range(min(3, len(lines))):
        text = lines[i].text
        if "\t" not in text:
            continue
        cell, _, rest = text.partition("\t")
        rest = rest.strip()
        if not rest or "\t" in rest or not rules.BARE_DNR_LINE.match(cell):
            continue
        at = lines[i]
        dnr, other = Line(at.page, at.no, cell.strip()), Line(at.page, at.no, rest)
        pair = [dnr, other] if label_of(rest) or rules.DNR_LABEL.match(rest) else [other, dnr]
        return [*lines[:i], *pair, *lines[i + 1 :]]
    return lines


def _dnr_at(lines: list[Line], k: int) -> tuple[str | None, str, int]:
    """(dnr, rest, lines used) for a Dnr at line ``k``: on the label's line, or, when the label
    stands alone (a definition list, a label cell), on the line under it."""
    text = lines[k].text
    dnr, after = _split_dnr(text)
    if dnr is None and k + 1 < len(lines):
        m = rules.DNR_LABEL.match(text.strip())
        if m and m.end() == len(text.strip()):
            dnr, after = _split_dnr(f"{text.strip()} {lines[k + 1].text}")
            return dnr, after, 2 if dnr else 1
    return dnr, after, 1


def _persons(text: str) -> list[Person]:
    out = []
    for m in PAREN_ANCHOR.finditer(text):
        name, _ = clean_name(squash(m.group("name")))
        try:
            out.append(Person(name=name, party=party_letters(m.group("party"))))
        except ValueError:
            continue
    return out


def _unbulleted(text: str) -> str:
    """A line without its bullet and stray stars; a hyphen that ends it is a double name broken
    in two ("Lars-" / "Åke Holm") and stays."""
    text = text.strip(" •*").lstrip("-•* ")
    return text if text[-2:-1].isalpha() else text.rstrip(" -•*")


def _statement_lines(lines: list[Line]) -> list[str]:
    """The lines' texts, where a list of names that wraps before its verb ("Bo Lind (M) och
    Lars-" / "Åke Holm (M) yrkar avslag") is joined to the line that says what they do."""
    texts = [_unbulleted(ln.text) for ln in lines]
    out: list[str] = []
    pending = ""
    for text in texts:
        if pending:
            text = join_wrapped(pending, text)
            pending = ""
        if PAREN_ANCHOR.match(text) and _unfinished(text, rules.MOTION_VERB):
            pending = text
            continue
        out.append(text)
    if pending:
        out.append(pending)
    return _run_on_statements(out, rules.MOTION_VERB)


def _motions(lines: list[Line], chair: Person | None) -> list[Motion]:
    motions: list[Motion] = []
    for text in _statement_lines(lines):
        verb = rules.MOTION_VERB.search(text)
        if not verb and motions and re.search(r"\binstämmer\b", text):
            motions[-1].by += [p for p in _persons(text) if p not in motions[-1].by]
            continue
        if not verb:
            if motions:
                last = motions[-1]
                last.text = squash(f"{last.text} {text}")
                # a motion wrapped after its verb ("… yrkar" / "avslag.") says its kind on this line
                last.kind = _motion_kind(last.text) if last.kind is MotionKind.OTHER else last.kind
            continue
        who = text[: verb.start()]
        by = _persons(who)
        inst = rules.INSTAMMANDE.search(text)
        if inst:
            by += [p for p in _persons(text[inst.end() : inst.end() + 300]) if p not in by]
        if not by and re.search(r"ordförande", who, re.IGNORECASE) and chair:
            by = [chair]
        what = text[verb.end() :].strip()
        motions.append(
            Motion(
                by=by, kind=_motion_kind(what), text=what, withdrawn=bool(rules.WITHDRAWN_MOTION.search(text))
            )
        )
    return motions


def _motion_kind(what: str) -> MotionKind:
    for pattern, name in rules.MOTION_KINDS:
        if pattern.search(what[:120]):
            return MotionKind(name)
    return MotionKind.OTHER


_YRKAR = re.compile(r"\byrkar\b")
_PROPOSES = re.compile(r"\bföreslå(?:r|git)?\b|\bföreslog\b", re.IGNORECASE)
# what goes on with a decision after a blank line: a clause, a numbered or bulleted point,
# a lower-case continuation, or another sentence of the body deciding
_GOES_ON = re.compile(r"^\s*(?:att\b|\d{1,2}[.)]|[-•–*]|[a-zåäö])")


def _goes_on(text: str) -> bool:
    return bool(_GOES_ON.match(text) or _DECISION_SENTENCE.match(text))


# a list of names wrapped mid-name or after a comma ("…, Lena" / "Jonsson (SD) och …", "Anna-"
# / "Karin …")
_OPEN_LIST_END = re.compile(r"(?:,|\boch|[^\W\d]-?)$")


def _unfinished(statement: str, verb: re.Pattern[str] = rules.RESERVING) -> bool:
    """The statement so far names people but has not yet said what they do (``verb``), and its
    line broke inside the list of names: the next line goes on with it even when it opens with
    a name and party."""
    return not verb.search(statement) and bool(_OPEN_LIST_END.search(statement))


def _paragraphs(lines: list[Line]) -> list[str]:
    """Lines grouped into paragraphs: a new paragraph starts where a person opens the line."""
    out: list[str] = []
    for ln in lines:
        text = _unbulleted(ln.text)
        # a line in lower case goes on from a wrapped one ("… med en skriftlig" / "reservation:")
        opens = not text[:1].islower() and (
            PAREN_ANCHOR.match(text) or rules.RESERVATION_SENTENCE.search(text)
        )
        if not out or (opens and not _unfinished(out[-1])):
            out.append(text)
        else:
            out[-1] = join_wrapped(out[-1], text)
    # a run-on line may hold two statements: "A (M) reserverar sig … B (SD) reserverar sig …"
    return [squash(p) for p in _run_on_statements(out, rules.RESERVING) if p.strip()]


def _run_on_statements(texts: list[str], verb: re.Pattern[str]) -> list[str]:
    """Each text split where a sentence says what someone does (``verb``) after a sentence that
    has said it already: "A (V) yrkar bifall. B (S) yrkar avslag." is two statements."""
    split: list[str] = []
    for text in texts:
        sentences = rules.SENTENCE_END.split(text)
        cur = sentences[0]
        for sentence in sentences[1:]:
            if verb.search(sentence) and verb.search(cur):
                split.append(cur)
                cur = sentence
            else:
                cur = f"{cur} {sentence}"
        split.append(cur)
    return split


def _reservations(blocks: Blocks, all_text: str, low_text: str) -> list[Reservation]:
    lines = blocks.lines("reservation")
    if not lines and "reserver" not in low_text:
        return []
    paragraphs = (
        _paragraphs(lines)
        if lines
        else [
            s
            for s in re.split(r"(?<=[.!?])\s+", all_text)
            if re.search(r"\breserver(?:ar|ade|at)\s+sig", s, re.I)
        ]
    )
    out = []
    for p in paragraphs:
        out.append(Reservation(by=_persons(p), text=p, written=bool(rules.WRITTEN_RESERVATION.search(p))))
    return out


def _statements(blocks: Blocks) -> list[Statement]:
    out = []
    for kind in ("special_statement", "protocol_note"):
        for block in blocks.by_kind.get(kind, []):
            text = squash(" ".join(ln.text for ln in block))
            if text:
                out.append(Statement(kind=StatementKind(kind), by=_persons(text[:300]), text=text))
    return out


def _dispatch(lines: list[Line]) -> list[Dispatch]:
    out: list[Dispatch] = []
    purpose = DispatchPurpose.INFORMATION
    explicit = False
    for ln in lines:
        text = ln.text.strip(" -•*\t")
        for pattern, name in rules.DISPATCH_PURPOSE:
            m = pattern.match(text)
            if m:
                purpose, explicit = DispatchPurpose(name), True
                text = text[m.end() :].strip()
                break
        if not text:
            continue
        for part in re.split(r"\s*[;,]\s*(?=[A-ZÅÄÖ])", text) if len(text) > 60 else [text]:
            own = purpose
            m = rules.DISPATCH_TRAILING_PURPOSE.search(part)
            if m:
                own = (
                    DispatchPurpose.ACTION
                    if m.group(1).lower() in {"åtgärd", "verkställighet"}
                    else (DispatchPurpose.INFORMATION)
                )
                part = part[: m.start()]
            part = part.strip(" ,.")
            if part and len(part) <= 150:
                out.append(
                    Dispatch(recipient=part, purpose=own if (explicit or m) else DispatchPurpose.INFORMATION)
                )
    return out


_ATTACHMENT_MARK = re.compile(r"^(?:[-•*]\s*|bilaga\s*\d*\s*[:.-]\s*)", re.IGNORECASE)


def _attachments(lines: list[Line]) -> list[str]:
    out = []
    for ln in lines:
        text = _ATTACHMENT_MARK.sub("", ln.text.strip()).strip()
        if text:
            out.append(text)
    return out


_ASSIGNMENT_RULES = [(rule, Prefiltered(rule.pattern)) for rule in rules.ASSIGNMENT_RULES]


def _assignments(*texts: str) -> list[Assignment]:
    """Uppdrag in the beslut's wording and in an "Uppdrag" section, each text read on its own."""
    out: list[Assignment] = []
    seen: set[str] = set()
    for (rule, prefiltered), text in ((r, t) for t in texts if t for r in _ASSIGNMENT_RULES):
        for m in prefiltered.finditer(text):
            assignee = squash(m.group("assignee")).strip(" ,")
            assignee = (
                re.sub(
                    r"^(?:\d+\.\s*)?(?:[\w\-åäö]+(?:nämnden|styrelsen|fullmäktige|utskottet)\s+)?(?:att\s+)?",
                    "",
                    assignee,
                )
                if rule.name != "far_i_uppdrag"
                else assignee
            )
            task = squash(m.group("task"))
            cut = rules.DUE.search(task)
            task = task[: cut.start()].strip(" ,") if cut and cut.start() > 3 else task
            if not assignee or not task or task in seen:
                continue
            seen.add(task)
            tail = text[m.end() : m.end() + 200]
            whole = squash(m.group("task")) + " " + tail
            report = rules.REPORT_TO.search(whole)
            due = rules.DUE.search(whole)
            out.append(
                Assignment(
                    assignee=assignee[:150],
                    task=task[:500],
                    due=due_date(due.group("date")) if due else None,
                    report_to=squash(report.group("to")) if report else None,
                )
            )
    return out


# searched in every §'s decision: a substring test first (prefilter.Prefiltered) skips the
# engine's case-insensitive search, which cost 10-40 µs per §, in nearly all of them
_WITHDRAWN = Prefiltered(rules.WITHDRAWN)
_INFORMATION = Prefiltered(rules.INFORMATION)
_REPORT_TITLE = Prefiltered(rules.REPORT_TITLE)
_CONFIDENTIAL = Prefiltered(rules.CONFIDENTIAL)
_REFERRAL = Prefiltered(re.compile(r"\båterremitter|\båterremiss", re.IGNORECASE))
_TABLED = Prefiltered(re.compile(r"\bbordlägg", re.IGNORECASE))
_INFORMATION_TITLE = re.compile(r"^(?:information|informationsärende|lägesrapport|rapport)", re.IGNORECASE)


# a decision on the agenda itself, which may drop another § from it
_AGENDA_DECISION = re.compile(r"^(?:Dagordningen|Föredragningslistan|Ärendelistan)\b", re.IGNORECASE)


def _outcome(decision: str | None, title: str | None, text: str) -> Outcome | None:
    probe = decision or ""
    withdrawn = _WITHDRAWN.search(probe)
    if withdrawn and withdrawn.group(0)[:1] in "uU" and _AGENDA_DECISION.match(probe):
        withdrawn = None  # "Dagordningen fastställs med ändringen att ärende 9 … utgår."
    if withdrawn or (not decision and _WITHDRAWN.search(text)):
        return Outcome.WITHDRAWN
    if _REFERRAL.search(probe):
        return Outcome.REFERRAL
    if _TABLED.search(probe):
        return Outcome.TABLED
    if decision:
        if _INFORMATION.search(probe):
            return Outcome.REPORT if _REPORT_TITLE.search(title or "") else Outcome.INFORMATION
        return Outcome.DECISION
    if title and _INFORMATION_TITLE.match(title):
        return Outcome.INFORMATION
    return None


# a title ends at its first full stop when a capitalised sentence follows (no abbreviation: the
# word before the stop is not a single letter or "bl.a."-like)
# a field of the § text after a title on its line: a capitalised word and a colon, two words or
# more into the title ("Bygglov för enbostadshus på Lönnen 3 Sökande: Kjell Backlund")
_LABEL_IN_TITLE = re.compile(r"^(?P<title>\S+\s+\S+.*?)\s+(?P<field>[A-ZÅÄÖ][a-zåäö]{2,}:\s.*)$")
# a title, its full stop after a word (not an abbreviation: "ang.", "resp."), and the first words of
# the § text
_RUN_IN_TITLE = re.compile(r"^([^.]{3,120}?[^\W\d_]{2})\.\s+([A-ZÅÄÖ][^\W\d_]*\s+\S.*)$")
_ABBREVIATIONS = frozenset(
    {"ang", "resp", "betr", "enl", "jfr", "kl", "nr", "st", "ca", "dvs", "mm", "osv", "tel"}
)
_RUN_ON_TITLE = re.compile(r"^([^.]{3,120}?[^\W\d]{3})\.\s+([A-ZÅÄÖ].{20,})$", re.DOTALL)


# a case number withheld in a sekretess § ("Dnr XXXX", "Dnr: ***", "Dnr [maskerat]")
# the masked value as rules.MASKED reads it anywhere (upper-case X's stay upper-case)
_MASKED_DNR = re.compile(
    rf"(?:dnr|diarienummer|diarienr)\.?\s*:?\s*(?-i:{rules.MASKED.pattern})", re.IGNORECASE
)


def _prose(text: str) -> bool:
    """A sentence of four words or more, capitalised, with a lower-case word in it."""
    words = text.split()
    return (
        len(words) >= 4
        and text[:1].isupper()
        and any(w.isalpha() and w.islower() and len(w) >= 3 for w in words[1:])
    )


def _before_the_stop(title: str, text: str) -> tuple[str, str]:
    """A title cut at the first full stop, and the text after it; when a sentence surely opened
    before the stop ("Föredragningslista Ett nytt ärende tillkommer. Listan …"), the text began
    there."""
    opened = sentence_start(title)
    if opened is None:
        return title, text
    return title[:opened].rstrip(), f"{title[opened:]}. {text}"


def _text_after_title(line: str) -> tuple[str, str] | None:
    """A title with the § text run onto its line: the text is a sentence of three words or
    more, with a lower-case word in it, and either ends in a full stop or makes the line longer
    than a title."""
    end = title_end(line)
    if end is None:
        return None
    title, text = line[:end].rstrip(), line[end:].strip()
    words = [w.strip(".,;:!?") for w in text.split()]
    if (
        (len(words) >= 3 or (len(words) == 2 and text.endswith(".")))
        and any(w.isalpha() and w.islower() and len(w) >= 3 for w in words[1:])
        and (text.endswith((".", "!", "?")) or len(line) > 120)
        and not title.endswith((".", ":"))
    ):
        return title, text
    return None


# a § heading in a narrow column wraps a long title over up to three more lines
_TITLE_MAX_LINES = 3
_TITLE_WRAP = re.compile(r"(?:\b(?:för|och|av|i|om|till|med|på|från|samt|inom|vid|över|mot)|,|-|–)$")
# a val's title wrapped inside the name it ends with: "Val av ledamot efter Tove" / "Rask (S)"
_FIRST_NAME_END = re.compile(r"\s[A-ZÅÄÖ][^\W\d_]+$")
# a line that is only a fastighetsbeteckning ("Kajen 2:8", "Norra Åsen 1:42"): a bygglov title
# wrapped before the property it is about, never a sentence of the § text. Its block and unit
# alone ("4:12") wrap it inside the property's name, which then ends the line above ("…
# enskild avloppsanläggning, Flisby")
_PROPERTY = re.compile(r"^(?P<name>(?:[A-ZÅÄÖ][^\W\d_]*[ -]){0,2}[A-ZÅÄÖ][^\W\d_]*\s)?\d{1,4}:\d{1,4}$")
_SURNAME_AND_PARTY = re.compile(r"^[A-ZÅÄÖ][^\W\d_]+(?:-[A-ZÅÄÖ][^\W\d_]+)?\s*\([A-ZÅÄÖ]{1,4}\)$")


# the type and size of a linked file after a title in a web list ("(pdf, 210 kB)", "(PDF 1,2 MB)"),
# and whatever the list says after it ("…, omedelbart justerad")
_FILE_NOTE = re.compile(r"\s*\((?:pdf|docx?|xlsx?|odt)\b[,:]?\s*\d[\d\s,.]*\s*[kKMG]B\).*$", re.IGNORECASE)


def _title_continuation(title: str, lines: list[Line], k: int, agenda_title: str | None = None) -> int:
    """How many lines from ``k`` continue a wrapped title (0 when none). Each line must join
    the one above it: that one ends in a word that cannot end a title ("plan för"), this one
    starts in lower case, or the ärendelista's title for the § goes on with it ("… på
    fastigheten" / "Lärkan 8:15"). The run ends where a Dnr, a label, a blank line or a page
    break follows, or where it completes the ärendelista's title, so the first sentence of a
    body written straight under the title is never taken."""
    end = k
    last, joined = title, squash(title)
    listed = squash(agenda_title) if agenda_title else ""
    # the ärendelista can only vouch for lines when its title goes on beyond the heading's
    longer = listed if listed != joined and _begins_with(listed, joined) else ""
    while end < len(lines) and end - k < _TITLE_MAX_LINES:
        text = lines[end].text.strip()
        if not text or len(text) > 100 or text.endswith(".") or label_of(text) or rules.DNR_LABEL.match(text):
            break
        joined = f"{joined} {squash(text)}"
        if not (
            _TITLE_WRAP.search(last)
            or text[:1].islower()
            or (last.isupper() and text.isupper())  # a title set in capitals over two lines
            or _agrees(longer, joined)
            or (_SURNAME_AND_PARTY.match(text) and _FIRST_NAME_END.search(last))
            or ((estate := _PROPERTY.match(text)) and (estate.group("name") or _FIRST_NAME_END.search(last)))
        ):
            break
        last, end = text, end + 1
        if end >= len(lines) or joined == listed:
            return end - k  # the ärendelista's whole title: whatever follows is the § text
        after = lines[end].text
        if (
            # the wrapped title ends with its Dnr ("… individ- och" / "familjeomsorgen Dnr 94/180-700")
            rules.HEADING_DNR.search(text)
            or ((inline := _inline_dnr(text)) is not None and not inline[2])
            or starts_block(lines, end)
            or rules.DNR_LABEL.match(after)
            or label_of(after)
            or rules.BARE_DNR_LINE.match(after)
        ):
            return end - k
    return 0


# "Dagordningen godkänns.": a § whose whole text is one sentence in the passive of a deciding
# verb states its decision without a label
_PASSIVE_DECISION = re.compile(
    r"^[A-ZÅÄÖ][^.]{2,140}?\b(?:godkänns|fastställs|antas|noteras|beviljas|avslås|bifalls|återremitteras|"
    r"bordläggs|läggs\s+till\s+handlingarna|anses\s+besvarad|förklaras\s+besvarad|utses|väljs)\b[^.]{0,60}\.$"
)


def _lone_passive_decision(preamble: list[Line]) -> str | None:
    text = squash(" ".join(ln.text for ln in preamble))
    return text if len(text) <= 200 and _PASSIVE_DECISION.match(text) else None


def _labelled_title(lines: list[Line], start: int) -> tuple[str | None, int]:
    """(title, index after it) when a row of the §'s label column names the title ("Ärende
    Val av justerare"), among the rows before its first block label."""
    for k in range(start, min(start + 6, len(lines))):
        m = rules.TITLE_LABEL.match(lines[k].text)
        if m:
            return m.group("title").strip(), k + 1
        if label_of(lines[k].text):
            break
    return None, start


# "Nämnden beslutar" on its own line: a label where it opens the decision, its first words where
# a "Beslut" label has opened it already
_BODY_DECIDES = re.compile(r"\bbeslutar(?:\s+att)?\s*:?\s*$", re.IGNORECASE)


# the blocks that lead up to a decision, and the sentence that opens it without a label: the body
# decides ("Kommunfullmäktige beslöt att …", "Nämnden beslutar att …") or it was decided
# ("Beslutades att …")
_BEFORE_DECISION = {"motions", "proposition", "vote"}
_DECISION_OPENS = re.compile(
    r"^(?:[A-ZÅÄÖ][\w\-]*?(?:nämnden|styrelsen|fullmäktige|utskottet)|Beredningen|Revisorerna)"
    r"\s+(?:beslutar|beslöt|beslutade)\s+att\b|^(?:Beslutades|Beslöts)\s+att\b"
)


# a decision sentence that the att-clauses under it finish ("… föreslår kommunfullmäktige besluta")
_OPENS_CLAUSES = re.compile(r"\b(?:besluta|beslutar)\s*:?$", re.IGNORECASE)


def _att_clauses(lines: list[Line]) -> list[str]:
    """The att-clauses at the start of ``lines``, each with the lines it wraps onto."""
    out: list[str] = []
    for ln in lines:
        text = squash(ln.text)
        if text.startswith("att "):
            out.append(text)
        elif out and text[:1].islower() and not out[-1].endswith("."):
            out[-1] = f"{out[-1]} {text}"
        else:
            break
    return out


def _blocks(lines: list[Line]) -> Blocks:
    """The § text split at its labels. A block opened by a margin label ends at the next row of
    that label column, known label or not ("Avgift   24 310 kronor" after "Beslut   …")."""
    blocks = Blocks()
    current = blocks.preamble
    kind = None
    column = False
    whole = False  # the decision stood whole on its label's line ("Beslut: Motionen bifalls.")
    for i, ln in enumerate(lines):
        lab = label_of(ln.text)
        if whole and not lab and len(current) == 1 and starts_block(lines, i) and not _goes_on(ln.text):
            # a paragraph of prose after it ("Beslutet fattades efter omröstning …", a news
            # page's next heading) is no part of it; a clause, a point or another decision is
            kind, current, whole = "other", blocks.add("other"), False
        if (
            not lab
            and kind == "decision"
            and current
            and rules.RESERVING.search(ln.text)
            # after a blank line, or on a line of its own after the decision's last full stop
            # (a PDF's paragraphs lose the gap between them)
            and (
                starts_block(lines, i) or (current[-1].text.rstrip().endswith(".") and ln.text[:1].isupper())
            )
        ):
            # "Mot beslutet reserverar sig …" as a paragraph of its own after an unlabelled
            # decision, as a typed protocol sets it: the decision has ended
            kind, current = "reservation", blocks.add("reservation", "")
            current.append(ln)
            continue
        if not lab and kind in _BEFORE_DECISION and current and _DECISION_OPENS.match(ln.text):
            # "Yrkanden" / … / "Hälsovårdsnämnden beslutade att avslå ansökan.": a typed protocol
            # writes the decision after the yrkanden and the vote without a label of its own
            kind, current = "decision", blocks.add("decision", "")
            current.append(ln)
            continue
        if lab and kind == "decision" and not current and not lab[1] and _BODY_DECIDES.search(ln.text):
            current.append(ln)  # "Beslut" / "Nämnden beslutar" / "att …": the decision's first words
            continue
        if lab:
            kind = lab[0]
            current = blocks.add(lab[0], ln.text.strip().rstrip(":"))
            whole = kind == "decision" and ":" in ln.text[:40] and lab[1].rstrip().endswith(".")
            if lab[1]:
                current.append(Line(ln.page, ln.no, lab[1]))
            column = bool(lab[1]) and _column_label(ln.text) is not None
            continue
        if column and rules.COLUMN_FIELD.match(ln.text):
            current = blocks.add("other")
        current.append(ln)
    return blocks


def _begins_with(whole: str, start: str) -> bool:
    """``whole`` starts with ``start`` at a word boundary."""
    return whole.startswith(start) and (len(whole) == len(start) or whole[len(start)] == " ")


def _agrees(listed: str, joined: str) -> bool:
    """The ärendelista's title and the heading with its next lines agree as far as either goes
    (the list may wrap its own rows and keep only the first)."""
    return bool(listed) and (_begins_with(listed, joined) or _begins_with(joined, listed))


def interpret(
    section: Section,
    *,
    agenda_title: str | None,
    agenda_dnr: str | None,
    chair: Person | None,
    serving: list[tuple[str, str | None]],
) -> tuple[Item, list[Warning]]:
    warnings: list[Warning] = []
    number = section.number
    head = section.heading
    rest = section.rest.strip(" \t.-–:")
    if _MASKED_DNR.fullmatch(rest):
        rest = ""  # "§ 3    Dnr XXXX": a withheld case number, and the title is on the next line
    lines = _margin_dnr(_label_row(_expand(section.lines)))
    # the mark may follow the title, an akt number and the Dnr ("Ärende: …" / "Akt 0917-2016" /
    # "Dnr ÖFN 2025/063" / "Sekretess enligt 32 kap. 4 § OSL")
    marked = next((k for k in range(min(5, len(lines))) if rules.SECRECY_MARK.match(lines[k].text)), None)
    if marked is not None:
        lines = lines[:marked] + lines[marked + 1 :]
    dnr, title = None, None
    if rest:
        dnr, after = _split_dnr(rest)
        if dnr is None and (lead := rules.LEADING_DNR.match(rest)):
            dnr, after = lead.group("dnr"), rest[lead.end() :]  # "§ 8 SBU 2025/14 Detaljplan för …"
        title = after if dnr else rest
        if dnr is None and (end := ending_dnr(section.rest)):
            before, dnr = end
            # "Title Dnr KS 2025/12" run onto one line: the label goes with the number
            title = rules.TRAILING_DNR_LABEL.sub("", before).strip(" \t.-–:")
        title = rules.AGENDA_ROW.sub("", title).strip() or None
    if dnr is None and title and (inline := _inline_dnr(title)):
        title, dnr, after = inline
        if after:
            lines = [Line(head.page, head.no, after), *lines]
    if title and (labelled := _inline_label(title)):
        title, opened = labelled
        if section.rest.rstrip().endswith(f"{opened[-1]}."):
            opened[-1] += "."  # the heading's punctuation, stripped with the title's, ends the text
        lines = [*(Line(head.page, head.no, text) for text in opened), *lines]
    body_start = 0
    wrapped = False
    for k in range(min(4, len(lines))):
        if dnr is None:
            d, after, used = _dnr_at(lines, k)
            if d:
                dnr, body_start = d, k + used
                if after and not title and not label_of(after):
                    title = after
                elif title and _prose(after):
                    # "…, / dnr 97/098. Efter en längre diskussion beslöts att …": in running prose
                    # the Dnr ends a sentence and the next goes on on its line; that is the text
                    at = lines[k + used - 1]
                    lines = [*lines[:body_start], Line(at.page, at.no, after), *lines[body_start:]]
                continue
            # a Dnr with its prefix and no label, alone under a bare heading ("§ 101" /
            # "SBN 2025/0214"), as a margin column prints it above the title
            bare = rules.BARE_DNR_LINE.match(lines[k].text) if not title else None
            if bare and bare.group("dnr")[:1].isalpha():
                dnr, body_start = bare.group("dnr"), k + 1
                continue
        break
    if title is None:
        title, body_start = _labelled_title(lines, body_start)
    if title is None:
        for k in range(body_start, min(body_start + 2, len(lines))):
            text = lines[k].text
            lab = label_of(text)
            nxt = label_of(lines[k + 1].text) if k + 1 < len(lines) else None
            # "Information" right under the heading is the title when a label follows it
            if lab and not (lab[0] == "background" and not lab[1] and nxt and len(text.split()) <= 2):
                break
            if (dnr is None and rules.DNR_LABEL.match(text)) or _AGENDA_NUMBER.match(text):
                continue
            if len(text) <= 200 or _text_after_title(text):
                title, body_start = text.strip(), k + 1
            break
    if (
        title
        and body_start < len(lines)
        and not title.endswith((".", "!", "?", ":"))
        and not label_of(lines[body_start].text)
        and (run_in := _RUN_IN_TITLE.match(title))
        and run_in.group(1).rsplit(None, 1)[-1].lower() not in _ABBREVIATIONS
    ):
        # "§ 3. Anslag till hembygdsföreningen. Föreningen hade i skrivelse" / "den 10 februari …":
        # a typed protocol runs the text on after the title's full stop, and its sentence goes on
        # below (the heading line ends inside it); the title is what stands before the stop
        at = lines[body_start - 1] if body_start else head
        title, text = _before_the_stop(run_in.group(1), run_in.group(2))
        lines = [*lines[:body_start], Line(at.page, at.no, text), *lines[body_start:]]
    if title and body_start < len(lines):
        # a wrapped heading keeps the punctuation it broke at: "… 3:14 m.fl. –" / "beslut om …"
        raw = section.rest.strip().lstrip(" \t.-–:")
        whole = raw if raw.startswith(title) and not raw[len(title) :].strip(" \t.-–:") else title
        if n := _title_continuation(whole, lines, body_start, agenda_title):
            rest_of_title = " ".join(ln.text.strip() for ln in lines[body_start : body_start + n])
            title, body_start = join_wrapped(whole, rest_of_title), body_start + n
            wrapped = True
            if dnr is None and (inline := _inline_dnr(title)) and not inline[2]:
                title, dnr, _ = inline
            elif dnr is None and (end := ending_dnr(title)):
                title, dnr = end[0].strip(" \t.-–:"), end[1]
    if dnr is None:
        # "§ 12 / Title / Dnr KS 2024/123": the Dnr line may follow the title
        for k in range(body_start, min(body_start + 2, len(lines))):
            d, after, used = _dnr_at(lines, k)
            if d and not after:
                dnr, body_start = d, k + used
                break
            if label_of(lines[k].text):
                break  # "Beslut: …" between the title and a Dnr is the text, not more title
        bare = rules.BARE_DNR_LINE.match(lines[body_start].text) if body_start < len(lines) else None
        if dnr is None and title and bare:
            dnr, body_start = bare.group("dnr"), body_start + 1
    # the heading line's own full stop was stripped with its punctuation: a sentence of the § text
    # run onto the title's line ends there ("§ 45 Val av justerare Nämnden utser … protokollet.")
    stopped = (
        title is not None
        and not title.endswith(".")
        and rest.endswith(title)
        and section.rest.rstrip().endswith(".")
    )
    if title and (len(title) > 120 or title.endswith(".") or stopped):
        # "Title. First sentence of the text …" on one line: the title ends at the first full
        # stop; without one, where a capital opens the text ("Allmänhetens frågestund Inga
        # frågor ställs.", a scrape that ran each paragraph into one line)
        m = _RUN_ON_TITLE.match(title) if len(title) > 120 else None
        # a title printed over several lines is a heading block: its capitals are its own
        split = (
            _before_the_stop(m.group(1), m.group(2))
            if m
            else None
            if wrapped
            else _text_after_title(f"{title}." if stopped else title)
        )
        if split and (label := _LABEL_IN_TITLE.match(split[0])):
            # "… Lönnen 3 Sökande: Kjell Backlund. Ansökan avser …": a field of the text after
            # the title, which a full stop did not end
            split = (label.group("title"), f"{label.group('field')}. {split[1]}")
        if split:
            # the text goes on from where the title stood, as the body's first line
            at = lines[body_start - 1] if body_start else head
            lines = [*lines[:body_start], Line(at.page, at.no, split[1]), *lines[body_start:]]
            title = split[0]
    if title and "B)" in title and (link := _FILE_NOTE.search(title)):
        title = title[: link.start()].rstrip(" ,")  # "Title (pdf, 210 kB)": a web list's link to the file
    if title and "ekretess" in title and (stamp := rules.TITLE_SECRECY_MARK.search(title)):
        title, marked = title[: stamp.start()].rstrip(" ,.-–") or None, -1
    if title and len(title) > 200:
        title = None
    if title and title[:1] in "ÄäPp":
        title = _AGENDA_PREFIX.sub("", title)  # "Ärende 2 Bygglov för …": the agenda's number
    if title is None and agenda_title:
        title = agenda_title
    elif (
        title
        and agenda_title
        and not lines[body_start:]
        and agenda_title.startswith(title)
        and title != agenda_title
    ):
        title = agenda_title  # a text cut inside the heading ("§ 23 Öppettid"): the agenda has it whole
    if dnr is None and len(lines) > body_start + 1:
        # a web summary prints the Dnr as the last line of its § ("*Diarienummer: KS 2025/0520*"):
        # a labelled line with nothing else on it, after the text
        d, after = _split_dnr(lines[-1].text)
        if d and not after:
            dnr, lines = d, lines[:-1]
    if dnr is None:
        dnr = agenda_dnr

    blocks = _blocks(lines[body_start:])
    all_text = squash(" ".join(ln.text for ln in lines))

    decision = blocks.points("decision") or blocks.points("forwarded") or blocks.own_proposal()
    lead = blocks.labels.get("decision", "")
    if decision and decision.startswith("att ") and re.search(r"\bbeslutar$", lead, re.IGNORECASE):
        decision = f"{lead} {decision}"  # "Kommunstyrelsen beslutar / att …" reads as one sentence
    if decision is None:
        unlabelled = blocks.preamble + blocks.lines("background")
        for j, ln in enumerate(unlabelled):
            if _DECISION_SENTENCE.match(ln.text):
                decision = squash(ln.text)
                # the sentence wrapped onto the lines below ("… justera dagens" / "protokoll.")
                for nxt in unlabelled[j + 1 : j + 6]:
                    if (
                        decision.endswith((".", ":"))
                        or not nxt.text[:1].islower()
                        or _OPENS_CLAUSES.search(decision)
                    ):
                        break
                    decision = f"{decision} {squash(nxt.text)}"
                if _OPENS_CLAUSES.search(decision):
                    # "Kommunstyrelsen föreslår kommunfullmäktige besluta" / "att …": its clauses
                    decision = " ".join([decision, *_att_clauses(unlabelled[j + 1 :])]).strip()
                break
    if decision is None:
        # a protocol in running prose: the decision is a sentence inside a paragraph ("…, dnr
        # 97/112. Nämnden beslöt att fastställa taxorna …"); another body's proposal there
        # ("Kommunstyrelsen föreslår att …") is the background
        prose = squash(" ".join(ln.text for ln in blocks.preamble + blocks.lines("background")))
        decision = next(
            (
                s
                for s in rules.SENTENCE_END.split(prose)
                if (m := _DECISION_SENTENCE.match(s)) and not _PROPOSES.search(m.group(0))
            ),
            None,
        )
    if decision is None and not blocks.by_kind:
        decision = _lone_passive_decision(blocks.preamble)
    # lowered once for the word tests below
    low_text = all_text.lower()
    immediate = "omedelbar" in low_text and bool(rules.IMMEDIATE_ADJUSTMENT.search(all_text))
    if decision:
        decision = _DECISION_NOTES.sub("", decision)
        decision = "\n".join(row for row in map(squash, decision.split("\n")) if row) or None
    background = blocks.text("background") or squash(" ".join(ln.text for ln in blocks.preamble)) or None
    if background == decision:
        background = None
    motion_lines = blocks.lines("motions") or [
        ln for ln in lines if "yrkar" in ln.text and _YRKAR.search(ln.text)
    ]
    motions = _motions(motion_lines, chair)
    vote_text_lines = blocks.lines("vote") + blocks.lines("proposition") + blocks.lines("decision")
    votes, vote_warnings = read_votes(
        vote_text_lines or lines, all_lines=lines, serving=serving, paragraph=number
    )
    warnings += vote_warnings
    conflicts = []
    probable = "jäv" in low_text or "deltar inte" in low_text
    # under a "Jäv" label, the sentences that say who is jävig, not those that say who leads the §
    # or serves instead ("A (S) anmäler jäv och lämnar lokalen. … B (S) tjänstgör."); a label over
    # names alone ("Jäv: A (S)") gives them all
    sentences = [
        x
        for ln in blocks.lines("conflict")
        or [ln for ln in lines if probable and rules.CONFLICT_SENTENCE.search(ln.text)]
        for x in rules.SENTENCE_END.split(ln.text)
    ]
    for sentence in [x for x in sentences if rules.CONFLICT_SENTENCE.search(x)] or sentences:
        for p in _persons(sentence):
            if p not in conflicts:
                conflicts.append(p)
    masked = ("XXX" in all_text or "***" in all_text or "maskerat" in all_text) and bool(
        rules.MASKED.search(all_text)
    )
    confidential = (
        marked is not None
        or masked
        or bool(len(all_text) < 400 and _CONFIDENTIAL.search(f"{rest} {all_text[:300]}"))
    )
    if confidential and not masked and marked is None:
        warnings.append(
            Warning(
                code="confidential_guess",
                paragraph=number,
                page=head.page,
                line=head.no,
                message=f"§ {number} looks withheld for sekretess; content not invented",
            )
        )
    item = Item(
        paragraph=number,
        case_number=dnr,
        case=parse_dnr(dnr) if dnr else None,
        title=title,
        confidential=confidential,
        outcome=_outcome(decision, title, all_text),
        decision=decision,
        proposed_decision=blocks.text("proposed"),
        background=background,
        motions=motions,
        proposition_order=blocks.text("proposition"),
        votes=votes,
        reservations=_reservations(blocks, all_text, low_text),
        statements=_statements(blocks),
        conflicts=conflicts,
        assignments=_assignments(decision or "", blocks.text("assignments") or ""),
        sent_to=_dispatch(blocks.lines("dispatch")),
        attachments=_attachments(blocks.lines("attachments")),
        immediately_adjusted=immediate,
        provenance=Provenance(
            page=head.page,
            line_start=head.no,
            line_end=max([head.no] + [ln.no for ln in section.lines if ln.page == head.page]),
        ),
    )
    if title is None:
        warnings.append(
            Warning(
                code="no_title",
                paragraph=number,
                page=head.page,
                line=head.no,
                message=f"§ {number} has no title the parser could read",
            )
        )
    return item, warnings
