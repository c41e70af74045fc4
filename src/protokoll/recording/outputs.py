"""Protocol outputs: HTML (``rendering.html``), archival PDF/A (WeasyPrint), plain text
(``rendering.text``), protokollsutdrag with utdragsbestyrkande, and rättelser shown beside the
justerat text (DOMAIN 1.1, 1.13, 4.2; checklist 20, 38–39)."""

from __future__ import annotations

import datetime as dt
from html import escape

from protokoll.archive import models as m
from protokoll.archive.exporting import export_meeting
from protokoll.document.model import Document
from protokoll.recording.justering import CORRECTABLE
from protokoll.recording.models import Correction, Signature
from protokoll.rendering.html import render_html
from protokoll.rendering.text import render_text

#: PDF/A-3a: the archival level that requires a tagged, accessible structure (DOMAIN 4.2, checklist 39);
#: WeasyPrint 70 writes the tags with pdf_tags=True.
PDF_VARIANT = "pdf/a-3a"

CSS = """
@page { size: A4; margin: 2cm; @bottom-right { content: "Sida " counter(page) " (" counter(pages) ")"; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; }
.rattelse { border: 2px solid #000; padding: 4px; }
"""


def _corrections_html(meeting: m.Meeting, paragraphs: set[int] | None = None) -> str:
    rows = Correction.objects.filter(item__meeting=meeting).select_related("item")
    if paragraphs is not None:
        rows = rows.filter(item__paragraph__in=paragraphs)
    rows = [c for c in rows if not c.item.confidential]
    if not rows:
        return ""
    out = ["<section class='rattelse' aria-labelledby='rattelser'><h2 id='rattelser'>Rättelser</h2>"]
    for c in rows:
        out.append(
            f"<p>Rättelse i § {c.item.paragraph} ({escape(CORRECTABLE[c.field])}), beslutad av "
            f"{escape(c.decided_by)} {c.recorded_at:%Y-%m-%d}: "
            f"”{escape(c.before)}” ändras till ”{escape(c.after)}”. Skäl: {escape(c.reason)}</p>"
        )
    out.append("</section>")
    return "".join(out)


def _signatures_html(meeting: m.Meeting) -> str:
    rows = Signature.objects.filter(justering__meeting=meeting).select_related("justering", "key")
    if not rows:
        return ""
    items = "".join(
        f"<li>{escape(s.signer_name)}{' (ordförande)' if s.as_chair else ''}: §§ {s.justering.paragraphs[0]}–"
        f"{s.justering.paragraphs[-1]}, signerat {s.signed_at:%Y-%m-%d %H:%M} (Ed25519, nyckel {s.key.public_key[:16]}…)</li>"
        for s in rows
    )
    return f"<section aria-labelledby='underskrifter'><h2 id='underskrifter'>Underskrifter</h2><ul>{items}</ul></section>"


def _with_extras(html: str, extras: str) -> str:
    return html.replace("</main>", extras + "</main>", 1)


def protocol_html(meeting: m.Meeting, doc: Document | None = None) -> str:
    """The full protocol (internal, with sekretess §§) plus signatures and rättelser."""
    doc = doc or export_meeting(meeting)
    return _with_extras(render_html(doc), _signatures_html(meeting) + _corrections_html(meeting))


def public_html(meeting: m.Meeting) -> str:
    from protokoll.recording.publication import public_document

    return _with_extras(render_html(public_document(meeting)), _corrections_html(meeting))


def protocol_text(meeting: m.Meeting) -> str:
    return render_text(export_meeting(meeting))


def html_to_pdf(html: str) -> bytes:
    """Archival PDF/A-3a, tagged (WeasyPrint's ``pdf_tags``)."""
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True, stylesheets=[weasyprint.CSS(string=CSS)]
    )


def extract_html(
    meeting: m.Meeting, paragraph: int, certified_by: str, day: dt.date, *, public: bool = False
) -> str:
    """A protokollsutdrag of one § with utdragsbestyrkande (DOMAIN 1.13). ``public`` gives the
    public version (a sekretess § is withheld there)."""
    if public:
        from protokoll.recording.publication import public_document

        doc = public_document(meeting)
    else:
        doc = export_meeting(meeting)
    items = [i for i in doc.items if i.paragraph == paragraph]
    if not items:
        raise m.Item.DoesNotExist(f"§ {paragraph}")
    extract = doc.model_copy(update={"items": items, "kind": "extract"})
    certification = (
        "<section aria-labelledby='bestyrkande'><h2 id='bestyrkande'>Utdragsbestyrkande</h2>"
        f"<p>Utdraget överensstämmer med originalprotokollet § {paragraph}.</p>"
        f"<p>{escape(certified_by)}, {day.isoformat()}</p></section>"
    )
    return _with_extras(render_html(extract), _corrections_html(meeting, {paragraph}) + certification)
