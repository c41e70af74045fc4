"""The HTML rendering is semantic and accessible: lang sv, a heading per §, vote tables with headers."""

from __future__ import annotations

from lxml import html as lxml_html

from protokoll.demo import generate
from protokoll.document import example
from protokoll.rendering.html import render_html


def test_html_has_language_headings_and_vote_table_headers():
    doc = example("full")
    tree = lxml_html.fromstring(render_html(doc))
    assert tree.get("lang") == "sv"
    headings = [h.text_content() for h in tree.findall(".//article/h2")]
    assert headings == [f"§ {i.paragraph} {i.title}" for i in doc.items]
    table = tree.find(".//table")
    assert [th.get("scope") for th in table.findall("./thead/tr/th")] == ["col", "col"]
    rows = table.findall("./tbody/tr")
    assert len(rows) == len(doc.items[1].votes[0].ballots)
    assert all(r.find("th").get("scope") == "row" for r in rows)
    assert "3 ja, 2 nej, 0 avstår" in table.find("./tfoot").text_content()
    links = [a.get("href") for a in tree.findall(".//nav//a")]
    assert links == [f"#p{i.paragraph}" for i in doc.items]


def test_html_carries_every_decision_and_hides_sekretess_content():
    for doc in generate(8)[:12]:
        page = render_html(doc)
        text = lxml_html.fromstring(page).text_content()
        for item in doc.items:
            for line in (item.decision or "").split("\n"):
                assert line in text
        secret = [i for i in doc.items if i.confidential]
        for item in secret:
            article = lxml_html.fromstring(page).get_element_by_id(f"p{item.paragraph}")
            assert "Sekretess enligt OSL" in article.text_content()
            assert article.find(".//h3") is None


def test_html_escapes_text():
    doc = example("full").model_copy(deep=True)
    doc.items[0].decision = "<script>alert(1)</script>"
    assert "<script>" not in render_html(doc)


def test_html_says_what_the_text_says_of_a_vote_uppdrag_and_an_idle_ledamot():
    """The HTML (and the archival PDF made from it) carries everything the text rendering does:
    absent ballots in the tally, a lottery, uppdrag, and a ledamot present who served on no §
    under Övriga närvarande (the importer reads both back: test_publication.py)."""
    from protokoll.document.model import Assignment, AttendanceEntry

    doc = example("full")
    item = doc.items[1]
    vote = item.votes[0].model_copy(update={"absent": 1, "lottery": True})
    item = item.model_copy(
        update={"votes": [vote], "assignments": [Assignment(assignee="Miljöchefen", task="utreda taxan")]}
    )
    idle = AttendanceEntry(name="Ulla Vik", party="S", group="member", status="present", serving=False)
    doc = doc.model_copy(
        update={"items": [doc.items[0], item, *doc.items[2:]], "attendance": [*doc.attendance, idle]}
    )
    tree = lxml_html.fromstring(render_html(doc))
    article = tree.get_element_by_id(f"p{item.paragraph}").text_content()
    assert "1 frånvarande" in article and "Ärendet avgörs genom lottning." in article
    assert "Miljöchefen får i uppdrag att utreda taxan" in article
    section = tree.get_element_by_id("narvaro").getparent().text_content()
    assert (
        section.index("Ulla Vik")
        > section.index("Ej tjänstgörande ledamöter")
        > section.index("Övriga närvarande")
    )
