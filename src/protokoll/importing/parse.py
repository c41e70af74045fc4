"""The parser's public entry points: Extracted (or plain text) → ``protokoll/1`` Document.

clean → segment → header + one interpretation per § → document. Every stage is pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date

from protokoll.document.model import Document, Item, Source, Vote, Warning
from protokoll.domain.dnr import parse_dnr
from protokoll.domain.vocab import AttendanceStatus, DocumentKind
from protokoll.importing import rules
from protokoll.importing.clean import MAX_HEADER_LINES, Line, clean
from protokoll.importing.extracted import Extracted, Page, UnreadableInput
from protokoll.importing.header import Header, chosen_adjusters, read_header
from protokoll.importing.items import interpret, label_of
from protokoll.importing.kinds import detect_kind, lists_meetings
from protokoll.importing.segment import Segments, match_heading, segment
from protokoll.importing.summary import read_summary
from protokoll.importing.values import first_date, squash
from protokoll.importing.votes import appendix_tallies


class NotAProtocol(UnreadableInput):
    """The text holds no recognisable protocol content: no § section, header or listing."""


BODY_NAME = re.compile(
    # an utskott of a nämnd or styrelse first, so that "Kommunstyrelsens personalutskott" is read
    # whole and not as "Kommunstyrelsen"; the nämnder named by an adjective ("Tekniska nämnden",
    # "Gemensamma hjälpmedelsnämnden", a nämnd that several kommuner share)
    r"\b([A-ZÅÄÖ][a-zåäö]+(?:nämndens|styrelsens)\s+[a-zåäö]*utskott(?:et)?\b|"
    r"(?:[A-ZÅÄÖ][a-zåäö]+-\s+(?:och|&)\s+[a-zåäö]*|[A-ZÅÄÖ][a-zåäö]*)(?:nämnden|nämnd|styrelsen|fullmäktige|utskottet|"
    r"beredningen|direktionen)s?|(?:Tekniska|Sociala|Gemensamma|Regionala|Kommunala|Lokala)\s+[a-zåäö]*nämnd(?:en)?s?|"
    r"Nämnden för [a-zåäö]+(?:(?:,\s*|\s+och\s+)[a-zåäö]+){0,4})"
)
BODY_UPPER = re.compile(
    r"\b((?:[A-ZÅÄÖ]+-\s+(?:OCH|&)\s+)?[A-ZÅÄÖ]*(?:NÄMNDEN|STYRELSEN|FULLMÄKTIGE|UTSKOTTET|BEREDNINGEN))\b"
)
_BODY_SUFFIX = re.compile(
    r"(?:nämnden|nämnd|styrelsen|fullmäktige|utskottet|utskott|beredningen)$", re.IGNORECASE
)
MUNICIPALITY = re.compile(
    r"\b([A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?|[A-ZÅÄÖ]{3,})\s+(?:kommun|stad|KOMMUN|STAD)\b"
)
_PLACE_WORDS = ("kommun", "stad", "KOMMUN", "STAD")


def _place_words(text: str) -> list[tuple[int, int]]:
    """Spans of a place word ending a word, in text order: what ``(?:kommun|stad|KOMMUN|STAD)\b``
    finds (no word can start inside another, so the matches never overlap), found by str.find,
    which skips text many times faster than the engine tries the pattern at every position."""
    spans = []
    for word in _PLACE_WORDS:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
                spans.append((at, end))
            at = text.find(word, at + 1)
    return sorted(spans)


_NOT_PLACE = {
    "denna",
    "vilken",
    "varje",
    "hela",
    "annan",
    "egen",
    "kommunens",
    "den",
    "en",
    "vår",
    "övrig",
    "samma",
    "inom",
    "region",
    "hemsida",
    "i",
    "från",
}


# the label's value may stand on the next line, under the label, after another column's text
_MEETING_DATE = re.compile(
    r"Sammanträdes(?:datum|dag)\s*:?\s*(\S[^\n]{0,80}(?:\n[^\n]{0,80})?)", re.IGNORECASE
)


def _degenitive(name: str, text: str) -> str:
    if not name.endswith("s"):
        return name
    stem = name[:-1]
    if _BODY_SUFFIX.search(stem) or (stem in text and re.search(rf"\b{re.escape(stem)}\b", text)):
        return stem
    return name


# "Nämnden beslutar": a body referring to itself names no body
# what a body does in its own decision sentence ("Bygg- och miljönämnden beviljar …"), or a
# label naming its decision ("Kommunstyrelsens beslut")
_DECIDES = re.compile(rf"s?:?s?\s+(?:beslut\b|förslag\b|{rules.DECISION_VERBS})\b", re.IGNORECASE)
_BODY_END = r"(?:nämnd|styrelse|fullmäktige|utskott|beredning|direktion)"
# the opening sentence of a protocol in prose: "fört vid kultur- och fritidsnämndens
# sammanträde", "fört vid sammanträde med kommunalnämnden"
_MINUTES_OF = re.compile(
    rf"\bfört\s+vid\s+(?:(?P<gen>(?:[a-zåäö]+-\s+och\s+)?[a-zåäö]+{_BODY_END}(?:ens|ns|ets|s))\s+sammanträde"
    rf"|sammanträde\s+med\s+(?P<def>(?:[a-zåäö]+-\s+och\s+)?[a-zåäö]*{_BODY_END}(?:en|n|et)?)\b)",
    re.IGNORECASE,
)
_GENERIC_BODY = {"nämnden", "nämnd", "styrelsen", "fullmäktige", "utskottet", "beredningen", "direktionen"}


# an organ label's value names a body ("Organ: Kommunstyrelsen"), never a sentence ("Protokoll
# från sammanträde måndagen …")
_ORGAN_WORD = re.compile(
    r"nämnd|styrelse|fullmäktige|utskott|beredning|direktion|kommitté|råd\b|överförmyndare", re.IGNORECASE
)


def _body(header: Header, seg: Segments, text: str, raw_head: str = "") -> str | None:
    organ = header.organ
    if organ and len(organ) >= 4 and not organ[:1].isdigit() and _ORGAN_WORD.search(organ):
        return _degenitive(organ, text)
    counts: Counter[str] = Counter()
    for sec in seg.sections:
        forwarded = False
        for ln in sec.lines[:12]:
            m = BODY_NAME.match(ln.text)
            label = label_of(ln.text) if m else None
            # under "Nämndens förslag till kommunfullmäktige" the decision is the receiver's; a
            # body that decides is this one, one that "har skickat …" or receives a copy is not;
            # nor is the one whose proposal is labelled bare ("Kommunstyrelsens förslag" in
            # fullmäktige's protocol): it prepared the ärende for this one
            if (
                m
                and not forwarded
                and m.group(1).lower().rstrip("s") not in _GENERIC_BODY
                and _DECIDES.match(ln.text, m.end())
                and not (label and label[0] == "proposed" and ln.text.rstrip(" :").endswith("förslag"))
            ):
                counts[_degenitive(m.group(1), text)] += 1
            label = label if m else label_of(ln.text)
            forwarded = label[0] == "forwarded" if label else forwarded
    if counts:
        return _letterhead_name(counts.most_common(1)[0][0], seg, raw_head)
    named = _MINUTES_OF.search(text[:3000])
    if named:
        # "Protokoll fört vid kultur- och fritidsnämndens sammanträde …": the opening sentence of
        # a protocol written as prose names the body in lower case
        name = (named.group("gen") or "")[:-1] or named.group("def")
        if name.lower() != "styrelsen":
            return name[0].upper() + name[1:]
        # "fört vid sammanträde med styrelsen för AB Tornvik": a company's board, named below
    for k, ln in enumerate(seg.header[:40] or []):
        source = ln.text.title() if ln.text.isupper() else ln.text
        m = BODY_NAME.search(source)
        if m:
            # a viewer's title cuts the letterhead short ("… PROTOKOLL Socialnämndens"): the
            # page's own first line, just below, names the body in full
            name = m.group(1)
            for below in seg.header[k + 1 : k + 4]:
                longer = BODY_NAME.search(below.text)
                if longer and longer.group(1).startswith(name + " "):
                    name = longer.group(1)
                    break
            return _degenitive(name, text)
        m = BODY_UPPER.search(ln.text)
        if m:  # "BARN- OCH UTBILDNINGSNÄMNDEN" in a letterhead
            name = m.group(1).lower()
            return name[0].upper() + name[1:]
    # the letterhead or running page header may be the only place that names the body, and
    # clean removed it as page furniture: read the text as extracted
    for source in (text[:3000], raw_head):
        for m in BODY_NAME.finditer(source):
            if m.group(1).lower().rstrip("s") not in _GENERIC_BODY:
                # "Arbetsutskottet beviljar …" in a decision: the letterhead names it in full
                return _letterhead_name(_degenitive(m.group(1), text), seg, raw_head)
    # a kommunalt bolag's board minutes name only "styrelsen"; the letterhead names the company
    if "styrelse" in text[:3000].lower():
        company = _COMPANY.search(raw_head)
        if company:
            return f"Styrelsen för {company.group(1) or company.group(2)}"
    # a kommunalförbund's board is its "Direktionen", a name of its own, alone under the letterhead
    # or with the meeting's date in a column beside it, also as the running header clean removed
    if any(_DIRECTORATE.match(ln.text) for ln in seg.header[:40]) or _DIRECTORATE.search(raw_head):
        return "Direktionen"
    return None


# "Tornvik Energi AB", or with the form first: "AB Tornvikshem"
_COMPANY = re.compile(r"\b((?:[A-ZÅÄÖ][\w&-]*[ ]){1,4}AB)\b|\b(AB(?:[ ][A-ZÅÄÖ][\w&-]*){1,3})")
_DIRECTORATE = re.compile(
    r"^[ \t]*Direktionen[ \t]*(?:$|\s(?:\d{4}-\d\d-\d\d|\d{1,2} [a-zåäö]+ \d{4})\b)", re.MULTILINE
)


# what may follow a body's name on the letterhead and belongs to it: the part of a region or
# kommun it serves ("Hälso- och sjukvårdsnämnden Norra") or the kommuner a gemensam nämnd serves
# ("Gemensamma överförmyndarnämnden för Lönnby och Björkfors")
_QUALIFIER = (
    r"(?:[ \t]+(?:Norra|Södra|Östra|Västra|Mellersta|Nordöstra|Nordvästra|Sydöstra|Sydvästra)"
    r"|[ \t]+för[ \t]+[A-ZÅÄÖ][\w\-]+(?:(?:,[ \t]*|[ \t]+och[ \t]+)[A-ZÅÄÖ][\w\-]+){0,4})"
)


def _qualified(name: str, raw_head: str) -> str:
    """The body's name with its qualifier, where a line of the letterhead is that and no more."""
    # on a line of its own, or where a viewer flattened the page: after the page's number and
    # before the document's name or a bracket ("1 Gemensamma överförmyndarnämnden för Lönnby och
    # Björkfors (värdkommun …) PROTOKOLL …")
    m = re.search(
        rf"^[ \t]*(?:\d{{1,3}}[ \t]+)?{re.escape(name)}({_QUALIFIER})[ \t]*(?:$|(?=\(|PROTOKOLL\b|Protokoll\b))",
        raw_head,
        re.MULTILINE,
    )
    return name + " " + " ".join(m.group(1).split()) if m else name


def _letterhead_name(name: str, seg: Segments, raw_head: str) -> str:
    """A body calls itself by the short form in its decisions ("Arbetsutskottet beslutar"); the
    letterhead names it in full ("Kommunstyrelsens arbetsutskott"), which is the name to keep.
    The letterhead may also be a running header that clean removed: the raw text is read too."""
    stem = re.sub(r"(?:et|en)$", "", name.lower())
    for text in [*(ln.text for ln in seg.header[:40]), raw_head[:3000]]:
        for m in BODY_NAME.finditer(text):
            full = m.group(1)
            if len(full) > len(name) and re.sub(r"(?:et|en)$", "", full.lower()).endswith(" " + stem):
                return full
    # an utskott deciding in its nämnd's name ("Socialnämnden beslutar" in the protocol of
    # "Socialnämndens individutskott", as the letterhead opening the text names it)
    m = _UTSKOTT_OF.search(raw_head[:200])
    if m and m.group(1).lower() == name.lower() + "s":
        return f"{m.group(1)} {m.group(2)}"
    return name


_UTSKOTT_OF = re.compile(
    r"\b([A-ZÅÄÖ][a-zåäö\-]+(?:nämndens|styrelsens))\s+([a-zåäö]*(?:utskott|beredning))\b"
)


def _municipality(text: str) -> str | None:
    # count raw spellings first: the genitive check searches the whole text, once per spelling
    raw: Counter[str] = Counter()
    head = text[:20000]
    # find the rare word "kommun"/"stad" first and read the name before it, instead of trying
    # the name pattern at every capital letter
    for k_start, k_end in _place_words(head):
        m = MUNICIPALITY.search(head, max(0, k_start - 60), k_end)
        while m and m.end() < k_end:
            m = MUNICIPALITY.search(head, m.end(), k_end)
        if m is None or m.end() != k_end:
            continue
        name = m.group(1)
        if name.lower() not in _NOT_PLACE:
            raw[name.title() if name.isupper() else name] += 1
    counts: Counter[str] = Counter()
    for name, n in raw.items():
        if name.endswith("s") and (
            re.search(r"[bdfgklmnprt]s$", name) or re.search(rf"\b{re.escape(name[:-1])}\b", text)
        ):
            name = name[:-1]
        counts[name] += n
    return counts.most_common(1)[0][0] if counts else None


def _source(ex: Extracted) -> Source:
    fmt = ex.format if ex.format in {"pdf", "html", "docx", "text"} else None
    return Source(file=ex.file, format=fmt, pages=len(ex.pages), sha256=ex.sha256)


def _secret_items(header: Header, seg: Segments, header_text: str, found: set[int]) -> list[Item]:
    """§§ the header lists but the text withholds ("exklusive sekretess"): numbered, no content."""
    if not header.paragraphs or not rules.EXCLUDING_SECRET.search(
        header_text + " " + " ".join(ln.text for ln in seg.header)
    ):
        return []
    out = []
    for a, b in header.paragraphs:
        for n in range(a, b + 1):
            if n not in found and len(out) < 200:
                out.append(Item(paragraph=n, confidential=True))
    return out


_PAGE_TOP_LINES = 4


# "kl 18.30 och avslutades kl 21.05": the start and the end in one sentence
_ENDS_NEXT = re.compile(r"[^.\n]{0,30}?\bavslut", re.IGNORECASE)


def _end_from_closing(header: Header, header_text: str, text: str) -> None:
    """A typed protocol gives the time the meeting began ("… den 3 mars 1969 kl 19,00 å
    kommunalkontoret") and tells its end in the closing sentence ("Mötet förklarades avslutat kl
    21,30"): the end is the last such sentence's time, the start the first time after "kl" in the
    header that stands with the meeting's date on its line or opens the sentence of the end
    ("Sammanträdet började kl 18.30 och avslutades kl 21.05"), when it comes before the end; a
    member's "lämnar kl. 16.10" or a justering's time is no start."""
    closings = list(rules.MEETING_ENDED.finditer(text))
    if not closings:
        return
    ended = closings[-1]
    end = f"{int(ended.group(1)):02d}:{ended.group(2)}"
    start = header.meeting.start
    if start is None:
        for first in rules.KL_CLOCK.finditer(header_text):
            line_start = header_text.rfind("\n", 0, first.start()) + 1
            line_end = header_text.find("\n", first.end())
            line = header_text[line_start : line_end if line_end >= 0 else len(header_text)]
            if first_date(line) or _ENDS_NEXT.match(header_text, first.end()):
                start = f"{int(first.group(1)):02d}:{first.group(2)}"
                break
    if start is not None and start < end:
        header.meeting = header.meeting.model_copy(update={"start": start, "end": end})


def _date_on_every_page(ex: Extracted) -> date | None:
    """The date in a running header that clean removed: the same first date at the top of every
    page of a document of two pages or more. A justering date stands on the first page only."""
    if len(ex.pages) < 2:
        return None
    dates = {first_date("\n".join(page.lines[:_PAGE_TOP_LINES])) for page in ex.pages}
    return dates.pop() if len(dates) == 1 else None


def _nobody_attending(header: Header) -> Header:
    return dataclasses.replace(header, chair=None, secretary=None, adjusters=[], attendance=[])


def parse_lines(lines: list[Line], ex: Extracted) -> Document:
    warnings: list[Warning] = list(ex.warnings)
    text = "\n".join(ln.text for ln in lines)
    seg = segment(lines)
    header_text = "\n".join(ln.text for ln in [*seg.header, *seg.appendix])
    header = read_header(header_text, "\n".join(ln.text for ln in seg.trailing))
    kind = detect_kind(lines, seg, header)
    if kind is None:
        raise NotAProtocol("no protocol content found (no § section, header or listing)")
    if kind == DocumentKind.SUMMARY and not seg.sections:
        return read_summary(lines, source=_source(ex), municipality=_municipality(text), warnings=warnings)
    # every read of ``ex.text`` joins the whole extracted text again: join it once
    raw_head = ex.text[:20000]
    if header.meeting.date is None:
        # a running header ("Nämnden  Sammanträdesdatum 2025-02-11") may be the only place of the date
        m = _MEETING_DATE.search(raw_head)
        found = first_date(m.group(1)) if m else None
        # else the date at the top of every page, before the header's first date, which may be
        # the justering's or the anslag's
        found = found or _date_on_every_page(ex) or first_date(header_text.split("ANSLAG")[0][:1500])
        # else the first page's running header, which clean removed ("Nämnden" / "2025-04-02")
        found = found or first_date("\n".join(ex.pages[0].lines[:MAX_HEADER_LINES]))
        if found:
            header.meeting = header.meeting.model_copy(update={"date": found})
    if header.meeting.end is None:
        _end_from_closing(header, header_text, text)
    if kind == DocumentKind.LISTING and lists_meetings(lines, header):
        # a page of the body's meetings: the ordförande and secretary in its contact box are
        # the body's, no meeting's chair and attendance
        header = _nobody_attending(header)
    serving = [
        (a.name, a.party) for a in header.attendance if a.serving and a.status == AttendanceStatus.PRESENT
    ]
    items: list[Item] = []
    for sec in seg.sections:
        item, item_warnings = interpret(
            sec,
            agenda_title=seg.agenda.get(sec.number),
            agenda_dnr=seg.agenda_dnr.get(sec.number),
            chair=header.chair,
            serving=serving,
        )
        items.append(item)
        warnings += item_warnings
    if seg.lettered:
        warnings.append(
            Warning(
                code="lettered_paragraph_left_out",
                message=f"{'; '.join(seg.lettered)[:300]}: a § numbered with a letter has no integer § of its own",
            )
        )
    if seg.vote_appendix:
        tallies = appendix_tallies(seg.vote_appendix)
        for sec, item in zip(seg.sections, items, strict=True):
            if item.votes or not tallies:
                continue
            ref = rules.VOTE_REFERENCE.search(" ".join(ln.text for ln in sec.lines))
            if ref and int(ref.group("n")) in tallies:
                yes, no, abstain = tallies[int(ref.group("n"))]
                item.votes = [Vote(yes=yes, no=no, abstain=abstain)]
    found = {it.paragraph for it in items if it.paragraph is not None}
    listed = sorted(n for n in seg.agenda if n not in found)
    if listed and kind in (DocumentKind.PROTOCOL, DocumentKind.EXTRACT):
        # the text is cut before these sections: the agenda is the only evidence of them
        for n in listed:
            dnr = seg.agenda_dnr.get(n)
            items.append(
                Item(
                    paragraph=n,
                    title=seg.agenda[n] or None,
                    case_number=dnr,
                    case=parse_dnr(dnr) if dnr else None,
                )
            )
        items.sort(key=lambda it: it.paragraph or 0)
        found |= set(listed)
        warnings.append(
            Warning(
                code="items_from_agenda",
                message=f"§§ {listed[:20]} appear only in the agenda; their content is not in the text",
            )
        )
    secret = _secret_items(header, seg, header_text, found)
    if secret:
        warnings.append(
            Warning(
                code="paragraphs_withheld",
                message=f"{len(secret)} §§ listed in the header are withheld (sekretess)",
            )
        )
        items = sorted(items + secret, key=lambda it: it.paragraph or 0)
    if header.paragraphs and items and kind == DocumentKind.PROTOCOL:
        lo, hi = min(a for a, _ in header.paragraphs), max(b for _, b in header.paragraphs)
        outside = [it.paragraph for it in items if it.paragraph is not None and not lo <= it.paragraph <= hi]
        if outside:
            warnings.append(
                Warning(
                    code="paragraph_outside_range",
                    message=f"§§ {outside[:10]} fall outside the header's range {lo}-{hi}",
                )
            )
    if not header.adjusters:
        # the header names no justerare, but the § that elects them does
        header.adjusters = chosen_adjusters(header, [it.decision for it in items[:3] if it.decision])
    body = _body(header, seg, text, raw_head[:3000])
    if body:
        body = _qualified(body, raw_head[:3000])
    # an excerpt may lack them (a cut page, a listing); the document says so instead of guessing
    if header.meeting.date is None:
        warnings.append(Warning(code="no_meeting_date", message="no meeting date found in the text"))
    if body is None:
        warnings.append(Warning(code="no_body", message="no committee (nämnd, styrelse …) named in the text"))
    return Document(
        kind=kind,
        municipality=_municipality(raw_head),  # running headers name it; clean removed them
        body=body,
        meeting=header.meeting,
        chair=header.chair,
        secretary=header.secretary,
        adjusters=header.adjusters,
        attendance=header.attendance,
        adjustment=header.adjustment,
        notice=header.notice,
        items=items,
        warnings=warnings,
        source=_source(ex),
    )


def parse_extracted(ex: Extracted) -> Document:
    """Parse what a reader extracted. Raises NotAProtocol when nothing protocol-like is found."""
    # the per-line caches serve one protocol, whose labels recur from § to §: what a protocol
    # costs does not depend on what was parsed before it
    label_of.cache_clear()
    match_heading.cache_clear()
    lines = clean(ex)
    if not lines:
        raise NotAProtocol("the text is empty after removing page furniture")
    return parse_lines(lines, ex)


def parse_text(text: str, *, file: str | None = None) -> Document:
    """Parse plain text; a form feed separates pages."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = [Page(number=i, lines=chunk.split("\n")) for i, chunk in enumerate(text.split("\f"), start=1)]
    return parse_extracted(Extracted(pages=pages, format="text", file=file))


__all__ = ["NotAProtocol", "parse_extracted", "parse_text", "squash"]
