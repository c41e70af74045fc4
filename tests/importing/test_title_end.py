"""Where a title set flat against what follows it ends (values.title_end)."""

from __future__ import annotations

import pytest

from protokoll.importing.values import title_end


@pytest.mark.parametrize(
    "text,title",
    [
        ("Godkännande av dagordning Budgetuppföljning mars", "Godkännande av dagordning"),
        ("Allmänhetens frågestund Inga frågor ställs.", "Allmänhetens frågestund"),
        # a capital after a number or a name goes on with the title
        ("Kvarnen 4 Tillbyggnad av butik Ekbacken 2:1 Rivning", "Kvarnen 4 Tillbyggnad av butik"),
        (
            "Bidrag till kultur- och fritidsföreningar Redovisning",
            "Bidrag till kultur- och fritidsföreningar",
        ),
    ],
)
def test_the_title_ends_before_a_capital_after_a_lower_case_word(text: str, title: str) -> None:
    end = title_end(text)
    assert end is not None
    assert text[:end].rstrip() == title


@pytest.mark.parametrize(
    "text",
    [
        "Val av justerare",
        "Detaljplan för Norrby 2:14",  # a name after a link word
        "Avtal med Region Västerby om färdtjänst",
        "Information Budget",  # one word is no title to end
        "Remiss från Trafikverket",
        "Yttrande avseende Länsstyrelsens beslut",
        "Motion om att Kristinehamn ska bli fossilfritt",  # a name after "att"
        "Årsredovisning 2024 Kvarnbygdens vatten",  # a definite-looking name, then no verb
        "Detaljplan för Kvarnen 4 Ekbacken",
        "Kultur i Kulturhuset",  # a name after a link word, however like a title word it is
    ],
)
def test_a_title_whose_capitals_follow_link_words_or_names_does_not_end(text: str) -> None:
    assert title_end(text) is None


@pytest.mark.parametrize(
    "text,title",
    [
        ("Föredragningslista Ett nytt ärende tillkommer", "Föredragningslista"),  # an article
        ("Upprop Upprop förrättas.", "Upprop"),  # the title's word said again
        ("Årsredovisning 2024 Förbundschefen redovisar årsredovisningen", "Årsredovisning 2024"),
        ("Läsårstider 2026/2027 Höstterminen föreslås börja", "Läsårstider 2026/2027"),
        ("VAL AV JUSTERARE Att jämte ordföranden justera", "VAL AV JUSTERARE"),  # capitals end
        # the title's noun in its definite form opens the text
        ("Föregående protokoll Protokollet från sammanträdet gicks igenom", "Föregående protokoll"),
    ],
)
def test_a_sentence_opens_after_a_one_word_title_a_number_or_capitals(text: str, title: str) -> None:
    end = title_end(text)
    assert end is not None
    assert text[:end].rstrip() == title


@pytest.mark.parametrize(
    "text,title",
    [
        (
            "Föregående protokoll Protokollet från sammanträdet den 28 augusti gicks igenom",
            "Föregående protokoll",
        ),
        ("Föredragningslista Ett nytt ärende tillkommer om bygglov", "Föredragningslista"),
    ],
)
def test_where_a_sentence_surely_opened_before_the_first_full_stop(text: str, title: str) -> None:
    from protokoll.importing.values import sentence_start

    at = sentence_start(text)
    assert at is not None
    assert text[:at].rstrip() == title
    # a capital after a lower-case word is no sure sign before a stop: a name may stand there
    assert sentence_start("Anslag till hembygdsföreningen Gnistan") is None
