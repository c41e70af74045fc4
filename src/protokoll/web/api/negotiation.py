"""Content negotiation shared by the pages and the API: one URL, HTML or JSON (STYLE.md, datasette)."""

from __future__ import annotations

from django.http import HttpRequest

JSON_TYPES = ("application/json", "application/ld+json")


def wants_json(request: HttpRequest) -> bool:
    """True when the client asked for JSON: a ``.json`` path suffix, ``?format=json``, or an
    ``Accept`` header that prefers JSON over HTML.

    A browser's ``Accept: text/html,…,*/*`` never counts as asking for JSON, even though
    ``*/*`` would match it: only an explicit JSON media type with a higher quality than
    ``text/html`` does.
    """
    if request.path.endswith(".json") or request.GET.get("format") == "json":
        return True
    best_json, best_html = 0.0, 0.0
    for media, quality in _accepted(request.headers.get("Accept", "")):
        if media in JSON_TYPES:
            best_json = max(best_json, quality)
        elif media in ("text/html", "application/xhtml+xml"):
            best_html = max(best_html, quality)
    return best_json > 0 and best_json >= best_html


def _accepted(header: str) -> list[tuple[str, float]]:
    out = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        out.append((media, quality))
    return out
