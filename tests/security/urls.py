"""Every URL of the site, enumerated from the resolver and filled with real parameters from
``World``, so that pages and endpoints added later are covered without editing these tests.

Each URL pattern is filled once per *target*: (body A or B) × (published, draft = unpublished
meeting, secret = the sekretess § and what hangs on it). A parameter is filled by its name (and,
for ``pk``, the model the route is about); a name no filler knows fails the tests with the
route named, so that a new kind of parameter cannot silently go untested.
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from protokoll.archive import models as m
from tests.security.world import World

KINDS = ("published", "draft", "secret")
TAGS = ("A", "B")
_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")
#: URL prefixes never enumerated: the Django admin has its own staff-only permission system
#: (tested separately in test_matrix.py).
SKIP_PREFIXES = ("admin/",)
#: Views under /intern/ that are public by law: the anslagstavla (KL 8:10) must be readable by
#: anyone; it shows no sekretess content (the canary checks still apply to it).
PUBLIC_UNDER_INTERN = ("intern/anslagstavla/",)


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str | None
    callback: object

    @property
    def params(self) -> list[str]:
        return [mt.group("name") for mt in _PARAM.finditer(self.pattern)]

    @property
    def internal(self) -> bool:
        """A view for logged-in users only (the recording workflow, the audit log, the account)."""
        if self.pattern in PUBLIC_UNDER_INTERN:
            return False
        return self.pattern.startswith(("intern/", "konto/logg/")) or self.pattern == "konto/"


@dataclass(frozen=True)
class UrlCase:
    path: str
    route: Route
    tag: str | None = None
    kind: str | None = None


def routes() -> list[Route]:
    out: list[Route] = []

    def walk(patterns, prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                out.append(Route(prefix + str(p.pattern), p.name, p.callback))

    walk(get_resolver().url_patterns, "")
    return [r for r in out if not r.pattern.startswith(SKIP_PREFIXES)]


_PK_MODELS = {
    "municipalities": m.Municipality,
    "kommun": m.Municipality,
    "bodies": m.Body,
    "organ": m.Body,
    "meetings": m.Meeting,
    "sammantraden": m.Meeting,
    "mote": m.Meeting,
    "agenda-items": m.Item,
    "items": m.Item,
    "paragraf": m.Item,
    "persons": m.Person,
    "person": m.Person,
    "votes": m.Vote,
    "reservations": m.Reservation,
    "conflicts": m.Conflict,
    "assignments": m.Assignment,
    "cases": m.Case,
    "memberships": m.Membership,
    "anslagstavla": "recording.Posting",
}
#: Placeholder for an object the world does not hold: the route is still requested (404).
MISSING = "999999"


class Filler:
    """Parameter values for one target of a world."""

    def __init__(self, world: World):
        self.w = world

    def meeting(self, tag: str, kind: str) -> m.Meeting:
        return self.w.drafts[tag] if kind == "draft" else self.w.published[tag]

    def item(self, tag: str, kind: str) -> m.Item:
        if kind == "secret":
            return self.w.secret_items[tag]
        meeting = self.meeting(tag, kind)
        return (
            meeting.items.order_by("position").last() if kind == "draft" else meeting.items.get(paragraph=22)
        )

    def person(self, tag: str, kind: str) -> m.Person:
        name = {
            "secret": f"Kanariefagel Hemligsson{tag}",
            "draft": f"Utkastperson KanarieOpublNamn{tag}",
            "published": "Karin Almgren",
        }[kind]
        return m.Person.objects.get(name=name)

    def related(self, model, tag: str, kind: str):
        """An object of ``model`` belonging to the target's item (or meeting), else any."""
        item = self.item(tag, kind)
        meeting = item.meeting
        lookups = {
            m.Municipality: lambda: meeting.body.municipality,
            m.Body: lambda: meeting.body,
            m.Meeting: lambda: meeting,
            m.Item: lambda: item,
            m.Person: lambda: self.person(tag, kind),
            m.Case: lambda: item.case or m.Case.objects.first(),
        }
        if model in lookups:
            return lookups[model]()
        for field in ("item", "meeting"):
            if any(f.name == field for f in model._meta.get_fields()):
                found = model.objects.filter(**{field: item if field == "item" else meeting}).first()
                if found is not None:
                    return found
        return model.objects.first()

    def values(self, route: Route, name: str, tag: str, kind: str) -> list[str]:
        meeting = self.meeting(tag, kind)
        before = route.pattern[
            : route.pattern.index(f":{name}>")
            if f":{name}>" in route.pattern
            else route.pattern.index(f"<{name}>")
        ]
        segments = [s for s in re.split(r"[/.]", _PARAM.sub("", before)) if s]
        if name == "municipality":
            return [meeting.body.municipality.slug]
        if name == "body":
            return [meeting.body.slug]
        if name in ("date", "day"):
            return [meeting.date.isoformat()]
        if name == "body_id":
            return [str(meeting.body_id)]
        if name == "meeting_id":
            return [str(meeting.pk)]
        if name in ("item_id", "paragraph_id"):
            return [str(self.item(tag, kind).pk)]
        if name in ("paragraph", "number"):
            return [str(self.item(tag, kind).paragraph)]
        if name == "year":
            return [str(meeting.date.year)]
        if name in ("fmt", "format"):
            if route.pattern.startswith("konto/logg/"):
                return ["csv", "jsonl", "json"]
            return ["html", "pdf", "txt", "json"]
        if name == "kind":  # the recording workflow's documents
            return ["protokoll", "offentlig"]
        if name == "name":  # a recording action (POST only)
            return ["narvaro"]
        if name in ("party", "abbreviation"):
            return [{"secret": "S", "draft": "L", "published": "M"}[kind]]
        if name == "key" and "memberships" in route.pattern:
            person = self.person(tag, kind)
            return [f"a{person.pk}-{meeting.body_id}-member"]
        if name == "key":  # a case
            item = self.item(tag, kind)
            return [item.case.key if item.case else m.Case.objects.first().key]
        if name in ("pk", "id"):
            model = next((_PK_MODELS[s] for s in reversed(segments) if s in _PK_MODELS), None)
            if model is None:
                raise LookupError(f"route {route.pattern!r}: no model known for <{name}>")
            if isinstance(model, str):
                from django.apps import apps

                model = apps.get_model(model)
            obj = self.related(model, tag, kind)
            return [str(obj.pk) if obj is not None else MISSING]
        raise LookupError(
            f"route {route.pattern!r}: no filler for parameter <{name}> (add one in {__name__})"
        )


def _fill(pattern: str, values: dict[str, str]) -> str:
    return "/" + _PARAM.sub(lambda mt: values[mt.group("name")], pattern)


def cases(world: World, only: list[Route] | None = None) -> list[UrlCase]:
    """One ``UrlCase`` per route and distinct filling (no-parameter routes once)."""
    filler = Filler(world)
    out: list[UrlCase] = []
    for route in only or routes():
        params = route.params
        if not params:
            out.append(UrlCase(_fill(route.pattern, {}), route))
            continue
        seen: set[str] = set()
        for tag in TAGS:
            for kind in KINDS:
                combos: list[dict[str, str]] = [{}]
                for name in params:
                    combos = [{**c, name: v} for c in combos for v in filler.values(route, name, tag, kind)]
                for combo in combos:
                    path = _fill(route.pattern, combo)
                    if path not in seen:
                        seen.add(path)
                        out.append(UrlCase(path, route, tag, kind))
    return out


def body_text(response) -> str:
    """The whole response as text: streamed bodies joined, gzip opened, PDF text extracted."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:5] == b"%PDF-":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(io.BytesIO(raw))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        return "\n".join(pages) + raw.decode("latin-1")
    return raw.decode("utf-8", errors="replace")


def search_queries(world: World) -> list[str]:
    """Queries that would find the secret and unpublished texts if a search index held them.
    None contains a canary itself (a search page echoes its query): each is another word of
    the same field, or a prefix."""
    return [
        "Kontaktfamilj",  # secret titles
        "beviljar insatsen",  # secret decisions
        "enskilde",  # secret background
        "Kanariefagel",  # the motion author named only in the secret §
        "Javig",  # the person with jäv in the secret §
        "Kanarie*",
        "Kanarie",
        "Utkast",  # unpublished titles
        "Utkastbeslut",
        "Utkastperson",
        "9753",
    ]


def leaks(
    world: World, text: str, may_see_secret: dict[str, bool], may_see_draft: dict[str, bool]
) -> list[str]:
    """Canary strings in ``text`` that the reader may not see (case-insensitive)."""
    low = text.lower()
    found = []
    for tag in TAGS:
        kinds = []
        if not may_see_secret[tag]:
            kinds.append("secret")
        if not may_see_draft[tag]:
            kinds.append("unpublished")
        for kind in kinds:
            found += [f"{tag}/{kind}: {c}" for c in world.canaries[tag][kind] if c.lower() in low]
    return found
