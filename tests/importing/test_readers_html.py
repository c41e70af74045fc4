"""HTML reader: main content kept, chrome and anything active dropped, structure as lines."""

from __future__ import annotations

import pytest

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.readers import read_bytes, read_file

PORTAL = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Protokoll – Kommunen</title>
<script>document.write("SCRIPT-HEAD")</script><style>body{content:"STYLE-TEXT"}</style></head>
<body class="cookie-banner-open" onload="track('ONLOAD-HANDLER')">
<div id="cookieConsent" class="consent-popup">COOKIE-BANNER Vi använder kakor <button>Godkänn</button></div>
<a class="skip-to-content" href="#innehall">SKIP-LINK Hoppa till innehållet</a>
<header class="site-header"><img src="logo.png" alt="Logo">SITE-HEADER Kommunen</header>
<nav><ul><li>NAV-ITEM Start</li><li>Politik</li></ul></nav>
<div class="breadcrumbs">BREADCRUMB Start › Politik</div>
<div role="navigation">ROLE-NAV</div>
<main id="innehall">
 <article>
  <header><h1>Protokoll Socialnämnden 2024-03-12</h1></header>
  <p>Sammanträdesdatum 2024-03-12<br>Plats: <a href="javascript:alert('JS-HREF')" onclick="steal('ONCLICK')">Stadshuset</a></p>
  <table>
   <tr><th>Plats och tid</th><td>Stadshuset, kl 13.00–15.00</td></tr>
   <tr><td>Beslutande</td><td>Anna Örn (S), ordförande<br>Bo Åkesson (M)</td></tr>
  </table>
  <h2>§ 12 Val av justerare</h2>
  <ul><li>Första punkten</li><li>Andra <b>punkten</b> fortsätter</li></ul>
  <noscript>NOSCRIPT-TEXT</noscript><template>TEMPLATE-TEXT</template>
  <iframe src="x">IFRAME-TEXT</iframe><svg><text>SVG-TEXT</text></svg>
  <form action="/s"><input value="FORM-INPUT"><label>FORM-LABEL</label></form>
  <p style="display: none">HIDDEN-STYLE</p><p hidden>HIDDEN-ATTR</p>
  <p>Nämnden beslutar att &lt;godkänna&gt; förslaget&nbsp;&amp; avtalet.</p>
  <!-- COMMENT-TEXT -->
  <aside>ASIDE-TEXT</aside>
 </article>
</main>
<footer>SITE-FOOTER Kontakt</footer>
<script>var s = "<p>SCRIPT-BODY</p>";</script>
</body></html>
"""

CHROME_MARKERS = [
    "SCRIPT-HEAD", "STYLE-TEXT", "ONLOAD-HANDLER", "COOKIE-BANNER", "Godkänn", "SKIP-LINK",
    "SITE-HEADER", "NAV-ITEM", "BREADCRUMB", "ROLE-NAV", "JS-HREF", "ONCLICK", "NOSCRIPT-TEXT",
    "TEMPLATE-TEXT", "IFRAME-TEXT", "SVG-TEXT", "FORM-INPUT", "FORM-LABEL", "HIDDEN-STYLE",
    "HIDDEN-ATTR", "COMMENT-TEXT", "ASIDE-TEXT", "SITE-FOOTER", "SCRIPT-BODY", "Protokoll – Kommunen",
]  # fmt: skip


@pytest.fixture
def portal(tmp_path):
    path = tmp_path / "protokoll.html"
    path.write_text(PORTAL, encoding="utf-8")
    return read_file(path)


def test_main_content_survives_as_lines(portal):
    assert portal.format == "html"
    assert [p.number for p in portal.pages] == [1]
    assert portal.pages[0].lines == [
        "Protokoll Socialnämnden 2024-03-12",
        "",
        "Sammanträdesdatum 2024-03-12",
        "Plats: Stadshuset",
        "",
        "Plats och tid\tStadshuset, kl 13.00–15.00",
        "Beslutande\tAnna Örn (S), ordförande",
        "Bo Åkesson (M)",
        "",
        "§ 12 Val av justerare",
        "",
        "- Första punkten",
        "- Andra punkten fortsätter",
        "",
        "Nämnden beslutar att <godkänna> förslaget & avtalet.",
    ]


@pytest.mark.parametrize("marker", CHROME_MARKERS)
def test_no_chrome_or_active_content_survives(portal, marker):
    assert marker not in portal.text


def test_body_without_main_drops_site_chrome_but_keeps_content():
    html = (
        "<html><body><header>SITE</header><nav>MENU</nav>"
        "<div class='main-menu'>MENU-DIV</div><div class='content'><h1>Kommunstyrelsen</h1>"
        "<p>§ 1 Ärende</p></div><footer>FOOT</footer></body></html>"
    )
    assert read_bytes(html.encode(), file="k.html").pages[0].lines == ["Kommunstyrelsen", "", "§ 1 Ärende"]


def test_screen_reader_only_text_is_dropped_and_the_text_around_it_kept():
    html = (
        "<html><body><main><details><summary><span class='visually-hidden'>Visa eller dölj paragraf </span>"
        "§ 112 Val av justerare</summary><p>Beslut</p><p>Henrik Sjöberg utses att justera."
        "<a href='/d/1'> Tjänsteskrivelse<span class='sr-only'> (pdf, öppnas i nytt fönster)</span></a></p>"
        "</details></main></body></html>"
    )
    lines = [ln for ln in read_bytes(html.encode(), file="k.html").pages[0].lines if ln]
    assert lines == ["§ 112 Val av justerare", "Beslut", "Henrik Sjöberg utses att justera. Tjänsteskrivelse"]


def test_class_word_on_a_wrapper_holding_the_page_does_not_drop_it():
    html = "<html><body><div class='page menu-open'><p>§ 1 Val av ordförande och beslut i ärendet</p></div></body></html>"
    assert read_bytes(html.encode()).pages[0].lines == ["§ 1 Val av ordförande och beslut i ärendet"]


def test_vote_table_keeps_empty_cells_and_spans():
    html = (
        "<html><body><table><tr><th>Ledamot</th><th>Ja</th><th>Nej</th><th>Avstår</th></tr>"
        "<tr><td>Eva Ek (S)</td><td></td><td>X</td><td></td></tr>"
        "<tr><td colspan='2'>Olle Ås (V)</td><td></td><td>X</td></tr>"
        "<tr><td></td><td> </td></tr></table></body></html>"
    )
    assert read_bytes(html.encode()).pages[0].lines == [
        "Ledamot\tJa\tNej\tAvstår",
        "Eva Ek (S)\t\tX",
        "Olle Ås (V)\t\t\tX",
    ]


@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "cp1252"),
        ("", "cp1252"),  # undeclared, not UTF-8: the Windows-1252 fallback
        ("", "utf-8-sig"),
        ("", "utf-16"),
        ('<meta charset="utf-8">', "utf-8"),
    ],
)
def test_declared_charset_bom_and_fallback(prefix, encoding):
    html = f"<html><head>{prefix}</head><body><p>Ärende: Ölands väg, Åsa</p></body></html>"
    assert read_bytes(html.encode(encoding)).pages[0].lines == ["Ärende: Ölands väg, Åsa"]


def test_xhtml_with_xml_declaration():
    html = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>§ 3 Ärende</p></body></html>'
    got = read_bytes(html.encode())
    assert got.format == "html"
    assert got.pages[0].lines == ["§ 3 Ärende"]


def test_page_with_only_chrome_is_unreadable():
    with pytest.raises(UnreadableInput, match="no readable text"):
        read_bytes(b"<html><body><nav>Start</nav><script>x()</script></body></html>")


def _nested(depth: int) -> bytes:
    opening = "<div><span>" * (depth // 2)
    closing = "</span></div>" * (depth // 2)
    return f"<html><body><p>före</p>{opening}djup text{closing}<p>efter</p></body></html>".encode()


def test_deep_nesting_keeps_all_text():
    got = read_bytes(_nested(1500))
    assert got.pages[0].lines == ["före", "", "djup text", "efter"]
    assert got.warnings == []


def test_absurd_nesting_is_a_warning_not_a_crash():
    got = read_bytes(_nested(10000))
    assert "före" in got.text
    assert [w.code for w in got.warnings] == ["html-truncated"]


def test_entities_are_not_expanded_from_outside():
    html = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>a &x; b</p></body></html>'
    got = read_bytes(html.encode())
    assert "root:" not in got.text


@pytest.mark.parametrize(
    ("attributes", "chrome"),
    [
        ('id="CybotCookiebotDialog"', True),
        ('class="env-cookie-consent"', True),
        ('class="mainMenu"', True),
        ('class="site-navigation__list"', True),
        ('id="skiplink"', True),
        ('class="skip-link"', True),
        ('class="sv-nav"', True),
        ('aria-label="Brödsmulor"', True),
        ('class="share-buttons"', True),
        ('class="unavailable"', False),
        ('class="protocol-text"', False),
        ('id="paragraf-12"', False),
    ],
)
def test_chrome_is_recognised_by_its_attributes(attributes, chrome):
    html = (
        f"<html><body><div {attributes}>KANDIDAT</div>"
        "<p>Nämnden beslutar att godkänna förslaget i dess helhet enligt bilaga.</p></body></html>"
    )
    assert ("KANDIDAT" not in read_bytes(html.encode()).text) is chrome
