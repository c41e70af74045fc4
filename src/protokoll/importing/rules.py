"""The rule table of the protocol parser: every pattern the parser knows, in one place.

Each rule names the general shape it reads (not the file it was first seen in). A new layout
adds a rule here; it does not fork parser code. Patterns are written to run in linear time on
hostile input: no nested quantifiers over overlapping classes, bounded repetitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------- building blocks

# Swedish letters plus those of names in Finnish, Sámi and other languages protocols print
# ("Áilu", "Čearru", "Máret", "Šuvi")
# Latin letters of names common in Sweden beyond Swedish: Bosnian/Croatian/Serbian (ć, đ),
# Polish (ł, ś, ż), Czech (ř, ě), Turkish (ş, ğ, ı), French and Portuguese (ë, ô, ã), Sami (ŋ, ŧ)
UP = "A-ZÅÄÖÉÜÆØÁÀÈÍÓÚÇČĐŊŠŦŽÑĆŁŃŚŹŻŘĚŮÝÊËÎÏÔÂÛÃÕŞĞİŐŰ"
LOW = "a-zåäöéüæøáàèíóúçčđŋšŧžñćłńśźżřěůýêëîïôâûãõşğıőű"
WORD = rf"[{UP}{LOW}]"
# one part of a personal name: "Anna", "Marie-Louise", "P.", "Savic´", "O'hara"
NAME_PART = rf"[{UP}][{LOW}{UP}'´`’.\-]{{0,30}}+(?![\d{LOW}{UP}])"
# particles that may sit inside a name
PARTICLE = r"(?:von|van|de|af|du|der|den|la|le|el|al|bin|ibn)"
# label words printed next to names are never part of one ("Nils Ek Ordförande Eva Al")
NOT_NAME = r"(?!(?:Ordförande|Ordf|Sekreterare|Justerare|Justerande|Ledamöter|Ledamot|Ersättare|Beslutande|Underskrifter|Underskrift|Tjänstgörande|Övriga|Frånvarande|Paragrafer)\b)"
NAME = rf"{NOT_NAME}{NAME_PART}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{NOT_NAME}{NAME_PART}){{1,4}}"
PARTY_CODE = rf"[{UP}{LOW}]{{1,5}}"
# parties written without parentheses must be one of the common codes (plus local lists in parentheses)
KNOWN_PARTIES = (
    "S", "M", "C", "L", "V", "MP", "KD", "SD", "FP", "FI", "PP", "SPI", "ÖP", "NYD", "KIM", "SÖS",
)  # fmt: skip
KNOWN_PARTY_RE = "|".join(sorted(KNOWN_PARTIES, key=len, reverse=True))
# parties written out, as a list grouped by party prints them ("Moderaterna: A, B, C")
PARTY_NAMES = {
    "socialdemokraterna": "S", "moderaterna": "M", "moderata samlingspartiet": "M",
    "centerpartiet": "C", "liberalerna": "L", "folkpartiet": "FP", "folkpartiet liberalerna": "FP",
    "vänsterpartiet": "V", "miljöpartiet": "MP", "miljöpartiet de gröna": "MP",
    "kristdemokraterna": "KD", "sverigedemokraterna": "SD",
}  # fmt: skip
# the name may carry its code ("Socialdemokraterna (S): A, ordförande; B; C")
PARTY_GROUP = re.compile(
    rf"^(?P<party>{'|'.join(sorted(PARTY_NAMES, key=len, reverse=True))}|{KNOWN_PARTY_RE})"
    rf"(?:\s*\((?P<code>{KNOWN_PARTY_RE})\))?\s*:\s*(?P<names>\S.*)$",
    re.IGNORECASE,
)

# a party's name alone on a line over the list of its members ("Socialdemokraterna (S)",
# "Moderaterna:"), as a web page groups the attendance under party headings
PARTY_HEADING = re.compile(
    rf"^(?P<party>{'|'.join(sorted(PARTY_NAMES, key=len, reverse=True))})"
    rf"(?:\s*\((?P<code>{KNOWN_PARTY_RE})\))?\s*:?\s*$",
    re.IGNORECASE,
)

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMBER_WORDS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14,
    "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20,
    "tjugoen": 21, "tjugoett": 21, "tjugotvå": 22, "tjugotre": 23, "tjugofyra": 24, "tjugofem": 25,
    "tjugosex": 26, "tjugosju": 27, "tjugoåtta": 28, "tjugonio": 29, "trettio": 30,
}  # fmt: skip
COUNT = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"

ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])\b")
TEXT_DATE = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+({MONTH_RE})\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# the day as an ordinal in words, as a secretary writes a date in full ("tisdagen den fjortonde
# april 2009", "den tjugoförsta maj 1987")
_ORDINAL_UNITS = {
    "första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
    "åttonde": 8, "nionde": 9,
}  # fmt: skip
ORDINAL_DAYS = {
    **_ORDINAL_UNITS, "tionde": 10, "elfte": 11, "tolfte": 12, "trettonde": 13, "fjortonde": 14,
    "femtonde": 15, "sextonde": 16, "sjuttonde": 17, "artonde": 18, "nittonde": 19, "tjugonde": 20,
    **{f"tjugo{word}": 20 + n for word, n in _ORDINAL_UNITS.items()}, "trettionde": 30, "trettioförsta": 31,
}  # fmt: skip
ORDINAL_DATE = re.compile(
    rf"\b({'|'.join(sorted(ORDINAL_DAYS, key=len, reverse=True))})\s+({MONTH_RE})\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "3/3 2025": day/month and the year after a space (a Dnr writes year/serial, never this)
SLASH_DATE = re.compile(r"(?<![\d/])(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])\s+((?:19|20)\d\d)\b")
# "19.2.2025": day.month.year, as Finnish and some Swedish protocols write a date
DOTTED_DATE = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?![\d]|\.\d)")
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# the date a web page was published or updated, which is not the meeting's; each label's text
# stops at the next label, so "Publicerad 21 november 2025 · Uppdaterad 24 november 2025" is two
_PUBLISHED_LABEL = (
    r"\b(?:publicerad|publicerat|publiceringsdatum|uppdaterad|senast\s+(?:uppdaterad|ändrad))\b"
)
PUBLISHED_DATE = re.compile(rf"{_PUBLISHED_LABEL}(?:(?!{_PUBLISHED_LABEL})[^\n]){{0,40}}", re.IGNORECASE)
# a sentence of the notice that tells when the protocol was justerat, posted or may be appealed
# ("Protokollet har justerats 2024-04-22 och anslagits på kommunens anslagstavla 2024-04-23.",
# "Anslaget 2025-11-18 – 2025-12-10."):
# its dates come after the meeting's
LATER_DATES_SENTENCE = re.compile(
    r"\b(?:justerats|justerades|anslagits|anslogs|anslaget|tillkännagivits|överklagande)\b"
    # up to where the sentence ends, or names the meeting ("… har sammanträtt den …") in a text
    # that lost its full stops
    r"(?:(?!sammanträ)[^.\n]){0,80}",
    re.IGNORECASE,
)
# a line naming the protocol's own meeting ("Protokoll från sammanträdet 24 september 2025",
# "Protokoll fört vid sammanträde med kommunstyrelsen den 12 mars 1996"): on a page that lists
# several meetings' dates, the date of the meeting whose protocol it is
PROTOCOL_OF_MEETING = re.compile(
    r"^(?:[a-zåäöA-ZÅÄÖ\-]{2,40}s\s+)?protokoll\s+(?:från|fört\s+vid|vid)\s+(?:det\s+|ett\s+)?sammanträde[^\n]{0,80}",
    re.IGNORECASE | re.MULTILINE,
)
# a typewriter writes the dash as two hyphens ("kl. 09.00--12.15")
CLOCK_RANGE = re.compile(
    r"(?<!\d)([01]?\d|2[0-3])[.:]([0-5]\d)\s*(?:--?|–|—|till|\s)\s*(?:kl\.?\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d)"
)
CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d)")
# a typed protocol's clock with a comma after "kl" ("kl 19,00", "kl 17,30-19,45"): read as
# "kl 19.00", never a sum ("4,50 kr") elsewhere in the text
COMMA_CLOCK = re.compile(
    r"\b(kl\.?|klockan)([ ]?)([01]?\d|2[0-3]),([0-5]\d)(?!\d)(?:(\s*(?:--?|–|—)\s*)([01]?\d|2[0-3]),([0-5]\d)(?!\d))?"
)
# the meeting's end told in the closing sentence ("Mötet förklarades avslutat kl 21,30",
# "Sammanträdet började kl 18.30 och avslutades kl 21.05")
MEETING_ENDED = re.compile(
    r"\b(?:mötet|sammanträdet|sammankomsten)\b(?:[^.]|\.\d){0,60}?\b(?:avslutat|avslutades|avslutas|avslutade)\s+"
    r"(?:kl\.?|klockan)\s*([01]?\d|2[0-3])[.:,]([0-5]\d)(?!\d)",
    re.IGNORECASE,
)
# a time after "kl" ("kl 18.30"): the meeting's start where its end is told at the close
KL_CLOCK = re.compile(r"\b(?:kl\.?|klockan)\s*([01]?\d|2[0-3])[.:,]([0-5]\d)(?!\d)", re.IGNORECASE)
# a second time range right after a first one, joined by "och" or a comma: the meeting went on
# after a break ("kl. 09.00–12.00 och 13.00–15.30")
NEXT_CLOCK_RANGE = re.compile(r"\s*(?:,|;|och|samt)\s*(?:kl\.?\s*)?" + CLOCK_RANGE.pattern)

# ---------------------------------------------------------------- page furniture (clean)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    note: str = ""


FURNITURE_LINES: tuple[Rule, ...] = (
    Rule(
        "signature_boxes",
        re.compile(
            r"^(?:(?:ordförandes|ordförandens|ordf\.|justerandes|justerares|justerares?|just\.|sekreterarens?)"
            r"\s+(?:signatur|sign\.?)|"
            r"utdragsbestyrkande|justerarsignaturer|justerandes sign|sign\.?)"
            r"(?:(?:[ \t|]*:[ \t|]*|[\s|]+)(?:(?:ordförandes|ordf\.|justerandes|justerares|just\.|sekreterarens?)\s+(?:signatur|sign\.?)|"
            r"utdragsbestyrkande|justerarsignaturer))*\s*:?$",
            re.IGNORECASE,
        ),
        "signature boxes at the foot of every page",
    ),
    Rule(
        "page_number",
        re.compile(
            r"^(?:sida|sid|page|s\.)?\s*\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}|/\s*\d{1,3})?$|^\(\s*\d{1,3}\s*\)$",
            re.IGNORECASE,
        ),
        "Sida 3(16), 3 av 16, (4), a bare page number",
    ),
    Rule(
        "viewer_chrome",
        re.compile(
            r"^(?:storlek:\s*px|starta visningen från sidan:?|download\b.*|transkript|loading\.*.*|"
            r"n/a|protected|copied!?|share\b.*|academic year:.*|no results found|full text|"
            r"•?\s*(?:upload|download|view|embed size \(px\)|citation preview)|others|\d{1,3}|"
            r"hoppa över navigering|till innehållet|page \d+:.*|title\b.*|embed size.*|"
            r"se även:.*|(?:sidan\s+)?(?:senast\s+)?(?:uppdaterad|uppdaterades|ändrad|granskad)\s*:?\s*\d.*)$",
            re.IGNORECASE,
        ),
        'document-viewer and web-site chrome around scraped protocols (incl. "Sidan uppdaterades 2025-02-05")',
    ),
    Rule("rule_line", re.compile(r"^[\s_\-=.~*|]{3,}$"), "drawn lines and empty table cells"),
    Rule(
        "address_footer",
        re.compile(
            r"^(?=.*\b(?:org\.?\s*nr|organisationsnummer)\.?\s*:?\s*\d{6}-\d{4}\b)"
            r"(?=.*(?:\b(?:tel|telefon|växel)\b|\b0\d{1,3}-\d{2,3}(?:\s\d{2}){1,2}\b|"
            # or beside a postal address, the fields set apart as a footer sets them ("Box 1200,
            # 871 29 Västerskog · Org.nr 232100-0099"), not with a sentence's commas alone
            r"(?=.*[·•|\t])(?:\bBox\s+\d{1,5}\b|\b\d{3}[ ]\d{2}[ ]+[A-ZÅÄÖ][a-zåäö]))).*$"
        ),
        "the kommun's address footer on every page: an organisationsnummer beside a telephone number "
        "or, with the fields set apart by '·', '|' or tabs, a postal address",
    ),
    Rule(
        "contact_footer",
        re.compile(
            r"^(?=.{0,120}$)(?=.*[·•|])(?=.*\b(?:växel|telefon|tel)\b\.?\s*:?\s*\+?\d).*$", re.IGNORECASE
        ),
        "a web page's or letterhead's short contact footer, fields set apart by '·' or '|' "
        "('Region Kronlanda · Växel 010-000 00 00'), however a cut left its number",
    ),
    Rule(
        "browser_print",
        re.compile(
            r"^(?:(?:https?://|www\.)\S+[ \t]+\d{1,3}[ ]?/[ ]?\d{1,3}|"
            r"(?:(?:19|20)\d\d-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}),?[ ]\d{1,2}:\d\d"
            r"(?:[ ]?[AP]M)?[ ]{2,}(?=[^\t]{0,150}\s[–|-]\s)\S[^\t]{0,150})$",
            re.IGNORECASE,
        ),
        "what a browser prints on every page of a web page it prints: the page's address and "
        "'1/3' at the foot, the date and time of printing and the page's title on top (a title "
        "'Page – Site', so that a table row opening with a date and a time is never taken)",
    ),
)

# furniture that a flattened page carries inline
FURNITURE_INLINE: tuple[Rule, ...] = (
    Rule(
        "signature_boxes_inline",
        re.compile(
            r"\b(?:(?:Ordförandes|Justerandes|Justerares)\s+sign(?:atur\b|\.|\b)(?:\s+|$))+(?:Utdragsbestyrkande\b)?"
        ),
    ),
    Rule("justerarsignaturer_inline", re.compile(r"\bJusterarsignaturer\s+Utdragsbestyrkande\b")),
)

# ---------------------------------------------------------------- § headings (segment)

# the year and serial of a Dnr in a § heading (HEADING_DNR, title_then_sign)
_HEADING_DNR_BODY = r"(?:19|20)\d\d[/.:\-]\d{1,6}(?:[-.]\d{1,4})*"

# A § heading stands at the start of a line; what follows it must look like the start of a
# section (nothing, a Dnr, a title), never like a reference ("§ 74, 2023-05-23").
# the body written out before the number ("Kommunstyrelsen § 138", "Miljö- och byggnadsnämnden § 12")
BODY_NAME = (
    rf"(?:[{UP}][{LOW}]{{1,30}}-?[ ]och[ ][{LOW}]|[{UP}])[{LOW}]{{1,30}}"
    r"(?:nämnden|styrelsen|fullmäktige|utskottet|beredningen|direktionen)"
)
HEADING_RULES: tuple[Rule, ...] = (
    Rule(
        "paragraph_range",
        re.compile(
            rf"^(?:(?P<org>[{UP}][{UP}{LOW}]{{0,5}})\s*)?§§\s*(?P<num>\d{{1,4}})\s*(?:-|–|—)\s*(?P<last>\d{{1,4}})(?!\d)(?P<rest>\s+\S.*)$"
        ),
        '"§§ 1–3 Mötets öppnande …", "§§ 45–48 Individärenden", "SDN §§ 88-90 Individärenden": one heading '
        "for several §§ in a row, the organ's letters before it as before one §",
    ),
    Rule(
        "section_sign",
        re.compile(
            rf"^(?:[•·\-*]\s*)?(?:(?P<org>[{UP}][{UP}{LOW}]{{0,5}}|{BODY_NAME})\s*)?§\s*(?:(?:19|20)\d\d:(?=\d))?(?P<num>\d{{1,4}})(?![\d§])"
            r"(?:\s*/\s*(?P<yy>\d{2})(?!\d))?(?:[ \t]*\(\d{1,3}\)(?=\s|$))?(?P<rest>.*)$"
        ),
        '"§ 12", "§12", "KF § 266", "BN § 172", "Kommunstyrelsen § 138", "§ 63/20", "• § 105", "§ 3 (7)" (the count of §§ after the number), '
        '"§ 2025:41" (numbered within the year: the § is the number after the year)',
    ),
    Rule("number_then_sign", re.compile(r"^(?P<num>\d{1,4})\s*§(?P<rest>(?:\s.*)?)$"), '"12 §"'),
    Rule(
        "agenda_number_then_sign",
        # "(?i:…)" and "(§" keep the § sign this rule's required word (segment._RULES_WITHOUT_SIGN)
        re.compile(r"^(?i:ärende|punkt)\s+\d{1,3}\.?\s*\(§\s*(?P<num>\d{1,4})\s*\)(?P<rest>(?:\s.*)?)$"),
        '"Ärende 5 (§ 77)": the agenda number first, the § in parentheses after it',
    ),
    Rule(
        "title_then_paren_sign",
        re.compile(rf"^(?P<rest>[{UP}][^§\t]{{2,150}}?)[ ]\(§[ ]?(?P<num>\d{{1,4}})\)[ \t]*$"),
        '"Ny sporthall i Västra Sjöholm (§ 146)": a news headline with its § after it; only '
        "in a text with no other § headings (segment._headings), where a reference could not split a §",
    ),
    Rule(
        "title_then_sign",
        re.compile(
            rf"^(?!(?:Paragraf|Paragrafer|Justerade|Sida|Sid|Blad)\b)(?P<rest>[{UP}][^§\t]{{2,150}}?)"
            # a column gap, or one space before an organ's § that a Dnr follows
            rf"(?:\t+|[ ]{{2,}}|[ ](?=[{UP}]{{2,6}}[ ]§[ ]?\d{{1,4}}[ \t]*[·•|]))"
            rf"(?:[{UP}][{UP}{LOW}]{{0,4}}[ ]?)?§[ ]?(?P<num>\d{{1,4}})"
            rf"(?:[ \t]*[·•|][ \t]*(?P<dnr>(?i:dnr|diarienr|diarienummer)\.?:?[ ]?(?:[{UP}]{{1,6}}[ .\-/]?)?{_HEADING_DNR_BODY}))?"
            r"[ \t]*$"
        ),
        '"Val av justerare        § 25": the title first, the number at the right margin of the same line; '
        '"Title<TAB>HSN § 90 · Dnr HSN 2025-00456": the Dnr after the number',
    ),
    Rule(
        "caps_title_then_sign",
        re.compile(
            rf"^(?!(?:PARAGRAF|PARAGRAFER|JUSTERADE|SIDA|SID|BLAD|SAMMANTRÄDESPROTOKOLL|PROTOKOLL)\b)"
            rf"(?P<rest>(?=[^§\t]*[{UP}]{{3}})[{UP}][{UP}\d ,.:/()&\-–]{{2,150}}?)[ ]§[ ]?(?P<num>\d{{1,4}})[ \t]*$"
        ),
        '"BUDGETUPPFÖLJNING MARS 2009 § 40": a title in capitals and its § after one space, as a '
        "small kommun's secretary writes the heading",
    ),
    Rule(
        "paragraf_word",
        re.compile(r"^Paragraf(?:[ \t]*:)?\s+(?P<num>\d{1,4})(?![\d§\-–])(?P<rest>(?:\s.*)?)$"),
        '"Paragraf 57" (Lex/Platina, protokollsutdrag), "Paragraf:  57" (a field of a web decision list)',
    ),
    Rule(
        "organ_number",
        re.compile(rf"^(?P<org>[{UP}][{UP}{LOW}]?|[{UP}]{{2,4}})\s+(?P<num>\d{{1,4}})\s*$"),
        '"Sn 49", "SN 13" on a line of their own',
    ),
)
# A heading row whose two cells both wrap, as a PDF prints a title beside "HSN § 89 · Dnr HSN"
# when neither fits its column: "Delårsrapport … för hälso- och<TAB>HSN § 89 · Dnr HSN" /
# "sjukvårdsnämnden<TAB>2025-00411". The second line holds only the rest of the title and the
# rest of the Dnr (segment._wrapped_heading_rows joins the two).
WRAPPED_HEADING_ROW = re.compile(
    rf"^(?P<left>[{UP}][^\t§]{{2,150}})\t(?P<right>(?:[{UP}][{UP}{LOW}]{{0,4}}[ ]?)?§[ ]?\d{{1,4}}[ \t]*[·•|][ \t]*"
    rf"(?i:dnr|diarienr|diarienummer)\.?:?(?:[ ][{UP}]{{1,6}})?)[ \t]*$"
)
WRAPPED_HEADING_REST = re.compile(
    rf"^(?P<left>[^\t]{{1,150}})\t(?P<right>(?:[{UP}]{{1,6}}[ .\-/]?)?{_HEADING_DNR_BODY})[ \t]*$"
)
# A number without a § sign heads a section only in context (segment._bare_headings): the
# document has no § headings of its own, the number stands alone on its line after a blank line
# or a page break ("14", "14.") or after an item word ("Ärende 14", "Punkt 14"), a title or Dnr
# follows on the next line, and the numbers rise through the document. A numbered list inside a
# decision fails these tests: its numbers restart, carry text, or lead a lower-case clause.
BARE_HEADING = Rule(
    "bare_number",
    re.compile(
        rf"^(?:(?P<word>Ärende|ÄRENDE|Punkt|PUNKT)\s+)?(?P<num>\d{{1,4}})(?:\.?$|\.?[ \t]+(?P<rest>[{UP}].{{2,150}}[^.]$))"
    ),
    '"14" or "14." alone on a line, "Ärende 14", "Punkt 14", "14. Title" (no § sign in the headings)',
)
# what may follow a bare-number heading on the next line: a Dnr or a capitalised title
BARE_HEADING_NEXT = re.compile(rf"^[{UP}\"«]")
# the rest of a heading line that marks the number as a reference, not a section
REFERENCE_REST = re.compile(
    r"^\s*(?:[,:;)\]]|-\s*\d|och\b|samt\b|i\b|enligt\b|till\b|om\b|st\b|stycket|kap\b|mom\b|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)
# a law's abbreviation after "N §" makes the number a reference to that law ("2 § LVU", "9 kap. 17 § PBL")
STATUTE = re.compile(r"^\s*(?:KL|LVU|LVM|LSS|SoL|SFB|PBL|OSL|FL|LOU|MB|BrB|TF|RF|LPT|AL|SkolL)\b")
# agenda (ärendelista) rows end with dot leaders or a page number after a tab
# an ärendelista row's end: dot leaders (also spaced, ". . . .", or "……", as a typeset table of
# contents leaves them) and the page number, or a tab and the page number
AGENDA_ROW = re.compile(r"(?:(?:\.{3,}|(?:\.[ \u00a0]){3,}\.?|…{2,})\s*\d{0,3}\s*$|\t\s*\d{1,3}\s*$)")
AGENDA_LABEL = re.compile(
    r"^(?:ärendelista|innehållsförteckning|förteckning över.*ärenden|föredragningslista|dagordning|"
    r"behandlade ärenden|ärenden)\s*:?$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- Dnr

DNR_LABEL = re.compile(
    r"^(?:dnr|diarienr|diarienummer|d\.nr|ärendenr|ärendenummer)\b\s*[.:]?\s*", re.IGNORECASE
)
# a diarienummer token: optional organ prefix, then digits with / - . : separators; the prefix
# in capitals ("KS", "SBN") or capitalised ("Ks 2025-000143", "Bun 2024/12")
DNR_TOKEN = re.compile(
    rf"^(?P<dnr>(?:(?:[{UP}]{{1,6}}|[{UP}][{LOW}]{{1,2}})(?:[ .\-/:]|(?=\d)))?\d[\d./:\-]*(?:\s*-\s*\d+(?:\.\d+)*)?-?|"
    rf"(?:19|20)\d\d\s*/\s*[{UP}]{{1,6}}\s*\d*)(?=\s|$)"
)
# a Dnr at the right margin of a § heading ("§ 8      SBU 2025/14", "§ 89<TAB>Title<TAB>BN
# 2024/512", "MN § 8<TAB>Title<TAB>Dnr MN 2025-0031"): the whole rest of the heading, or the
# part after a column gap, its label optional; it must hold a year and a serial, so a title
# ending in a number is not taken
# After a single space or inside parentheses at the end of the title ("Budget 2025 (VON
# 2024.512)", "Internkontrollplan GVN 2024/199") the Dnr needs its organ prefix, so that a title
# ending in "läsåret 2026/2027" keeps its years. With its label inside the parentheses ("§ 141
# (Dnr KS 2025/244)", alone after the number or after the title) the label marks it instead.
# Square brackets serve as parentheses ("Title [JN 2024-000031]", "Title [Dnr GIT 2024/001]").
HEADING_DNR = re.compile(
    rf"(?:(?:^|\t|[ ]{{2,}})(?:(?i:dnr|diarienr|diarienummer)\.?:?[ ]?)?"
    rf"(?P<dnr>(?:[{UP}]{{1,6}}[ .\-/]?)?{_HEADING_DNR_BODY})|"
    rf"[ ][(\[](?P<paren>[{UP}]{{2,6}}[ .\-/]?{_HEADING_DNR_BODY})[)\]]|"
    rf"(?:^|[ ])[(\[](?i:dnr|diarienr|diarienummer)\.?:?[ ]?(?P<labelled>(?:[{UP}]{{1,6}}[ .\-/]?)?{_HEADING_DNR_BODY})[)\]]|"
    rf"[ ](?P<prefixed>[{UP}]{{2,6}}[ .\-/]?{_HEADING_DNR_BODY}))\s*$"
)
# one capitalised word of a name, maybe double ("Eva-Lena"), as a table row flattened with single
# spaces sets it before the row's bare party code: the name of such a row is two or three of them
CAP_WORD = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
# where one sentence ends and the next begins
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
# a Dnr with its organ's prefix and no label opening a § heading's text, the title after it
LEADING_DNR = re.compile(rf"^(?P<dnr>[{UP}]{{2,6}}[ .\-/]?{_HEADING_DNR_BODY})[ \t]+(?=[{UP}][{LOW}])")
# a bracketed Dnr with its organ's prefix (or a label) between a title and the text a flattened
# page ran on after it, which opens with a capital: "Budget 2025 (VON 2024.512) Kommunfullmäktige …"
BRACKETED_DNR_IN_LINE = re.compile(
    rf"[ ][(\[](?:(?i:dnr|diarienr|diarienummer)\.?:?[ ]?(?P<labelled>(?:[{UP}]{{1,6}}[ .\-/]?)?{_HEADING_DNR_BODY})|"
    rf"(?P<prefixed>[{UP}]{{2,6}}[ .\-/]?{_HEADING_DNR_BODY}))[)\]][ ]+(?=[{UP}])"
)
# a Dnr label left at the end of a title whose number was read off after it ("Val av justerare
# Ärendenummer KS/2025:1", a flattened heading; "Title<TAB>Dnr<TAB>KS 2025/12", an agenda row)
TRAILING_DNR_LABEL = re.compile(
    r"[ \t]+(?:dnr|diarienr|diarienummer|d\.nr|ärendenr|ärendenummer)\.?:?[ \t]*$", re.IGNORECASE
)
# a Dnr alone on the line under the title, without its label ("Title" / "      KS 2024/512"):
# the whole line is the number, with a year and a serial, so no line of text is taken
BARE_DNR_LINE = re.compile(rf"^\s*(?P<dnr>(?:[{UP}]{{1,6}}[ .\-/]?)?{_HEADING_DNR_BODY})\s*$")
DNR_ANYWHERE = re.compile(
    r"\b(?:dnr|diarienr|diarienummer)\b\s*[.:]?\s*"
    rf"((?:[{UP}]{{1,6}}[ .\-/:]?)?\d[\d./:\-]*(?:-\d+(?:\.\d+)*)?)",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- what a body does when it decides

# The verbs of a body's own decision sentence ("Bygg- och miljönämnden beviljar …", "Nämnden tar
# del av …"): one list for every rule that recognises such a sentence.
DECISION_VERBS = (
    r"beslutar|beslöt|beslutade|beviljar|antar|godkänner|fastställer|utser|väljer|avslår|bifaller|"
    r"tillstyrker|avstyrker|föreslår|lägger|noterar|återremitterar|bordlägger|uppdrar|ger|medger|"
    r"överlämnar|översänder|lämnar|tar del|yttrar|hänvisar|avskriver|delegerar|besvarar|anser|"
    r"ställer sig|tackar|förklarar|upphäver|avger|entledigar|återkallar|meddelar|"
    r"förelägger|instämmer|redovisar"
)

# ---------------------------------------------------------------- section labels inside a §

BODY_WORD = r"(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige|utskott|utskottet|beredning|beredningen|kommittén|direktionen)"


@dataclass(frozen=True)
class LabelRule:
    kind: str
    pattern: re.Pattern[str]
    note: str = ""


def _label(words: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{words})\s*:?\s*$", re.IGNORECASE)


SECTION_LABELS: tuple[LabelRule, ...] = (
    LabelRule(
        "decision",
        _label(
            r"beslut|beslutet|beslut i korthet|beslutsformulering|nämndens beslut|styrelsens beslut|"
            r"[\w\-åäö ,]{0,80}?(?:s|:s)\s+beslut|[\w\-åäö ,]{0,80}?\s+beslutar(?:\s+att)?|beslutade|"
            r"beslutet i sammandrag|förslag till beslut\s*/\s*beslut|decision"
        ),
        'Beslut, "X:s beslut", "X beslutar", "Förslag till beslut/Beslut"; "Decision" where a browser '
        "translated the labels",
    ),
    LabelRule(
        "forwarded",
        _label(rf"[\w\-åäö]{{0,40}}{BODY_WORD}s\s+förslag\s+till\s+(?!beslut\b)[\w\-åäö]{{0,40}}{BODY_WORD}"),
        '"Kommunstyrelsens förslag till kommunfullmäktige": what the body decides to propose; its '
        "decision when the § has no decision block of its own (in fullmäktige's protocol there is one)",
    ),
    LabelRule(
        "proposed",
        _label(
            r"förslag till beslut|[\w\-åäö ]{0,60}?s förslag till beslut|förslag till beslut på sammanträdet|"
            r"[\w\-åäö ]{0,60}?s förslag|beslutsförslag|förslag"
        ),
        "Förslag till beslut",
    ),
    LabelRule(
        "background",
        _label(
            r"ärendebeskrivning|bakgrund|sammanfattning|sammanfattning av ärendet|ärendet|beskrivning av ärendet|"
            r"ärendet i korthet|information|redovisning|föredragning|yttrande|bedömning|förvaltningens bedömning|"
            r"skäl för beslutet|beslutsmotivering|motivering"
        ),
        "Ärendebeskrivning / Bakgrund",
    ),
    LabelRule("basis", _label(r"beslutsunderlag|underlag|handlingar|underlag för beslut"), "Beslutsunderlag"),
    LabelRule(
        "motions",
        _label(r"yrkanden?|yrkande på sammanträdet|yrkanden på sammanträdet|förslag på sammanträdet"),
        "Yrkanden",
    ),
    LabelRule(
        "proposition",
        _label(
            r"proposition|propositionsordning|propositionsordningar|beslutsgång|beslutsordning|"
            r"propositionsordning och beslut|ordförandens förslag till beslutsgång"
        ),
        "Propositionsordning",
    ),
    LabelRule(
        "vote",
        _label(
            r"omröstning|omröstning begärs|omröstningsresultat|omröstningsordning|votering|voteringslista|"
            r"omröstningslista|omröstningsprotokoll|votering begärs|voteringsresultat|"
            r"sluten omröstning|öppen omröstning|sluten votering|kontrapropositionsvotering|huvudvotering"
        ),
        "Omröstning / Votering",
    ),
    LabelRule(
        "reservation",
        _label(r"reservation(?:er)?|reservation\(er\)|reservationer och särskilda yttranden"),
        "Reservation",
    ),
    LabelRule(
        "special_statement",
        _label(r"särskilt yttrande|särskilda yttranden|särskilt uttalande"),
        "Särskilt yttrande",
    ),
    LabelRule(
        "protocol_note",
        _label(r"protokollsanteckning(?:ar)?|anteckning till protokollet"),
        "Protokollsanteckning",
    ),
    LabelRule("conflict", _label(r"jäv|jäv anmäls|anmälan om jäv|jävsanmälan"), "Jäv"),
    LabelRule(
        "dispatch",
        _label(
            r"kopia till|beslutet skickas till|beslutet ska skickas till|expedieras till|expedieras|expediering|"
            r"beslutet expedieras till|sändlista|protokollsutdrag till|utdrag till|beslutet sänds till|"
            r"för kännedom till|delges|(?:protokollsutdrag(?:et)?|utdrag(?:et)?)\s+(?:skickas|sänds|ska\s+skickas)\s+till"
        ),
        "Kopia till / Beslutet skickas till / Expedieras",
    ),
    LabelRule("assignments", _label(r"uppdrag"), 'Uppdrag (one "X får i uppdrag att …" per line)'),
    LabelRule("attachments", _label(r"bilagor?|bilaga\(or\)|bilageförteckning"), "Bilagor"),
    LabelRule(
        "appeal",
        _label(r"överklagandehänvisning|hur man överklagar|hur beslutet överklagas"),
        "an överklagandehänvisning ends the preceding block",
    ),
    LabelRule(
        "remarks",
        _label(r"avgift|upplysningar?|övriga upplysningar|information till sökanden"),
        "a bygglov's Avgift and Upplysningar follow its decision and end it (they are not part of it)",
    ),
)
# every label rule in one pattern, for the tests that only ask whether some label matches a line
# (one call instead of one per rule); all rules ignore case, so the joined pattern does too
ANY_SECTION_LABEL = re.compile(
    "|".join(f"(?:{rule.pattern.pattern})" for rule in SECTION_LABELS), re.IGNORECASE
)
assert all(rule.pattern.flags & re.IGNORECASE for rule in SECTION_LABELS)
# a body's own resolution to propose to another body: "Arbetsutskottet föreslår kommunstyrelsen
# besluta att …", "Nämnden föreslår kommunfullmäktige att …" (not "Förvaltningen föreslår …")
OWN_PROPOSAL = re.compile(
    rf"^[\w\-]*{BODY_WORD}\s+föreslår\s+(?:[\w\-]*{BODY_WORD}|kommunfullmäktige|fullmäktige)\b"
    r"(?:\s+att\s+föreslå\s+\S+)?(?:\s+(?:att\s+)?besluta\b|\s+att\b)",
    re.IGNORECASE,
)
# the translation after "Beslut / …" in a bilingual protocol: a few words, no figures or full stop
LABEL_TRANSLATION = re.compile(rf"^[{UP}{LOW}][{UP}{LOW}\-]*(?:[ ][{UP}{LOW}][{UP}{LOW}\-]*){{0,3}}\s*:?\s*$")
# a section label inside a flattened line: "… dagordning Beslut Dagordningen fastställs."
_FLAT_LABELS = (
    r"Beslut|Beslutet|Beslutsunderlag|Förslag till beslut|Beskrivning av ärendet|Ärendet|Ärendebeskrivning|"
    r"Bakgrund|Sammanfattning|Yrkanden?|Beslutsgång|Propositionsordning|Proposition|Omröstning|Votering|"
    r"Reservationer|Reservation|Särskilt yttrande|Protokollsanteckning|Jäv|Kopia till|"
    r"Beslutet skickas till|Expedieras(?: till)?|Expediering|Bilagor|Upplysningar"
)
# and the body's own block labels: "Arbetsutskottets beslut", "Nämndens förslag till kommunfullmäktige"
# a body named in two words or more ("Tekniska nämndens beslut", "Vård- och omsorgsnämndens beslut")
# starts with its first, capitalised word
_FLAT_BODY_LABELS = (
    rf"(?=[{UP}])(?i:(?:[\w\-]+[ ](?:och[ ])?)?[\w\-]*?{BODY_WORD})s\s+"
    rf"(?:beslut|förslag\s+till\s+(?!beslut\b)[\w\-]{{0,40}}{BODY_WORD})"
)
FLATTENED_LABEL = re.compile(rf"(?<=\S)\s+(?=(?:{_FLAT_LABELS}|{_FLAT_BODY_LABELS})\s+[{UP}\d])")
# the body's own proposal to another body run onto the title before it on a flattened page ("…
# Taxa för vatten 2020 Tekniska nämnden föreslår kommunfullmäktige besluta att …"): after a word,
# not after a finished sentence, it starts the § text
FLATTENED_OWN_PROPOSAL = re.compile(
    rf"(?<=[\w)])\s+(?=(?=[{UP}])(?i:(?:[\w\-]+[ ](?:och[ ])?)?[\w\-]*?{BODY_WORD})\s+föreslår\s+"
    rf"(?i:[\w\-]*{BODY_WORD}|kommunfullmäktige|fullmäktige)\s+(?:att\s+)?(?:besluta\b|att\b))"
)
# the body's own decision told without a label, run onto the title before it on a flattened page
# ("… § 33 Val av justerare Valnämnden utser Ulrika Engman (C) att justera protokollet."): the
# body in the definite form and a decision verb, after a word, not after a finished sentence
FLATTENED_OWN_DECISION = re.compile(
    rf"(?<=[\w)])\s+(?=(?=[{UP}])(?i:(?:[\w\-]+[ ](?:och[ ])?)?[\w\-]*?"
    r"(?:nämnden|styrelsen|utskottet|fullmäktige|beredningen|direktionen))\s+"
    r"(?:utser|beslutar|godkänner|antar|fastställer|beviljar|lägger|noterar|avslår|bifaller|väljer|"
    r"tillstyrker|överlämnar)\s)"
)
FLATTENED_LABEL_HEAD = re.compile(rf"^({_FLAT_LABELS}|{_FLAT_BODY_LABELS})\s+(?=[{UP}\d])")
# a label followed by its text on the same line, e.g. "Kopia till: Kommunstyrelsen"; a protocol
# that runs every label into its text does so with the labels of the decision path too
# ("Ärendet: …", "Förslag: …", "Propositionsordning: …", "Kontrapropositionsvotering: Ja för …",
# "Reservationer: …")
INLINE_LABEL = re.compile(
    r"^(?P<label>Beslut|Kopia till|Beslutet skickas till|Expedieras(?: till)?|Bilagor?|Reservation|"
    r"Särskilt yttrande|Protokollsanteckning|Jäv|Förslag till beslut|Beslutsunderlag|Yrkanden?|"
    # these only with a capital: a wrapped line may go on "… godkänner följande" / "beslutsgång: Ja …"
    r"(?=(?-i:[A-ZÅÄÖ]))(?:Reservationer|Särskilda yttranden|Protokollsanteckningar|Förslag|Ärendet|"
    r"Ärendebeskrivning|Bakgrund|Sammanfattning|Beslutsgång|Beslutsordning|Propositionsordning|Proposition|"
    r"Omröstningsresultat|Omröstning|Votering|Kontrapropositionsvotering|Huvudvotering|Decision))\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
# the body's own decision as a lead-in with its text after the colon, as a news page prints it:
# "Nämnden beslutade: Miljö- och byggnadsnämnden avslår …", "Kommunstyrelsens beslut: …"
INLINE_BODY_DECISION = re.compile(
    rf"^(?=[{UP}])(?P<label>(?i:[\w\-]*?(?:[ ]och[ ][\w\-]*?)?{BODY_WORD})(?:s\s+beslut|\s+(?:beslutade|beslöt)))"
    r"\s*:\s*(?P<value>\S.*)$"
)
# a label in a left margin column with its text after the column gap, as `pdftotext -layout`
# and label/value tables print it: "Beslut            Nämnden antar …" (the text goes on below)
COLUMN_LABEL = re.compile(r"^(?P<label>[^\t]{2,60}?)(?:\t+|[ ]{2,})(?P<value>\S.*)$")
# another row of such a margin column, one that names no known block: "Fastighet   Näset 3:41",
# "Avgift   24 310 kronor"; it ends the block above it
COLUMN_FIELD = re.compile(rf"^[{UP}][{LOW}\-]+(?:[ ][{LOW}\-]+){{0,2}}(?:\t+|[ ]{{2,}})\S")
# the title under a label of its own: "Ärende   Val av justerare", "Rubrik: Budget 2025"
TITLE_LABEL = re.compile(
    r"^(?:Ärende|Rubrik|Ärenderubrik|Ärendemening)(?:\t+|[ ]{2,}|\s*:\s*)(?P<title>[^\d\s].{2,200})$"
)
# a label run into its text with no colon, as a web page prints a bold lead-in
# ("<strong>Beslut</strong> Kommunstyrelsen beslutar att"): the text is a sentence of its own
RUN_ON_LABEL = re.compile(rf"^(?P<label>{_FLAT_LABELS})[ \t]+(?P<value>[{UP}][{LOW}]+\S*(?:[ \t].*)?)$")
# splits a flattened paragraph before "Kommunfullmäktiges beslut Dagordningen …"
INLINE_DECISION_SPLIT = re.compile(
    rf"(?<=\S)\s+(?=[{UP}][\w\-åäö]*{BODY_WORD}(?:s|:s)\s+beslut\s+[{UP}\-–•\d])", re.IGNORECASE
)
DISPATCH_PURPOSE = (
    (
        re.compile(r"^för\s+(?:åtgärd|verkställighet|handläggning|genomförande)\s*:?\s*", re.IGNORECASE),
        "action",
    ),
    (
        re.compile(r"^för\s+(?:kännedom|information|kännedom och information)\s*:?\s*", re.IGNORECASE),
        "information",
    ),
)
DISPATCH_TRAILING_PURPOSE = re.compile(
    r"[,\s]+\(?för\s+(åtgärd|verkställighet|kännedom|information)\)?\s*$", re.IGNORECASE
)

IMMEDIATE_ADJUSTMENT = re.compile(
    r"omedelbart\s+justera(?:d|t|s)|justeras\s+omedelbart|omedelbar\s+justering", re.IGNORECASE
)
WITHDRAWN = re.compile(
    r"\bärendet\s+(?:utgår|stryks|lyfts)|\butgår\s+(?:från|ur)\s+dagordningen|\butgår\b\s*\.?$", re.IGNORECASE
)
REFERRAL = re.compile(r"\båterremitt|\båterremiss", re.IGNORECASE)
TABLED = re.compile(r"\bbordlägg", re.IGNORECASE)
INFORMATION = re.compile(
    r"tar del av (?:informationen|redovisningen|rapporten|lägesrapporten|föredragningen|informations?)|"
    r"noterar (?:informationen|redovisningen)|tackar för (?:informationen|föredragningen|utbildningen|redovisningen)|"
    r"informationen (?:noteras|läggs)|läggs? (?:informationen )?till handlingarna|lägger\b[^.]{0,80}?\btill handlingarna|"
    r"anteckna[rs]? informationen|informationen antecknas|"
    r"har tagit del av",
    re.IGNORECASE,
)
REPORT_TITLE = re.compile(
    r"delegationsbeslut|delegeringsbeslut|anmälan av|anmälningsärenden|meddelanden|delgivningar|postlista|"
    r"inkomna skrivelser|redovisning av delegation",
    re.IGNORECASE,
)
# "7 kap. 11 § sekretesslagen": the law before offentlighets- och sekretesslagen (2009:400)
CONFIDENTIAL = re.compile(
    r"\bX{3,}\b|\bsekretess(?:belagd|ärende|skyddad|lagen)?\b|\bomfattas av sekretess|\bOSL\b|offentlighets- och sekretesslagen",
    re.IGNORECASE,
)
# a sekretess mark printed under the § heading, as a stamp beside the title ("Sekretess enligt
# 26 kap. 1 § OSL"): the whole § is secret, however long its public text, and the mark is no title
SECRECY_MARK = re.compile(
    r"^(?:sekretess(?:belagd|belagt)?|omfattas av sekretess)\b[^.]{0,60}?"
    # the law's name may follow the chapter and end the sentence: "… 26 kap. 1 § offentlighets- och
    # sekretesslagen."
    r"(?:\bOSL\b|offentlighets- och sekretesslagen|\d+\s*kap\.)[^.]{0,45}\.?$",
    re.IGNORECASE,
)
# the same mark run onto the title by a flattened page, an akt number before it ("§ 20 Ansökan om
# entledigande av god man Akt 2017-0412 Sekretess enligt 32 kap. 4 § OSL Beslut …"): the title
# ends where the capitalised mark begins
TITLE_SECRECY_MARK = re.compile(
    r"\s+(?:Akt\s+\d{1,5}-\d{1,5}\s+)?(?:Sekretess(?:belagd|belagt)?|Omfattas av sekretess)\b"
    r"(?=[^.]{0,60}?(?:\bOSL\b|offentlighets- och sekretesslagen|\d+\s*kap\.))"
)
MASKED = re.compile(r"\bX{3,}\b|\[\s*maskerat\s*\]|\*{3,}")
EXCLUDING_SECRET = re.compile(
    r"exklusive\s+(?:sekretess|§)|sekretessprotokoll|exkl\.?\s+sekretess", re.IGNORECASE
)

# An attendance list printed after the last § ("Beslutande: se närvarolistan sist i
# protokollet"): from this heading on, the text is header matter, not the last §'s.
ATTENDANCE_APPENDIX = re.compile(
    # "Bilaga A. Närvarolista": the list printed as a bilaga after the last §
    r"^(?:Bilaga\s+[\dA-Z]{1,3}[.:,]?\s+(?:[-–]\s+)?)?"
    r"(?:Närvarolista|Närvaroförteckning|Deltagarförteckning|Närvaro-\s*och\s*(?:omröstnings|voterings)lista"
    # the list of the meeting's ärenden printed after the last § ("Närvaro- och ärendeförteckning")
    r"|(?:Närvaro-\s*och\s*)?ärendeförteckning)"
    # the meeting it belongs to after it ("Närvarolista kommunfullmäktige 2026-01-26",
    # "Närvaro- och voteringslista, regionfullmäktige 2025-11-25"): a body and a date, no sentence
    r"(?:\s*[,–-]?\s+(?:[a-zåäö][a-zåäö\- ]{2,60}\s)?(?:den\s+)?(?:19|20)\d\d-\d\d-\d\d)?\s*:?$",
    re.IGNORECASE,
)
# the ballots of several voteringar printed after the last §, one column each ("Ledamot | Parti |
# Votering 1 | Votering 2"), the §§ saying only "Voteringslistan redovisas i bilaga, votering 1"
# its number and the § it belongs to: "Omröstningsbilaga 1, KF § 64"
_APPENDIX_OF = r"(?:\s*[,:–-]?\s*(?:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,5}\s*)?§\s*\d{1,4})"
VOTE_APPENDIX = re.compile(
    r"^(?:(?:Voteringsbilaga|Omröstningsbilaga|Voteringslistor|Omröstningslistor|"
    r"Bilaga\s*\d*\s*[-–:]?\s*(?:voteringslist(?:a|or)|omröstningslist(?:a|or)|voteringar|omröstningar))"
    rf"(?:\s*\d{{1,2}})?{_APPENDIX_OF}?"
    # "Bilaga 1 till Ks § 44, voteringslista"
    rf"|Bilaga\s*\d*\s+till{_APPENDIX_OF}\s*[,:–-]?\s*(?:voteringslist(?:a|or)|omröstningslist(?:a|or)|votering|omröstning)"
    # one list is the last §'s own unless it names the § it belongs to
    rf"|(?:Voteringslista|Omröstningslista)(?:\s*\d{{1,2}})?{_APPENDIX_OF})\s*:?$",
    re.IGNORECASE,
)
VOTE_COLUMN = re.compile(r"^(?:votering|omröstning)\s*(?:nr\.?\s*)?(?P<n>\d{1,2})\b", re.IGNORECASE)
VOTE_REFERENCE = re.compile(r"\b(?:votering|omröstning)\s+(?:nr\.?\s*)?(?P<n>\d{1,2})\b", re.IGNORECASE)
# so is the notice box (ANSLAG/BEVIS) that some protocols print after the last §
NOTICE_APPENDIX = re.compile(r"^(?:ANSLAG\s*/\s*BEVIS|Anslag\s*/\s*bevis|Anslagsbevis|ANSLAGSBEVIS)\s*:?$")
# the anslag written as one sentence after the last § ("Anslag: Protokollet har justerats
# 2003-05-21 och anslagits 2003-05-22.")
NOTICE_SENTENCE = re.compile(
    r"^(?:Anslag|Anslagsbevis|Bevis om anslag|Tillkännagivande)\s*:\s*(?:Protokollet|Justeringen)\b"
)
# the chair closing the meeting after the last § ("Ordföranden förklarar sammanträdet avslutat kl.
# 17.05", "Sammanträdet avslutas"): no part of that §
MEETING_CLOSED = re.compile(
    r"^(?:Ordföranden\s+förklarar\s+(?:sammanträdet|mötet)\s+(?:för\s+)?avslutat|"
    r"(?:Sammanträdet|Mötet)\s+(?:avslutas|avslutades|förklaras\s+avslutat))\b"
)
# the certification under a protokollsutdrag, after its § ("Rätt utdraget betygar", "Utdragets
# riktighet bestyrks", "Utdragets överensstämmelse med originalprotokollet bestyrks", "Bestyrkande"
# over it): no part of that §
EXTRACT_CERTIFIED = re.compile(
    r"^(?:Rätt\s+utdraget\s+(?:betygar|intygar|bestyrker|bestyrks|intygas|betygas)|"
    r"Utdragets\s+(?:riktighet|överensstämmelse(?:\s+med\s+\S+)?)\s+(?:bestyrks|intygas|betygas)|"
    r"Utdraget\s+(?:bestyrks|intygas|betygas)\b|Bestyrkande\s*:?$)",
    re.IGNORECASE,
)
# a heading over the signatures after the last § that no § uses for its own text
SIGNING_HEADING = re.compile(
    r"^(?:Signering|Signaturer|Underskrifter|Digital signering|Elektronisk signering|Signeringssida|"
    r"Elektroniska (?:underskrifter|signaturer))\s*:?$",
    re.IGNORECASE,
)
# a signing service's verification page after the last § ("Verifikat" over "Transaktion
# 09222115557…", the signers with their e-mail addresses and times): no part of that §
VERIFICATION_PAGE = re.compile(r"^verifikat\b", re.IGNORECASE)
VERIFICATION_ID = re.compile(
    r"^(?:transaktion|transaktions-?id|dokument-?id)\s*:?\s*[0-9A-F][0-9A-F-]{7,}", re.IGNORECASE
)
# the role row of a signature table after the last § ("Sekreterare<TAB>Ordförande<TAB>Justerare",
# the names in the row or lines below): only role words, two or more
SIGNATURE_ROLES_ROW = re.compile(
    r"^(?:Sekreterare|Ordförande|Justerare|Justerande)(?:\s+(?:Sekreterare|Ordförande|Justerare|Justerande)){1,3}\s*$",
    re.IGNORECASE,
)
# A signature block after the last §: "Justering" / "Underskrifter" alone on a line, then the
# signatories as "Name, role" lines. It belongs to no §, and it names the chair, the justerare
# and the secretary when the header does not.
CLOSING_BLOCK = re.compile(
    r"^(?:Justering|Underskrifter|Signaturer|Justering och underskrifter|Vid protokollet)\s*:?\s*$",
    re.IGNORECASE,
)
# the old signature form after the last §: "Vid protokollet" over the secretary's name, then
# "Justeras" over the chair's and the justerare's names
SIGNED_UNDER = re.compile(
    r"^(?P<label>Vid protokollet|Justeras|Justerat|(?:Protokollet\s+)?justeras\s+av)\s*:?\s*$", re.IGNORECASE
)
# the same labels with the names after them on the line: "Vid protokollet: Eva Ek, sekreterare",
# "Justerat: Bo Al, ordförande   Ida Sjö, justerare"
SIGNED_INLINE = re.compile(
    r"^(?P<label>Vid protokollet|Justeras|Justerat|(?:Protokollet\s+)?justeras\s+av)\s*:\s*(?P<names>\S.*)$",
    re.IGNORECASE,
)
# between the signatures on one line: a column gap, a comma or "och" before the next name
SIGNATURE_SPLIT = re.compile(r"\t|\s{2,}|,?\s+och\s+|;\s*")
# a signature with the role first: "Ordförande Lars Holm", "Sekreterare: Eva Ek"
SIGNATORY_ROLE_FIRST = re.compile(
    rf"^(?P<role>ordförande|justerare|justerande|sekreterare)\s*:?\s+(?P<name>{NAME})\s*$", re.IGNORECASE
)
# the justerare a § elects: "Nämnden utser Eva Ek (S) att jämte ordföranden justera protokollet",
# "Arbetsutskottet väljer A (C) och B (M) till justerare", "… utsåg A som justerare"
ADJUSTERS_CHOSEN = re.compile(
    r"\b(?:utser|utsåg|utse|väljer|valde|välja)\s+(?P<names>[^.\n]{3,160}?)\s+(?:"
    r"(?:att|till\s+att)\s+(?:jämte\s+ordföranden\s+|tillsammans\s+med\s+ordföranden\s+)?justera"
    r"|(?:till|som)\s+justerare?)\b",
    re.IGNORECASE,
)
# the justerare named in a sentence: "Att jämte ordföranden justera dagens protokoll utses A (S)",
# "Till justerare utses A"
ADJUSTERS_SENTENCE = re.compile(
    r"(?:\batt\s+(?:jämte\s+ordföranden\s+)?justera\s+(?:dagens\s+|detta\s+)?protokoll(?:et)?\s+utses|"
    r"\btill\s+justerare\s+utses)\s+(?P<names>[^.\n]{3,160})",
    re.IGNORECASE,
)
SIGNATORY = re.compile(
    rf"^(?P<name>{NAME})\s*(?:\([{UP}{LOW}]{{1,5}}\))?\s*,\s*(?P<role>ordförande|justerare|justerande|sekreterare)\s*$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- motions, votes, reservations

MOTION_VERB = re.compile(r"\b(?:yrkar|yrkade|föreslår|föreslog)\b", re.IGNORECASE)
MOTION_KINDS = (
    (re.compile(r"återremi", re.IGNORECASE), "referral"),
    (re.compile(r"bordlägg", re.IGNORECASE), "tabling"),
    (re.compile(r"\bavslag", re.IGNORECASE), "rejection"),
    (re.compile(r"\btillägg|\btilläggsyrkande|\bföljande tillägg", re.IGNORECASE), "addition"),
    (re.compile(r"\bändring|\bändras|\bstrykas|\bstryks|\bersätt", re.IGNORECASE), "amendment"),
    (re.compile(r"\bbifall", re.IGNORECASE), "approval"),
)
WITHDRAWN_MOTION = re.compile(r"\bdrar tillbaka|\båtertar|\btar tillbaka", re.IGNORECASE)
# the absent count beside a tally: "3 ja, 2 nej, 0 avstår, 2 frånvarande", "… och två ledamöter
# var frånvarande"
TALLY_ABSENT = re.compile(
    rf"\b(?P<absent>{COUNT})\s+(?:ledamöter\s+|ledamot\s+)?(?:var\s+|är\s+)?frånvarande\b", re.IGNORECASE
)
INSTAMMANDE = re.compile(r"\bmed\s+instämmande\s+(?:av|från)\b", re.IGNORECASE)

TALLY_RULES: tuple[Rule, ...] = (
    Rule(
        "ja_nej_counts",
        re.compile(
            rf"\b(?P<yes>{COUNT})\s+ja(?:-?röst(?:er)?)?(?:\s+för\s+[^.;\d]{{1,80}}?)?\s*(?:,|och|mot|samt)?\s*(?P<no>{COUNT})\s+nej(?:-?röst(?:er)?)?"
            rf"(?:(?:\s+för\s+[^.;,\d]{{1,80}}?)?(?:\s+(?:ha|har|hade)\s+avgivits)?\s*(?:,|;|och|samt|\.)?\s*(?:medan\s+)?(?P<abstain>{COUNT})\s+(?:(?:ledamöter\s+|ledamot\s+)?som\s+)?"
            r"(?:avstår|avstod|avstående|ledamöter avstår|ledamot avstår|"
            r"nedlagda|röster avstår|har avstått|avstod från att rösta))?",
            re.IGNORECASE,
        ),
        '"8 ja-röster, 7 nej-röster", "8 ja och 7 nej, 1 avstår", "… och 2 som avstår", '
        '"5 ja-röster för förslaget och 3 nej-röster", "17 ja-röster mot 3 nej-röster. 1 ledamot avstår", '
        '"3 ja-röster för A, 1 nej-röst för B och 1 som avstår", "1 ja-röst mot 1 nej-röst", '
        '"13 ja-röster mot 7 nej-röster, medan 1 ledamot avstår från att rösta", '
        '"20 ja-röster mot 9 nej-röster; 2 avstår", '
        '"befanns 30 ja-röster och 12 nej-röster ha avgivits, medan 3 avstod från att rösta" (an old passive)',
    ),
    Rule(
        "ja_nej_labels",
        re.compile(
            r"\bja(?:-röst(?:er)?)?(?:\s*\([^()\n]{1,80}\))?\s*:\s*(?P<yes>\d{1,3})(?:\s*\([^()\n]{1,120}\))?[\s,;.]+"
            r"nej(?:-röst(?:er)?)?(?:\s*\([^()\n]{1,80}\))?\s*:\s*(?P<no>\d{1,3})(?:\s*\([^()\n]{1,120}\))?"
            r"(?:[\s,;.]+(?:avstår|avstod|avstående|avstår från att rösta)\s*:\s*(?P<abstain>\d{1,3}))?",
            re.IGNORECASE,
        ),
        '"Ja: 4 / Nej: 3 / Avstår: 0", "Ja (förslaget till beslut): 4", the count after each label; '
        'who cast them after the count ("Ja-röster: 6 (Socialdemokraterna 3, Centerpartiet 1)")',
    ),
    Rule(
        "named_lists",
        re.compile(
            r"\bja(?:-?röst(?:er)?)?(?:\s*\([^()\n]{1,80}\))?\s*:[^:\n]{0,400}?\s[–=-]\s*(?P<yes>\d{1,3})\b[\s.;,]*"
            r"nej(?:-?röst(?:er)?)?(?:\s*\([^()\n]{1,80}\))?\s*:[^:\n]{0,400}?\s[–=-]\s*(?P<no>\d{1,3})\b"
            r"(?:[\s.;,]*(?:avstår|avstod|avstående|nedlagda)(?:\s*\([^()\n]{1,80}\))?\s*:[^:\n]{0,400}?"
            r"\s[–=-]\s*(?P<abstain>\d{1,3})\b)?",
            re.IGNORECASE,
        ),
        '"Ja-röster (förvaltningens förslag): A (S), B (S) – 2 / Nej-röster (…): C (M) – 1": each choice\'s '
        "voters named, the count after them",
    ),
    Rule(
        "votes_against",
        re.compile(
            rf"\b(?:med|(?:omröstning|votering)\s*,)\s+(?P<yes>{COUNT})\s+röster(?:\s+för\s+[^.;\d]{{1,80}}?)?\s+mot\s+(?P<no>{COUNT})(?:\s+röster)?"
            rf"(?:[^.]{{0,80}}?(?:\.\s{{1,3}})?\b(?P<abstain>{COUNT})\s+(?:ledamöter\s+|ledamot\s+)?(?:avstår|avstod|avstående|avstår från att rösta))?",
            re.IGNORECASE,
        ),
        '"med åtta röster mot sju", "… mot 3 att bifalla förslaget. 1 ledamot avstår" (the next sentence), '
        '"med sex röster för förvaltningens förslag mot fem röster för …", "Efter omröstning, 8 röster mot 3, …"',
    ),
    Rule(
        "voted_for_each",
        re.compile(
            rf"\bFör\s+[^.;\d]{{1,80}}?\s+röstade\s+(?P<yes>{COUNT})\s+(?:ledamöter|ledamot)\s*,?\s+"
            rf"(?:och\s+)?för\s+[^.;\d]{{1,80}}?\s+(?:röstade\s+)?(?P<no>{COUNT})\s+(?:ledamöter|ledamot)\b",
            re.IGNORECASE,
        ),
        '"För VD:s förslag röstade 4 ledamöter, för Bengt Morins förslag 1 ledamot": the first side yes',
    ),
    Rule(
        "count_for_each",
        re.compile(
            rf"\b(?P<yes>{COUNT})\s+(?:röster\s+|röst\s+|ledamöter\s+|ledamot\s+)?(?:(?:avgåvos|avgavs|avgivits)\s+)?för\s+[^.;\d]{{1,80}}?"
            rf"\s*(?:,|och|mot|samt)\s+(?P<no>{COUNT})\s+(?:röster\s+|röst\s+|ledamöter\s+|ledamot\s+)?för\b"
            rf"(?:[^.]{{0,80}}?\b(?P<abstain>{COUNT})\s+(?:ledamöter\s+|ledamot\s+)?(?:som\s+)?(?:avstår|avstod|avstående))?",
            re.IGNORECASE,
        ),
        '"Röstsiffrorna blev 4 för förslaget och 1 för Ronja Falks yrkande", "6 röster för A mot 3 röster för B": '
        "a count for each side, the first side yes; a typed protocol's passive between "
        '("4 röster avgåvos för bifall och 2 för avslag")',
    ),
    Rule(
        "rostsiffror",
        re.compile(
            rf"\bröstsiffror(?:na)?\s+(?P<yes>\d{{1,3}})\s*[–\-]\s*(?P<no>\d{{1,3}})(?!\d)"
            rf"(?:[^.]{{0,60}}?\b(?P<abstain>{COUNT})\s+(?:ledamöter\s+|ledamot\s+)?(?:som\s+)?(?:avstår|avstod|avstående))?",
            re.IGNORECASE,
        ),
        '"med röstsiffrorna 26–23", "utfaller med röstsiffrorna 5–3, en ledamot avstår"',
    ),
    Rule(
        "summa_row",
        re.compile(
            r"^(?:summa|totalt|antal röster|summa röster)\b[\s:]*(?P<yes>\d{1,3})\s+(?P<no>\d{1,3})"
            r"(?:\s+(?P<abstain>\d{1,3}))?\s*$",
            re.IGNORECASE,
        ),
        "the sum row under a ballot table",
    ),
)
BALLOT_WORD = re.compile(
    r"(?:^|\t|\s{2,}|\s)(ja|nej|avstår|avstod|frånvarande|x)\s*(?:\t|\s{2,}|$)", re.IGNORECASE
)
VOTE_QUESTION = re.compile(r"^(?:ja|nej)(?:-röst)?\s+(?:för|till|=)\s+.+", re.IGNORECASE)
CASTING_VOTE = re.compile(r"utslagsröst", re.IGNORECASE)
LOTTERY = re.compile(r"\blottning|\blott\b|\bavgjordes genom lott", re.IGNORECASE)

RESERVATION_SENTENCE = re.compile(r"\breserver(?:ar|ade|at)\s+sig|\breservation\b", re.IGNORECASE)
# a sentence in which someone reserves: "A (M) reserverar sig …", and the noun's forms "A, B och C
# lämnar en skriftlig reservation, bilaga 3", "Reservation anmäls av D (SD) …", "anmäler reservation"
# (not "Skriftlig reservation bifogas", which names nobody's act)
RESERVING = re.compile(
    r"\breserver(?:ar|ade|at)\s+sig\b|\b(?:lämnar|lämnade|anmäler|anmälde|inger|ingav)\s+(?:en\s+)?"
    r"(?:skriftlig\s+)?reservation\b|\breservation\s+(?:anmäls|anmäldes|lämnas|lämnades)\s+av\b",
    re.IGNORECASE,
)
WRITTEN_RESERVATION = re.compile(
    r"skriftlig|bilaga|bifogas|inlämnad|lämnar in|till förmån för eget", re.IGNORECASE
)
STATEMENT_SENTENCE = (
    (re.compile(r"särskilt yttrande|särskilda yttranden", re.IGNORECASE), "special_statement"),
    (
        re.compile(
            r"protokollsanteckning|antecknar till protokollet|får (?:sin mening|följande) antecknad",
            re.IGNORECASE,
        ),
        "protocol_note",
    ),
)
CONFLICT_SENTENCE = re.compile(
    r"\bjäv\b|\bjävig|\bpga\.?\s+jäv|\bpå grund av jäv|\banmäler jäv|\bdeltar inte i (?:handläggningen|beslutet)",
    re.IGNORECASE,
)
PARTY_GROUP_RESERVATION = re.compile(
    r"\b(?:ledamöter(?:na)?|ledamoten|gruppen|företrädare|oppositionen|ersättare)\s+(?:från|för)\s+",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- uppdrag (DOMAIN 1.12)

ASSIGNMENT_RULES: tuple[Rule, ...] = (
    Rule(
        "far_i_uppdrag",
        re.compile(
            rf"(?P<assignee>[{UP}][^.;:]{{2,120}}?)\s+(?:får|fick|ges|gavs)\s+(?:\w+\s+){{0,3}}i\s+uppdrag\s+att\s+"
            r"(?P<task>[^.;]{3,400})"
        ),
        '"X får i uppdrag att …"',
    ),
    Rule(
        "ger_i_uppdrag",
        re.compile(
            r"\b(?:ger|gav)\s+(?P<assignee>[^.;:]{2,120}?)\s+(?:i\s+)?uppdrag(?:et)?\s+att\s*:?\s*(?P<task>[^.;]{3,400})",
            re.IGNORECASE,
        ),
        '"ger X i uppdrag att …"',
    ),
    Rule(
        "uppdrar_at",
        re.compile(
            r"\buppdra(?:r|gav)?\s+(?:åt\s+)?(?P<assignee>[^.;:]{2,120}?)\s+att\s+(?P<task>[^.;]{3,400})",
            re.IGNORECASE,
        ),
        '"uppdrar åt X att …"',
    ),
)
DUE = re.compile(
    rf"\b(?:senast|till|före|innan)\s+(?:den\s+)?(?P<date>\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+(?:{MONTH_RE})\s+\d{{4}}|"
    rf"(?:{MONTH_RE})\s+\d{{4}})",
    re.IGNORECASE,
)
REPORT_TO = re.compile(
    r"\båter(?:rapport(?:era[s]?|eras|ering)?|redovis(?:a|as))\s+(?:\w+\s+){0,3}?till\s+(?P<to>[^.,;]{3,80}?)"
    r"(?=\s+(?:senast|före|i\s|vid|den|under)|[.,;]|$)",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- documents that are not full protocols

EXTRACT_MARK = re.compile(
    r"\bprotokollsutdrag\b|\butdrag ur (?:sammanträdes)?protokoll|\bUTDRAG\b|\bPROTOKOLLSUTDRAG\b",
    re.IGNORECASE,
)
PROTOCOL_MARK = re.compile(r"sammanträdesprotokoll|\bprotokoll\b", re.IGNORECASE)
BULLET = re.compile(r"^\s*[•·●▪◦]\s*")
SUMMARY_DECISION = re.compile(
    r"\b(?:nämnden|styrelsen|fullmäktige|utskottet|kommunstyrelsen|kommunfullmäktige)\s+"
    r"(?:beslutade|beslutar|godkände|godkänner|antog|antar|gav|ger|uppdrog|uppdrar|biföll|avslog|"
    r"återremitterade|bordlade|fick)\b[^.]*\.",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- header blocks (labelled fields)


@dataclass(frozen=True)
class FieldLabel:
    field: str
    words: str  # regex alternatives; whitespace inside a label may be a line break
    note: str = ""


# Longest spellings first within the alternation (built below), so "Tjänstgörande ersättare"
# wins over "Ersättare". A label is recognised at the start of a line, or mid-line in a
# flattened page when it starts with a capital and is not part of an attendance entry.
HEADER_FIELDS: tuple[FieldLabel, ...] = (
    FieldLabel(
        "organ",
        r"Organ|Nämnd\s*/\s*Styrelse|Nämnd/styrelse|Beslutsinstans|Beslutande organ|Protokoll från|"
        r"Nämnd|Instans|sinstans",
        "which organ met",
    ),
    FieldLabel(
        "date",
        r"Sammanträdesdatum|Sammanträdesdag|Mötesdatum|Datum för sammanträdet|Datum\s+och\s+tid|Tid\s+och\s+datum|Datum|"
        r"Date",
        'meeting date; "Datum och tid" holds the clock times too, which are read from the whole header; '
        '"Date" where a browser translated the labels',
    ),
    FieldLabel("start_time", r"Starttid", "the meeting's start on a line of its own"),
    FieldLabel("end_time", r"Sluttid", "the meeting's end on a line of its own"),
    FieldLabel(
        "place_time",
        r"Plats och tid|Tid och plats|Plats och datum|Sammanträdestid|Plats|Tid|Lokal|Time|Place|Venue",
        "place and clock times",
    ),
    FieldLabel(
        "members",
        r"Beslutande ledamöter|Tjänstgörande ledamöter|Ordinarie ledamöter|Närvarande ledamöter|"
        r"Närvarande\s+styrelseledamöter|Styrelseledamöter|"
        r"Beslutande|Ledamöter|Deltagare|Närvarande|Närvaro(?:(?<=\nNärvaro)|(?<=^Närvaro))(?=[ \t]*:?[ \t]*(?:\n|$))|Närvaro(?=[ \t]+Namn[ \t]+Parti\b)|Ledamot(?=(?:\t|[ ]{2,})Parti\b)|"
        r"Bilaga\s+[\dA-Z]{1,3}[.:,]?\s+(?:[-–]\s+)?(?:Närvarolista|Närvaroförteckning)|Närvarolista|Närvaroförteckning|"
        r"Närvaro-\s*och\s*(?:omröstnings|voterings)lista(?:,?\s+bilaga\s+[\dA-Z]{1,3})?|"
        r"Members\s+present|Voting\s+members",
        'members who decide; "Närvaro" alone on its line over a web page\'s attendance table, or before its head row; a närvarolista '
        "printed after the last § (segment._attendance_appendix); "
        '"Ledamot" as the first column head of a table with a party column ("Ledamot | Parti | Funktion")',
    ),
    FieldLabel(
        "idle_members",
        r"Ej\s+tjänstgörande\s+ledamöter|Närvarande,?\s+ej\s+tjänstgörande\s+ledamöter",
        "members present who took part in no decision (jäv)",
    ),
    FieldLabel(
        "serving_substitutes",
        r"Tjänstgörande\s+ersättare|Tjg\.?\s+ersättare|Ersättare\s+som\s+tjänstgör|Serving\s+substitutes|"
        r"Substitutes\s+serving",
        "substitutes who serve",
    ),
    FieldLabel(
        "substitutes",
        r"Ej\s+tjänstgörande\s+ersättare|Ej\s+tjg\.?\s+ersättare|Närvarande,?\s+ej\s+tjänstgörande\.?\s*(?:ersättare)?|"
        r"Ersättare,\s*ej\s+tjänstgörande|Ersättare\s+som\s+inte\s+tjänstgör|"
        r"Närvarande\s+ersättare|Övriga\s+ersättare|Ersättare|Närvarande\s+suppleanter|Suppleanter|"
        r"Substitutes\s+not\s+serving|Substitutes",
        "substitutes present, not serving (a company board's suppleanter too); the label may put "
        '"ej tjänstgörande" after a comma ("Ersättare, ej tjänstgörande")',
    ),
    FieldLabel(
        "absent",
        r"Frånvarande\s+ledamöter|Frånvarande\s+ersättare|Frånvarande|Anmält förhinder|Förhinder|Ej\s+närvarande|"
        r"Absent\s+members|Absent",
        "absent",
    ),
    FieldLabel(
        "officials",
        r"Övriga\s+närvarande|Därjämte\s+närvarande|Dessutom\s+närvarande|Övriga\s+deltagande|Övriga\s+deltagare|Övriga\s+närvarande\s+"
        r"tjänstepersoner|Tjänstepersoner|Tjänstemän|Tjänsteman|Närvarande\s+tjänstemän|Övriga|"
        r"Föredragande|Insynsplatser|Insyn|Dessutom(?=\s*:)|Other\s+participants|Others\s+present|Officials",
        "others present",
    ),
    FieldLabel(
        "adjusters",
        r"Utses\s+att\s+justera|Utsedd\s+att\s+justera|Utsedda\s+att\s+justera|Justerare|"
        r"Val av justerare",
        "who will justera",
    ),
    FieldLabel(
        "adjustment",
        r"Justeringens\s+plats\s+och\s+tid|Justeringens\s+tid\s+och\s+plats|Tid\s+och\s+plats\s+"
        r"för\s+justering|Plats\s+och\s+tid\s+för\s+justering|Justeringens\s+tid|Justeringsdatum|Justeringsdag|"
        r"Justeringens\s+plats|Justeringens|Justering",
        'when and where the protocol is justerat; a bare "Justeringens" heads a label split over two lines',
    ),
    FieldLabel(
        "paragraphs", r"Justerade\s+paragrafer|Paragrafer|Paragrafnummer|Paragraf|Paragraphs", "the § range"
    ),
    FieldLabel("signatures", r"Underskrifter|Underskrift|Signaturer|Signatures", "signature block"),
    FieldLabel(
        "secretary",
        r"Sekreterare|Vid\s+protokollet|Protokollförare|Sekr\.|Secretary",
        "secretary's signature",
    ),
    FieldLabel(
        "chair",
        r"Ordförande|Ordf\.|Mötesordförande|Sammanträdesordförande|Tjänstgörande\s+ordförande|Chairman|Chairperson|"
        r"Chair",
        "chair's signature; the acting chair's when the chair is away",
    ),
    FieldLabel("adjusting", r"Justerande|Justeras|Adjusters?", "justerare's signature"),
    FieldLabel(
        "notice",
        r"ANSLAG\s*/\s*BEVIS|Anslag\s*/\s*[Bb]evis|Anslagsbevis|BEVIS|Anslag|Tillkännagivande",
        "start of the notice box",
    ),
    FieldLabel(
        "posted",
        r"Datum\s+då\s+anslaget\s+sätts\s+upp|Datum\s+för\s+anslags\s+uppsättande|"
        r"Datum\s+för\s+anslagets\s+uppsättande|Anslaget\s+sätts\s+upp|Anslaget\s+sattes\s+upp|Anslagsdatum|"
        r"Anslaget\s+uppsatt|Anslaget\s+publicerat|Datum\s+för\s+anslag|Tid\s+för\s+anslag|Anslagstid",
        "posted",
    ),
    FieldLabel(
        "removed",
        r"Datum\s+då\s+anslaget\s+tas\s+ned|Datum\s+för\s+anslags\s+nedtagande|"
        r"Datum\s+för\s+anslagets\s+nedtagande|Anslaget\s+tas\s+ne[dr]|Datum\s+för\s+nedtagande|"
        r"Anslags\s+nedtagande|Anslaget\s+nedtaget|Nedtagningsdatum|Anslaget\s+tas\s+bort",
        "removed",
    ),
    FieldLabel(
        "storage",
        r"Förvaringsplats\s+för\s+protokollet|Förvaringsplats|Protokollet\s+förvaras\s+(?:hos|på|i)|"
        r"Protokollet\s+finns\s+(?:hos|på|i)|Protokollets\s+förvaringsplats",
        "where the protocol is kept",
    ),
    FieldLabel(
        "appeal",
        r"Sista\s+dag(?:en)?\s+för\s+överklagande|Sista\s+datum\s+för\s+överklagande|"
        r"Den\s+som\s+vill\s+överklaga[^.\n]{0,40}?senast(?:\s+den)?|Överklagandetiden\s+går\s+ut",
        "appeal deadline",
    ),
    FieldLabel(
        "agenda",
        r"Ärendelista|Innehållsförteckning|Föredragningslista|Behandlade\s+ärenden|Ärenden",
        "agenda",
    ),
)
# the chair's role as a list writes it before or after a name, in full or abbreviated: "Ordförande",
# "Ordf.", "vice ordf.", "v ordf", "1:e vice ordförande", "förste vice ordförande"
CHAIR_ROLE = r"(?:(?:\d:?[ea]|förste|andre)\s+)?(?:v\.?\s*|vice\s+)?ordf(?:\.|örande\b|\b)"
# that role before the name, as a list with a role column prints it: "Ordf. Eva Ek (S)"
LEADING_CHAIR_ROLE = re.compile(rf"^(?P<role>{CHAIR_ROLE})\s+", re.IGNORECASE)
# the title of a post in the administration, as it follows an official's name ("Eva Ek,
# kommundirektör") or leads it ("Förbundschef Magnus Tjäder")
OFFICIAL_TITLES = (
    r"direktör|chef|sekreterare|samordnare|handläggare|strateg|ekonom|controller|jurist|inspektör|"
    r"utredare|tjänsteman|tjänsteperson|ansvarig|arkitekt|ingenjör|assistent|rådgivare|specialist|"
    r"planerare|kommunikatör|administratör|registrator|kanslist|notarie|koordinator|analytiker"
)
OFFICIAL_TITLE = re.compile(rf"(?:{OFFICIAL_TITLES})\b", re.IGNORECASE)
# one word that is such a title as a whole: "Förbundschef", "Ekonom", "Kommunsekreterare"
OFFICIAL_TITLE_WORD = re.compile(rf"[{LOW}]*(?:{OFFICIAL_TITLES})", re.IGNORECASE)
ROLE_WORDS = re.compile(
    rf"^(?:{CHAIR_ROLE}|"
    r"ordförande\s+§.*|sekreterare|sekr\.?|justerare|ledamot|ersättare|via\s+länk|på\s+distans|"
    r"deltar\s+(?:på\s+distans|digitalt|via\s+länk))\b",
    re.IGNORECASE,
)
REMOTE = re.compile(
    r"via\s+(?:länk|teams|video|zoom|skype)|på\s+distans|digitalt\s+deltagande|deltar\s+digitalt|"
    r"distansdeltagande|\(distans\)|på\s+länk",
    re.IGNORECASE,
)
REPLACES = re.compile(
    rf"(?:tjänstgör\s+(?:istället|i\s+stället)\s+för|istället\s+för|i\s+stället\s+för|ersätter|ersättare\s+för|"
    rf"tjg\.?\s+för|tjänstgör\s+för|för)\s+(?P<name>{NAME})(?:\s*\((?P<party>{PARTY_CODE})\))?",
)
PARAGRAPH_REF = re.compile(
    r"(?:§§?|paragraf(?:erna)?)\s*(?P<spec>\d{1,4}(?:\s*(?:-|–|—|,|och|samt|till)\s*(?:§\s*)?\d{1,4})*)"
)
