"""A protocol exported as Markdown (a meeting app, a wiki) reads like the page it renders to."""

from __future__ import annotations

from protokoll.importing.parse import parse_extracted
from protokoll.importing.readers.text import read_text

MARKDOWN = """---
title: "Fritidsnämnden 2025-04-08"
exporterad: 2025-04-15T09:12:00+02:00
---

# Fritidsnämnden

**Sammanträde:** tisdag 2025-04-08, kl. 18.00 – 20.00

## Beslutande

| Namn | Parti | Roll | Närvaro |
|------|-------|------|---------|
| Anna Berg | S | Ordförande | Närvarande |
| Olof Lind | M | Ledamot | Närvarande |
| Siv Holm | C | Ledamot | Närvarande |

**Justerare:** Olof Lind

## 12 § Val av justerare

**Beslut**

Fritidsnämnden utser Olof Lind att justera protokollet.

## 13 § Taxor för idrottshallar

*Dnr FN 2025.0044*

**Beslut**

Fritidsnämnden antar taxorna.
"""


def test_markdown_headings_labels_and_tables_are_read_as_text() -> None:
    doc = parse_extracted(read_text(MARKDOWN.encode(), file="fn.txt"))
    items = {it.paragraph: it for it in doc.items}
    assert sorted(items) == [12, 13]
    assert items[13].title == "Taxor för idrottshallar"
    assert items[13].case_number == "FN 2025.0044"
    assert items[13].decision == "Fritidsnämnden antar taxorna."
    assert str(doc.meeting.date) == "2025-04-08"
    assert [a.name for a in doc.attendance if a.serving] == ["Anna Berg", "Olof Lind", "Siv Holm"]
    assert [a.name for a in doc.adjusters] == ["Olof Lind"]


def test_a_hash_inside_plain_text_is_no_markdown() -> None:
    text = "Protokoll\n# 12 är ett nummer\n§ 4 Val av justerare\nBeslut\nNämnden utser Eva Ek.\n"
    doc = parse_extracted(read_text(text.encode(), file="x.txt"))
    assert [it.paragraph for it in doc.items] == [4]
