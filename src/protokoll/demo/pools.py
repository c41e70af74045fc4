"""Realistic agenda items for Exempelstad's bodies, as templates.

A template gives a title, a KLASSA code (DOMAIN 2.2), the verb phrase of the decision in the
usual wording ("Socialnämnden beslutar att …"), a short background and whether the item can be
contested (yrkanden, omröstning). Placeholders are filled from the meeting's context:
{year}, {next_year}, {district}, {property}, {school}, {topic}, {month}.
"""

from __future__ import annotations

from dataclasses import dataclass

from protokoll.insights.phrases import MONTH_NAMES


@dataclass(frozen=True)
class Template:
    title: str
    klassa: str
    verb: str  # "anta riktlinjer för …": completes "<Organ> beslutar att "
    background: str
    contest: bool = True  # may get opposing yrkanden and a vote
    assign: str | None = None  # an uppdrag the decision may give: "<task>"


COMMON: tuple[Template, ...] = (
    Template(
        "Delårsrapport per den 31 augusti {year}",
        "1.2.4",
        "godkänna delårsrapporten per den 31 augusti {year} och överlämna den till kommunstyrelsen",
        "Förvaltningen har sammanställt delårsrapporten. Prognosen för helåret visar ett underskott "
        "som främst beror på ökade volymer.",
        True,
        "ta fram en åtgärdsplan för en budget i balans",
    ),
    Template(
        "Internbudget {next_year}",
        "1.2.4",
        "fastställa internbudget för {next_year} enligt förvaltningens förslag",
        "Kommunfullmäktige har beslutat om ramar för {next_year}. Förvaltningen föreslår en "
        "fördelning av ramen på verksamheterna.",
        True,
        None,
    ),
    Template(
        "Internkontrollplan {next_year}",
        "1.2.3",
        "anta internkontrollplan för {next_year}",
        "Nämnden ska varje år anta en plan för den interna kontrollen enligt kommunens reglemente.",
        False,
        None,
    ),
    Template(
        "Månadsrapport per {month} {year}",
        "1.2.4",
        "godkänna månadsrapporten per {month} {year}",
        "Rapporten visar utfall och prognos för verksamheterna.",
        False,
        None,
    ),
    Template(
        "Yttrande över revisionsrapport om intern styrning",
        "1.2.3",
        "översända förvaltningens yttrande som sitt eget till kommunens revisorer",
        "Kommunens revisorer har granskat nämndens styrning och kontroll och begärt ett yttrande.",
        True,
        "redovisa hur revisorernas rekommendationer har genomförts",
    ),
    Template(
        "Riktlinjer för {topic}",
        "1.2.2",
        "anta riktlinjer för {topic} enligt förvaltningens förslag",
        "Riktlinjerna har reviderats för att anpassas till ny lagstiftning och kommunens mål.",
        True,
        "följa upp tillämpningen av riktlinjerna",
    ),
    Template(
        "Sammanträdesplan för {next_year}",
        "1.1.3",
        "fastställa sammanträdesplan för {next_year}",
        "Förslaget till sammanträdesplan är samordnat med kommunstyrelsens och fullmäktiges planer.",
        False,
        None,
    ),
    Template(
        "Dataskyddsombud, utseende",
        "2.1.3",
        "utse kommunens dataskyddsombud att vara nämndens dataskyddsombud",
        "Nämnden är personuppgiftsansvarig och ska utse ett dataskyddsombud.",
        False,
        None,
    ),
    Template(
        "Taxor och avgifter {next_year}",
        "1.2.4",
        "föreslå kommunfullmäktige att fastställa taxor och avgifter för {next_year}",
        "Avgifterna räknas upp med prisindex för kommunal verksamhet.",
        True,
        None,
    ),
)

POOLS: dict[str, tuple[Template, ...]] = {
    "kf": (
        Template(
            "Motion om {topic}",
            "1.4.2",
            "bifalla motionen",
            "Motionären föreslår att kommunen utreder {topic}. Kommunstyrelsen har berett ärendet.",
            True,
            "utreda förutsättningarna för {topic}",
        ),
        Template(
            "Motion om {topic}",
            "1.4.2",
            "avslå motionen",
            "Motionären föreslår förbättringar när det gäller {topic}. Kommunstyrelsen föreslår avslag.",
            True,
            None,
        ),
        Template(
            "Motion om {topic}",
            "1.4.2",
            "anse motionen besvarad",
            "Kommunstyrelsen bedömer att frågan redan hanteras i ordinarie verksamhet.",
            True,
            None,
        ),
        Template(
            "Medborgarförslag om {topic}",
            "1.4.2",
            "anse medborgarförslaget besvarat",
            "Ett medborgarförslag har lämnats om {topic}.",
            True,
            None,
        ),
        Template(
            "Årsredovisning {year} för Exempelstads kommun",
            "1.2.4",
            "godkänna årsredovisningen för kommunen",
            "Kommunstyrelsen har upprättat årsredovisningen som visar ett positivt resultat.",
            False,
            None,
        ),
        Template(
            "Budget {next_year} och ekonomisk plan {next_year}-{plan_end}",
            "1.2.4",
            "fastställa budget för {next_year} och ekonomisk plan enligt kommunstyrelsens förslag",
            "Budgeten bygger på oförändrad skattesats och ett resultatmål om två procent.",
            True,
            None,
        ),
        Template(
            "Ansvarsfrihet för nämnderna {year}",
            "1.1.1",
            "bevilja nämnderna och deras ledamöter ansvarsfrihet för verksamhetsåret",
            "Revisorerna tillstyrker att ansvarsfrihet beviljas.",
            False,
            None,
        ),
        Template(
            "Val av ersättare i socialnämnden efter avsägelse",
            "1.4.3",
            "välja en ny ersättare i socialnämnden för resterande mandatperiod",
            "En ersättare har avsagt sig sitt uppdrag.",
            False,
            None,
        ),
        Template(
            "Detaljplan för {district}, antagande",
            "3.1.1",
            "anta detaljplanen för {district}",
            "Planen möjliggör nya bostäder och en förskola i {district}.",
            True,
            None,
        ),
        Template(
            "Renhållningstaxa {next_year}",
            "1.2.4",
            "fastställa renhållningstaxa för {next_year}",
            "Taxan höjs för att täcka ökade kostnader för insamling.",
            True,
            None,
        ),
    ),
    "ks": (
        Template(
            "Yttrande över remiss om {topic}",
            "1.2.1",
            "lämna yttrande enligt förvaltningens förslag",
            "Kommunen har fått en remiss om {topic} från regeringskansliet.",
            True,
            None,
        ),
        Template(
            "Detaljplan för {district}, samråd",
            "3.1.1",
            "godkänna planförslaget för samråd",
            "Planen syftar till att pröva bostadsbebyggelse i {district}.",
            True,
            None,
        ),
        Template(
            "Försäljning av del av fastigheten {property}",
            "2.6.1",
            "sälja del av fastigheten {property} enligt upprättat köpeavtal",
            "En exploatör har visat intresse för att förvärva marken.",
            True,
            None,
        ),
        Template(
            "Investeringsprojekt ny förskola i {district}",
            "1.2.4",
            "starta investeringsprojektet och ge förvaltningen rätt att upphandla entreprenaden",
            "Befolkningsprognosen visar ett ökat behov av förskoleplatser i {district}.",
            True,
            "återkomma med en slutredovisning av projektet",
        ),
        Template(
            "Medborgarförslag om {topic}",
            "1.4.2",
            "föreslå kommunfullmäktige att avslå medborgarförslaget",
            "Förslagsställaren vill att kommunen satsar på {topic}.",
            True,
            None,
        ),
        Template(
            "Motion om {topic}",
            "1.4.2",
            "föreslå kommunfullmäktige att anse motionen besvarad",
            "Motionen har remitterats till berörda nämnder.",
            True,
            None,
        ),
        Template(
            "Lokalförsörjningsplan {next_year}-{plan_end}",
            "2.6.2",
            "godkänna lokalförsörjningsplanen",
            "Planen beskriver behovet av lokaler för kommunens verksamheter.",
            True,
            "utreda samlokalisering av förvaltningarna",
        ),
    ),
    "sn": (
        Template(
            "Redovisning av ej verkställda beslut, kvartal {quarter}",
            "3.7.1",
            "godkänna rapporten och överlämna den till kommunfullmäktige och revisorerna",
            "Nämnden ska rapportera beslut enligt SoL och LSS som inte har verkställts inom tre månader.",
            False,
            None,
        ),
        Template(
            "Patientsäkerhetsberättelse {year}",
            "3.7.2",
            "godkänna patientsäkerhetsberättelsen",
            "Berättelsen beskriver arbetet med patientsäkerhet inom hälso- och sjukvården.",
            False,
            None,
        ),
        Template(
            "Avgifter inom äldreomsorgen {next_year}",
            "1.2.4",
            "föreslå kommunfullmäktige att fastställa avgifterna",
            "Avgifterna följer maxtaxan och prisbasbeloppet.",
            True,
            None,
        ),
        Template(
            "Upphandling av {topic}",
            "2.5.1",
            "godkänna förfrågningsunderlaget",
            "Nuvarande avtal löper ut och en ny upphandling behöver genomföras.",
            True,
            None,
        ),
        Template(
            "Inriktning för boendeplanering {next_year}-{plan_end}",
            "3.7.2",
            "godkänna inriktningen för boendeplaneringen",
            "Behovet av särskilda boenden ökar under planperioden.",
            True,
            "ta fram en plan för nya platser i särskilt boende",
        ),
    ),
    "bun": (
        Template(
            "Läsårstider {next_year}/{plan_end}",
            "3.5.1",
            "fastställa läsårstider enligt förslaget",
            "Läsåret ska omfatta 178 skoldagar och 12 lovdagar.",
            False,
            None,
        ),
        Template(
            "Resursfördelning till förskola och grundskola {next_year}",
            "1.2.4",
            "fastställa resursfördelningsmodellen för {next_year}",
            "Modellen fördelar resurser utifrån elevantal och socioekonomiska förutsättningar.",
            True,
            None,
        ),
        Template(
            "Systematiskt kvalitetsarbete vid {school}",
            "3.5.2",
            "godkänna kvalitetsrapporten",
            "Rapporten beskriver resultat och utvecklingsområden vid {school}.",
            False,
            None,
        ),
        Template(
            "Skolskjuts för elever i {district}",
            "3.5.3",
            "anta nya regler för skolskjuts",
            "Vägen mellan {district} och skolan har bedömts som trafikfarlig.",
            True,
            None,
        ),
        Template(
            "Ombyggnad av {school}",
            "2.6.2",
            "godkänna förstudien och gå vidare med projektering",
            "Lokalerna vid {school} är i behov av renovering.",
            True,
            "återkomma med en kostnadskalkyl för ombyggnaden",
        ),
    ),
    "bn": (
        Template(
            "Bygglov för nybyggnad av flerbostadshus på fastigheten {property}",
            "3.1.3",
            "bevilja bygglov med stöd av 9 kap. 30 § plan- och bygglagen",
            "Ansökan avser ett flerbostadshus i fyra våningar i {district}.",
            True,
            None,
        ),
        Template(
            "Bygglov för tillbyggnad av enbostadshus på fastigheten {property}",
            "3.1.3",
            "avslå ansökan om bygglov",
            "Åtgärden strider mot detaljplanens bestämmelser om byggnadsarea.",
            True,
            None,
        ),
        Template(
            "Strandskyddsdispens för brygga på fastigheten {property}",
            "3.2.2",
            "ge dispens från strandskyddet",
            "Sökanden vill bygga en brygga vid sjön intill {district}.",
            True,
            None,
        ),
        Template(
            "Byggsanktionsavgift på fastigheten {property}",
            "3.1.3",
            "ta ut en byggsanktionsavgift",
            "En byggnad har tagits i bruk utan slutbesked.",
            True,
            None,
        ),
        Template(
            "Planbesked för {district}",
            "3.1.1",
            "lämna positivt planbesked",
            "Sökanden önskar pröva bostäder inom området.",
            True,
            "upprätta ett planprogram för området",
        ),
        Template(
            "Ändring av detaljplan för {district}",
            "3.1.1",
            "godkänna planförslaget för granskning",
            "Ändringen medger fler lägenheter inom kvarteret.",
            True,
            None,
        ),
    ),
    "kfn": (
        Template(
            "Föreningsbidrag {next_year}",
            "3.6.1",
            "fördela föreningsbidrag enligt förvaltningens förslag",
            "Ansökningar har inkommit från 42 föreningar.",
            True,
            None,
        ),
        Template(
            "Kulturpris {year}",
            "3.6.2",
            "tilldela kulturpriset enligt juryns förslag",
            "Juryn har bedömt de nominerade kandidaterna.",
            False,
            None,
        ),
        Template(
            "Öppettider för biblioteket i {district}",
            "3.6.2",
            "ändra öppettiderna enligt förslaget",
            "Besöksstatistiken visar att kvällsöppet efterfrågas.",
            True,
            None,
        ),
        Template(
            "Ny konstgräsplan i {district}",
            "2.6.2",
            "föreslå kommunstyrelsen att anslå medel",
            "Behovet av träningsytor har ökat.",
            True,
            "utreda alternativ till gummigranulat",
        ),
    ),
}

TOPICS: dict[str, tuple[str, ...]] = {
    "kf": (
        "fler cykelvägar",
        "gratis kollektivtrafik för unga",
        "solceller på kommunens tak",
        "en ny badplats",
        "trygghetskameror i centrum",
        "fler parkbänkar",
        "ett äldreombud",
    ),
    "ks": (
        "kommunal räddningstjänst",
        "en ny nationell avfallsplan",
        "laddstolpar",
        "fler sommarjobb",
        "en stärkt krisberedskap",
        "digital agenda",
    ),
    "sn": (
        "hemtjänst",
        "ekonomiskt bistånd",
        "bostad med särskild service",
        "kontaktfamiljer",
        "trygghetslarm",
        "familjehemsvård",
        "skyddat boende",
    ),
    "bun": ("modersmålsundervisning", "elevhälsa", "skolmåltider", "fritidshem"),
    "bn": ("tillsyn av hissar", "bygglovstaxa", "ovårdade tomter"),
    "kfn": ("lovaktiviteter", "föreningsbidrag", "offentlig konst", "simundervisning"),
}

# Confidential items: only a neutral title is ever published (OSL; DOMAIN 1.10).
CONFIDENTIAL_TITLES: dict[str, tuple[str, ...]] = {
    "sn": (
        "Individärende enligt socialtjänstlagen",
        "Yttrande till förvaltningsrätten i ärende enligt LVU",
        "Ansökan om kontaktfamilj",
        "Överflyttning av ärende",
        "Individärende enligt LSS",
    ),
    "bun": ("Ärende om skolplacering", "Individärende enligt skollagen", "Ansökan om tilläggsbelopp"),
    "ks": ("Förvärv av fastighet, förhandling pågår",),
}
OSL_REFERENCES: dict[str, str] = {
    "sn": "26 kap. 1 § offentlighets- och sekretesslagen",
    "bun": "23 kap. 2 § offentlighets- och sekretesslagen",
    "ks": "19 kap. 1 § offentlighets- och sekretesslagen",
}

MONTHS = MONTH_NAMES  # the names the archive reads and writes (insights.phrases)

REFERRAL_REASONS = (
    "förvaltningen ska komplettera underlaget med en konsekvensanalys",
    "kostnaderna ska utredas ytterligare",
    "berörda föreningar och organisationer ska få yttra sig",
    "ärendet ska kompletteras med en barnkonsekvensanalys",
)
AMENDMENTS = (
    "att beslutet kompletteras med en uppföljning efter ett år",
    "att förslaget genomförs först från och med nästa år",
    "att ramen minskas med två miljoner kronor",
    "att kostnaderna finansieras inom befintlig ram",
)
STATEMENT_TEXTS = (
    "Vi ställer oss bakom beslutet men vill betona vikten av en tät uppföljning.",
    "Vi anser att frågan borde ha belysts ur ett barnperspektiv.",
    "Vi välkomnar förslaget men saknar en tydlig finansiering.",
    "Det är viktigt att personalen involveras i det fortsatta arbetet.",
)
RESERVATION_TEXTS = (
    "Vi anser att förslaget saknar finansiering och att konsekvenserna för verksamheten inte är utredda.",
    "Förslaget riskerar att försämra servicen för kommuninvånarna. Vi yrkade därför avslag.",
    "Underlaget är otillräckligt och ärendet borde ha återremitterats.",
)
