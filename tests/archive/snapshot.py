"""A record-by-record picture of the archive that does not depend on primary keys.

Every row of every archive model becomes a tuple of its field values, with each foreign key
replaced by the referenced row's own picture, so two databases with the same content compare
equal even when their ids differ.
"""

from __future__ import annotations

from django.apps import apps


def _row(obj, cache: dict) -> tuple:
    key = (type(obj), obj.pk)
    if key not in cache:
        values = []
        for f in type(obj)._meta.concrete_fields:
            if f.primary_key:
                continue
            if f.is_relation:
                related = getattr(obj, f.name)
                values.append((f.name, _row(related, cache) if related is not None else None))
            else:
                values.append((f.name, repr(getattr(obj, f.attname))))
        cache[key] = tuple(values)
    return cache[key]


def snapshot() -> dict[str, list[tuple]]:
    cache: dict = {}
    out = {}
    for model in apps.get_app_config("archive").get_models():
        out[model.__name__] = sorted((_row(o, cache) for o in model.objects.all()), key=repr)
    return out


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in apps.get_app_config("archive").get_models()}
