"""Omröstning: tallies written in words or figures, ballot tables, and the checks KL asks for
(KL 5:67 p. 3 and 5; DOMAIN checklist 4 and 46): the tally must match the ballots, and every
voter must be serving. A disagreement is a warning; the parser never "fixes" the protocol."""

from __future__ import annotations

import functools
import re
import unicodedata

from protokoll.document.model import Ballot, Person, Vote, Warning
from protokoll.domain.vocab import VoteChoice
from protokoll.importing import rules
from protokoll.importing.attendance import PAREN_ANCHOR, clean_name, party_letters
from protokoll.importing.clean import Line
from protokoll.importing.prefilter import Prefiltered
from protokoll.importing.values import count, squash

_CHOICE = {
    "ja": VoteChoice.YES,
    "nej": VoteChoice.NO,
    "avstår": VoteChoice.ABSTAIN,
    "avstod": VoteChoice.ABSTAIN,
    "frånvarande": VoteChoice.ABSENT,
}
_VOTE_CONTEXT = re.compile(
    r"omröstning|votering|röster|röstsiffr|ja-röst|nej-röst|\bja\b.{0,200}?\bnej\b", re.IGNORECASE
)


_TALLY_WORDS = ("ja", "röst", "summa", "totalt", "antal")
# a tally table's row, the choice in one cell and its count in the next ("Ja<TAB>4"), read as
# the label and count it stands for ("Ja: 4")
_TALLY_CELLS = re.compile(
    r"^\s*(ja|nej|avstår|avstod|ja-röster|nej-röster)[ ]*\t+[ ]*(\d{1,3})\s*$", re.IGNORECASE
)


def _cells_as_labels(text: str) -> str:
    return _TALLY_CELLS.sub(r"\1: \2", text) if "\t" in text else text


def _tally_from(lines: list[Line], start: int) -> tuple[tuple[int, int, int], str, int] | None:
    """The first tally in ``lines`` (ja, nej, avstår) from ``start`` on, the text it was read
    from and the index of its first line. A tally that wraps ("5 ja-röster" / "för förslaget och
    3 nej-röster", "3 nej-röster," / "1 avstår") is read across the line break."""
    for k in range(start, len(lines)):
        ln = lines[k]
        low = ln.text.lower()
        if not any(w in low for w in _TALLY_WORDS):
            continue  # every tally rule needs one of these words
        text = squash(_cells_as_labels(ln.text))
        found = _tally_in(text)
        # a tally may take three lines, one count a line ("Ja: 5" / "Nej: 3" / "Avstår: 1")
        first = len(text)
        for nxt in lines[k + 1 : k + 3]:
            if found is not None and not found[1]:
                break
            joined = squash(f"{text} {_cells_as_labels(nxt.text)}")
            wrapped = _tally_in(joined, before=len(text) if found else first)
            if wrapped is None and found is None:
                text = joined  # a list of names between the counts may wrap: read one more line
                continue
            if not wrapped or (found is not None and wrapped[0][:2] != found[0][:2]):
                break
            found, text = wrapped, joined
        if found:
            return found[0], text, k
    return None


# what says a new votering begins: a second vote in one § ("Omröstning begärs och verkställs",
# "Votering verkställs", "Därefter ställs proposition på …" and a count)
_NEW_VOTING = re.compile(r"omröstning|votering|röstning", re.IGNORECASE)


def _later_votes(all_lines: list[Line], first: tuple[int, int, int], at: int) -> list[Vote]:
    """The voteringar after the first (whose tally stands on line ``at``) in a §: a later tally
    that differs from every tally before it, with a votering named after the one before it (an
    återremissvotering, then the vote on the matter; two votes in a fullmäktige's §). A tally
    stated again ("Nämnden beslutar med 5 röster mot 3 …") is the same vote, never a second."""
    if not any(_NEW_VOTING.search(ln.text) for ln in all_lines[at + 1 :]):
        return []  # most §§ name no votering after their one tally: no second scan
    seen, start, out = [first], at + 1, []
    while (nxt := _tally_from(all_lines, start)) is not None:
        counts, text, k = nxt
        between = " ".join(ln.text for ln in all_lines[start:k]) + " " + text
        if counts not in seen and _NEW_VOTING.search(between):
            absent = _TALLY_ABSENT.search(text)
            out.append(
                Vote(
                    yes=counts[0],
                    no=counts[1],
                    abstain=counts[2],
                    absent=count(absent.group("absent")) if absent else 0,
                )
            )
        seen.append(counts)
        start = k + 1
    return out


# what may follow a tally at its line's end when the abstentions go on on the next line; the
# line may break inside them, after their count ("… 4 nej-röster och 4" / "som avstår", "…, medan
# tolv" / "ledamöter avstår")
_OPEN_TALLY_END = re.compile(
    rf"[\s,;]*(?:och|samt)?\s*(?:medan\s+)?(?:{rules.COUNT}(?:\s+(?:ledamöter|ledamot))?)?\s*$", re.IGNORECASE
)


def _tally_in(text: str, before: int | None = None) -> tuple[tuple[int, int, int], bool] | None:
    """The first tally rule's counts in ``text``, starting before position ``before`` if given,
    and whether the line ends right after a tally without abstentions (they may follow on the
    next line)."""
    for rule in rules.TALLY_RULES:
        m = rule.pattern.search(text)
        if m and (before is None or m.start() < before):
            abstain = m.groupdict().get("abstain")
            counts = count(m.group("yes")), count(m.group("no")), count(abstain)
            return counts, abstain is None and bool(_OPEN_TALLY_END.fullmatch(text, m.end()))
    return None


_CHOICE_AFTER = re.compile(r"^[\s\t|]*(ja|nej|avstår|avstod|frånvarande)\b", re.IGNORECASE)
# the anchor ends at its party's ")", so a ballot row has a choice right after some ")": a test
# that skips finding every name on the lines that have none (most lines with a party)
_CHOICE_AFTER_PAREN = re.compile(r"\)[\s\t|]*(?:ja|nej|avstår|avstod|frånvarande)\b", re.IGNORECASE)
_LOTTERY = Prefiltered(rules.LOTTERY)
# searched through the text of every § with a vote; few texts say "frånvarande"
_TALLY_ABSENT = Prefiltered(rules.TALLY_ABSENT)
_CASTING_VOTE = Prefiltered(rules.CASTING_VOTE)


# the voters for one choice, named after it: "Ja-röster (förvaltningens förslag): Ulrika Sand (S),
# Eva Pihl (S) – 2", "Ja: Lena Tjäder (S), Nadia Karimi (C). Nej: Roger Lind (M).", after a label
# ("Omröstning      Ja: …"), a list wrapping onto the next line ("…, Frida" / "Wessman (C)")
_CHOICE_MARK = re.compile(
    r"(?<![\w-])(?P<choice>ja|nej|avstår|avstod)(?:-?röst(?:er)?)?(?:\s*\([^()\n]{1,80}\))?\s*:",
    re.IGNORECASE,
)
# a list line that goes on: it ends inside a name or after a comma, not after a full stop
_LIST_GOES_ON = re.compile(r"(?:,|\boch|[^\W\d])\s*$")
_PARTY_IN_PARENS = re.compile(r"\([A-ZÅÄÖa-zåäö]{1,5}\)")


def _listed_ballots(lines: list[Line]) -> list[Ballot]:
    out: list[Ballot] = []
    k = 0
    while k < len(lines):
        text = lines[k].text
        k += 1
        if ":" not in text or not _CHOICE_MARK.search(text):
            continue
        while k < len(lines) and _LIST_GOES_ON.search(text) and not _CHOICE_MARK.search(lines[k].text):
            nxt = lines[k].text.strip()
            if not _PARTY_IN_PARENS.search(nxt):
                break
            text, k = f"{text.rstrip()} {nxt}", k + 1
        marks = list(_CHOICE_MARK.finditer(text))
        for m, after in zip(marks, [*marks[1:], None], strict=True):
            names = text[m.end() : after.start() if after else len(text)]
            choice = _CHOICE[m.group("choice").lower()]
            out += filter(None, (_ballot(anchor, choice) for anchor in PAREN_ANCHOR.finditer(names)))
    return out


# the voters for one choice told in a sentence: "Ja röstar Anna Ek (S), Cia Ro (V) och Eva Sand (C).",
# "Bo Lind (M) och Dan Berg (SD) röstar nej.", "Ida Sörlin (SD) avstår från att rösta."
_VOTERS_FIRST = re.compile(r"^(?:[^\W\d]+:\s*)?(?P<choice>ja|nej)\s+röstar\s+(?P<names>.+)$", re.IGNORECASE)
_VOTERS_THEN = re.compile(
    r"^(?P<names>.+?)\s+(?:röstar\s+(?P<choice>ja|nej)|(?P<abstain>avstår|avstod)(?:\s+från\s+att\s+rösta)?)"
    r"\s*[.!]?$",
    re.IGNORECASE,
)


def _sentence_ballots(text: str) -> list[Ballot]:
    """Ballots named in sentences of their own, one choice each, every voter with a party. A list
    of voters wraps onto the next line, so the sentences of the § text ``text`` are read."""
    out: list[Ballot] = []
    for sentence in rules.SENTENCE_END.split(squash(text)):
        m = _VOTERS_FIRST.match(sentence) or _VOTERS_THEN.match(sentence)
        if m is None:
            continue
        choice = VoteChoice.ABSTAIN if m.groupdict().get("abstain") else _CHOICE[m.group("choice").lower()]
        names = m.group("names").rstrip(" .")
        anchors = list(PAREN_ANCHOR.finditer(names))
        # every word of the names part is a voter's: no sentence that only mentions a name
        if anchors and not re.search(r"\w", _LIST_WORDS.sub("", PAREN_ANCHOR.sub("", names))):
            out += filter(None, (_ballot(a, choice) for a in anchors))
    return out


# the words a list of voters joins its names with; anything else left makes it no list
_LIST_WORDS = re.compile(r"\b(?:och|samt)\b", re.IGNORECASE)


def _ballots(lines: list[Line]) -> list[Ballot]:
    out: list[Ballot] = []
    for ln in lines:
        if "(" not in ln.text or not _CHOICE_AFTER_PAREN.search(ln.text):
            continue  # a ballot row names the party in parentheses: "Eva Ek (S)  Ja"
        anchors = list(PAREN_ANCHOR.finditer(ln.text))
        if not anchors:
            continue
        last = anchors[-1]
        tail = ln.text[last.end() :]
        m = _CHOICE_AFTER.match(tail)
        if not m:
            continue
        ballot = _ballot(last, _CHOICE[m.group(1).lower()])
        if ballot is not None:
            out.append(ballot)
    return out


def _ballot(anchor: re.Match[str], choice: VoteChoice) -> Ballot | None:
    """The ballot of the person a name-and-party anchor found; None for a name the model refuses."""
    name, _ = clean_name(squash(anchor.group("name")))
    try:
        return Ballot(person=Person(name=name, party=party_letters(anchor.group("party"))), vote=choice)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """Compare names without case, punctuation or accents other than å ä ö ("Irène" = "Iréne")."""
    keep = {"å": "\0", "ä": "\1", "ö": "\2"}
    text = "".join(keep.get(c, c) for c in name.lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("\0", "å").replace("\1", "ä").replace("\2", "ö")
    return re.sub(r"[^a-zåäö]", "", text)


def read_votes(
    lines: list[Line], *, all_lines: list[Line], serving: list[tuple[str, str | None]], paragraph: int
) -> tuple[list[Vote], list[Warning]]:
    text = " ".join(ln.text for ln in all_lines)
    low = text.lower()
    if ("röst" not in low and "votering" not in low and "nej" not in low) or not _VOTE_CONTEXT.search(text):
        return [], []
    found = _tally_from(lines, 0)
    if found is not None:
        # the index of the tally's line in the whole §, where a later votering is looked for
        # (a block keeps its line's place, not always its text: a label is cut off)
        line = lines[found[2]]
        at = next((i for i, ln in enumerate(all_lines) if (ln.page, ln.no) == (line.page, line.no)), None)
    else:
        found = _tally_from(all_lines, 0)
        at = found[2] if found else None
    tally, tally_line = (found[0], found[1]) if found else (None, "")
    ballots = _ballots(all_lines) or _listed_ballots(all_lines)
    if "röstar" in low and len(said := _sentence_ballots(text)) > len(ballots):
        ballots = said  # "Ja röstar A (S) och B (M). C (V) avstår från att rösta."
    if tally is None and len(ballots) < 2:
        return [], []
    warnings: list[Warning] = []
    counted = (
        sum(b.vote == VoteChoice.YES for b in ballots),
        sum(b.vote == VoteChoice.NO for b in ballots),
        sum(b.vote == VoteChoice.ABSTAIN for b in ballots),
    )
    if tally is None:
        tally = counted
    elif ballots and tally[2] == 0 and counted[2] and counted[:2] in (tally[:2], (0, 0)):
        # "Med 3 ja-röster mot 1 nej-röst" says nothing of those who abstained; the ballots name
        # them, in a list of every voter or in a sentence of their own after the tally ("9 ja-röster
        # och 1 nej-röst. Ida Sörlin (SD) avstår från att rösta.")
        tally = (tally[0], tally[1], counted[2])
    elif ballots and counted != tally:
        warnings.append(
            Warning(
                code="vote_tally_mismatch",
                paragraph=paragraph,
                message=f"§ {paragraph}: the tally {tally[0]}-{tally[1]}-{tally[2]} does not match "
                f"the ballots {counted[0]}-{counted[1]}-{counted[2]}",
            )
        )
    if serving:
        known = {_key(n) for n, _ in serving}
        strangers = [b.person.name for b in ballots if _key(b.person.name) not in known]
        if strangers:
            warnings.append(
                Warning(
                    code="voter_not_serving",
                    paragraph=paragraph,
                    message=f"§ {paragraph}: voters not in the attendance list: {', '.join(strangers)}",
                )
            )
        if sum(tally) > len(known):
            warnings.append(
                Warning(
                    code="vote_exceeds_members",
                    paragraph=paragraph,
                    message=f"§ {paragraph}: {sum(tally)} votes but {len(known)} serving members",
                )
            )
    # the absent count stands beside the tally, which may lie outside the vote's own block
    absent = _TALLY_ABSENT.search(tally_line) or _TALLY_ABSENT.search(" ".join(ln.text for ln in lines))
    absent_count = (
        count(absent.group("absent")) if absent else sum(b.vote == VoteChoice.ABSENT for b in ballots)
    )
    questions = [squash(ln.text) for ln in all_lines if rules.VOTE_QUESTION.match(ln.text.strip())]
    vote = Vote(
        question=" ".join(questions) or None,
        yes=tally[0],
        no=tally[1],
        abstain=tally[2],
        absent=absent_count,
        ballots=ballots,
        casting_vote=bool(_CASTING_VOTE.search(text)),
        lottery=bool(_LOTTERY.search(text)),
    )
    return [vote, *_later_votes(all_lines, found[0], at)] if found and at is not None else [vote], warnings


_SUM_ROW = re.compile(r"^summa\s+(?P<choice>ja|nej|avstår|avstod)\b", re.IGNORECASE)


def appendix_tallies(lines: list[Line]) -> dict[int, tuple[int, int, int]]:
    """The tally of each votering in a bilaga that gives one column per votering ("Ledamot |
    Parti | Votering 1 | Votering 2"): its "Summa ja / nej / avstår" rows, else the Ja, Nej and
    Avstår cells counted down each column."""
    columns: dict[int, int] = {}
    width = 0
    counts: dict[int, list[int]] = {}
    sums: dict[int, dict[str, int]] = {}
    for ln in lines:
        cells = [c.strip() for c in ln.text.split("\t")]
        if not columns:
            found = {
                int(m.group("n")): c for c, cell in enumerate(cells) if (m := rules.VOTE_COLUMN.match(cell))
            }
            if len(found) >= 1 and len(cells) >= 2:
                columns, width = found, len(cells)
                counts = {n: [0, 0, 0] for n in columns}
            continue
        total = _SUM_ROW.match(cells[0])
        if total:
            figures = [int(c) for c in cells[1:] if c.isdigit()]
            if len(figures) == len(columns):
                choice = total.group("choice").lower().replace("avstod", "avstår")
                for n, figure in zip(sorted(columns, key=columns.get), figures, strict=True):
                    sums.setdefault(n, {})[choice] = figure
            continue
        if len(cells) != width:
            continue
        for n, c in columns.items():
            choice = _CHOICE.get(cells[c].lower())
            if choice in (VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN):
                counts[n][(VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN).index(choice)] += 1
    out: dict[int, tuple[int, int, int]] = {}
    for n in columns:
        given = sums.get(n, {})
        if "ja" in given and "nej" in given:
            out[n] = (given["ja"], given["nej"], given.get("avstår", 0))
        elif sum(counts[n]):
            out[n] = (counts[n][0], counts[n][1], counts[n][2])
    return out
