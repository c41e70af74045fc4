"""A record-by-record picture of the archive that does not depend on primary keys.

Every row of every archive model becomes a tuple of its field values, with each foreign key
replaced by the referenced row's own picture, so two databases with the same content compare
equal even when their ids differ.
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist


def _row(obj, cache: dict) -> tuple:
    key = (type(obj), obj.pk)
    if key not in cache:
        values = []
        for f in type(obj)._meta.concrete_fields:
            if f.primary_key:
                continue
            if f.is_relation:
                try:
                    related = getattr(obj, f.name)
                except ObjectDoesNotExist:  # a reference without a database constraint
                    related = None
                values.append((f.name, _row(related, cache) if related is not None else None))
            else:
                values.append((f.name, repr(getattr(obj, f.attname))))
        cache[key] = tuple(values)
    return cache[key]


def snapshot(*, whole_database: bool = False) -> dict[str, list[tuple]]:
    """The archive's rows; with ``whole_database`` also every other app's rows that a dump carries."""
    from protokoll.archive.backup import other_models

    models = list(apps.get_app_config("archive").get_models())
    if whole_database:
        models += other_models()
    cache: dict = {}
    out = {}
    for model in models:
        rows = [_row(o, cache) for o in model._default_manager.all()]
        m2m = [
            (f.name, sorted(repr(_row(r, cache)) for r in getattr(o, f.name).all()))
            for o in model._default_manager.all()
            for f in model._meta.many_to_many
        ]
        out[model._meta.label] = sorted(map(repr, rows)) + sorted(map(repr, m2m))
    return out


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in apps.get_app_config("archive").get_models()}
