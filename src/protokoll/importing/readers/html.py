"""HTML with lxml: the text a person reads on the page, without site chrome or anything active.

Meeting portals wrap a protocol in navigation, cookie banners, menus and scripts. The reader
keeps the main content (``<main>``, ``[role=main]``, a single ``<article>``; else ``<body>``),
drops elements that are never content, and writes block elements as lines, table rows as
tab-joined cells and list items with "- ". Nothing is executed or fetched: lxml parses the
markup and the output is plain text.
"""

from __future__ import annotations

import codecs
import re

import lxml.etree
import lxml.html

from protokoll.document.model import Warning
from protokoll.importing.extracted import Extracted, Page, UnreadableInput

# Never content: active, embedded or interactive elements, and page-level chrome.
DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg", "math",
    "canvas", "form", "button", "select", "textarea", "input", "nav", "aside", "dialog", "head",
    "audio", "video", "map", "link", "meta",
}  # fmt: skip
# Site header and footer, but an <article>'s own header (its title) is content.
SECTION_CHROME_TAGS = {"header", "footer"}
SECTIONING = {"article", "main", "section"}

DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog", "alertdialog"}
# id / class / aria-label words that mark consent banners, skip links, breadcrumbs and menus.
# Distinctive words count anywhere, also inside camelCase ("CybotCookiebotDialog", "mainMenu");
# short, ambiguous ones only as a whole token ("nav", not "unavailable").
CHROME_PARTS = re.compile(
    r"cookie|consent|gdpr|samtycke|breadcrumb|br[oö]dsmul|skip-?(?:link|to|nav)|hoppa-?till|"
    r"navbar|navigation|sidebar|menu|meny",
    re.I,
)
CHROME_TOKENS = {"nav", "skip", "share", "social", "dela"}
_TOKEN_SPLIT = re.compile(r"[^0-9A-Za-zÅÄÖåäö]+|(?<=[a-zåäö])(?=[A-ZÅÄÖ])")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# text only a screen reader is given ("Visa eller dölj paragraf", "(pdf, öppnas i nytt fönster)"):
# the classes that common CSS frameworks and CMSs clip out of sight
VISUALLY_HIDDEN = re.compile(
    r"(?:^|\s)(?:visually-?hidden|sr-only|screen-?reader-?(?:text|only)|element-invisible|assistive-text)(?:\s|$)",
    re.I,
)

BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "hr",
    "li", "main", "ol", "p", "pre", "section", "summary", "ul", "caption", "legend", "table", "tr",
}  # fmt: skip
# Blocks a browser sets apart with a margin: an empty line after them, as in a text file.
PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote", "pre"}

MAX_DEPTH = 400
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
# Browsers read these labels as Windows-1252 (WHATWG Encoding Standard); so do we.
_AS_CP1252 = {"iso8859-1", "latin-1", "ascii", "iso8859-15", "windows-1252", "cp1252"}


def decode_html(data: bytes) -> str:
    """The declared charset (BOM, else <meta>), default UTF-8, with a Windows-1252 fallback."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = "utf-8"
    match = _META_CHARSET.search(data[:8192])
    if match:
        try:
            declared = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            declared = "utf-8"
        if declared in _AS_CP1252:
            declared = "cp1252"
        if declared.startswith("utf-16"):  # a <meta> readable as ASCII means it is not UTF-16
            declared = "utf-8"
    try:
        return data.decode(declared)
    except UnicodeDecodeError:
        fallback = "cp1252" if declared == "utf-8" else "utf-8"
        try:
            return data.decode(fallback)
        except UnicodeDecodeError:
            return data.decode(declared, errors="replace")


def _attr_text(el) -> str:
    return " ".join(el.get(a, "") for a in ("id", "class", "aria-label"))


def _is_hidden(el) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden", "").lower() == "true"
        or bool(HIDDEN_STYLE.search(el.get("style", "")))
        or bool(VISUALLY_HIDDEN.search(el.get("class", "")))
    )


def _choose_root(body):
    for path in ("//main", "//*[@role='main']"):
        found = body.xpath(path)
        if found:
            return found[0]
    articles = body.xpath("//article")
    if len(articles) == 1:
        return articles[0]
    return body


def _chrome_attributes(text: str) -> bool:
    if CHROME_PARTS.search(text):
        return True
    return any(token.lower() in CHROME_TOKENS for token in _TOKEN_SPLIT.split(text))


def _is_chrome(el, root, total: int) -> bool:
    tag = el.tag.lower()
    if tag in DROP_TAGS or el.get("role", "").lower() in DROP_ROLES or _is_hidden(el):
        return True
    if tag in SECTION_CHROME_TAGS:
        return not any(isinstance(a.tag, str) and a.tag.lower() in SECTIONING for a in el.iterancestors())
    if el is root or not _chrome_attributes(_attr_text(el)):
        return False
    # Matched only by its id/class: a wrapper with class "menu-open" holding the page is no menu.
    return len(el.text_content()) < 0.5 * total and not el.xpath(".//main|.//*[@role='main']")


def _drop_chrome(root) -> None:
    total = len(root.text_content()) or 1
    doomed = [el for el in root.iter() if not isinstance(el.tag, str) or _is_chrome(el, root, total)]
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        # Keep the text that follows the element in its parent (its "tail").
        tail = el.tail
        if tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def text(self, s: str, pre: bool = False) -> None:
        s = s.translate(_INVISIBLE)
        if pre:
            parts = s.split("\n")
            for i, part in enumerate(parts):
                if i:
                    self.newline()
                self.current.append(part)
            return
        s = _SPACE.sub(" ", s)
        if not self.current or "".join(self.current).endswith((" ", "\t", "- ")):
            s = s.lstrip()
        if s:
            self.current.append(s)

    def newline(self) -> None:
        self.lines.append("".join(self.current).rstrip())
        self.current = []

    def end_line(self) -> None:
        if "".join(self.current).strip():
            self.newline()
        self.current = []

    def blank(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def result(self) -> list[str]:
        self.end_line()
        out: list[str] = []
        for line in self.lines:
            if line == "" and (not out or out[-1] == ""):
                continue
            out.append(line)
        while out and out[-1] == "":
            out.pop()
        return out


def _render(el, w: _Writer, depth: int = 0, pre: bool = False) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if depth > MAX_DEPTH:  # absurd nesting: keep the text, drop the structure
        w.text(el.text_content(), pre)
        return
    if tag == "br":
        w.newline()
        return
    if tag == "table":
        w.end_line()
        _render_table(el, w, depth)
        w.blank()
        return
    block = tag in BLOCK_TAGS
    pre = pre or tag == "pre"
    if block:
        w.end_line()
    if tag == "li":
        w.text("- ")
    if el.text:
        w.text(el.text, pre)
    for child in el:
        _render(child, w, depth + 1, pre)
        if child.tail:
            w.text(child.tail, pre)
    if tag in PARAGRAPH_TAGS:
        w.blank()
    elif block:
        w.end_line()


def _rows(table):
    """The table's own rows, not those of tables nested in its cells."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (r for r in child if isinstance(r.tag, str) and r.tag.lower() == "tr")
        elif tag == "caption":
            yield child


def _render_table(table, w: _Writer, depth: int) -> None:
    for row in _rows(table):
        if row.tag.lower() == "caption":
            _render(row, w, depth + 1)
            continue
        cells = []
        for cell in row:
            if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                inner = _Writer()
                _render_children(cell, inner, depth + 1)
                cells.append([line for line in inner.result() if line] or [""])
                # Empty cells and spans stay, so columns (Ja / Nej / Avstår in a vote) keep
                # their place.
                cells.extend([[""]] * (_span(cell) - 1))
        if not any(c[0] or len(c) > 1 for c in cells):
            continue
        w.end_line()
        # First lines side by side, like the row reads; a cell's further lines follow it.
        w.lines.append("\t".join(c[0] for c in cells).rstrip("\t"))
        for c in cells:
            w.lines.extend(c[1:])


def _span(cell) -> int:
    try:
        return max(1, min(int(cell.get("colspan", "1")), 50))
    except ValueError:
        return 1


def _render_children(el, w: _Writer, depth: int) -> None:
    if el.text:
        w.text(el.text)
    for child in el:
        _render(child, w, depth + 1)
        if child.tail:
            w.text(child.tail)


def read_html(data: bytes, *, file: str | None = None) -> Extracted:
    text = _XML_DECL.sub("", decode_html(data), count=1)
    # Characters XML forbids: lxml keeps them from the markup but refuses them when a tree is
    # edited, and they are never text a person reads.
    text = _NOT_XML.sub("", text.replace("\f", "\n"))
    # huge_tree lifts libxml2's nesting limit from 256 to 2048: beyond 256 it silently drops the
    # rest of the page, and generated portal markup can nest deeper than that.
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True
    )
    try:
        doc = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as e:
        raise UnreadableInput(f"the HTML cannot be read: {e}") from None
    warnings = []
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        warnings.append(
            Warning(
                code="html-truncated",
                message="the page nests its markup too deeply; text after that point is missing",
            )
        )
    body = doc.find("body")
    if body is None:
        body = doc
    root = _choose_root(body)
    _drop_chrome(root)
    w = _Writer()
    _render(root, w)
    lines = w.result()
    if not any(line.strip() for line in lines):
        raise UnreadableInput("the HTML page has no readable text")
    return Extracted(pages=[Page(number=1, lines=lines)], format="html", file=file, warnings=warnings)
