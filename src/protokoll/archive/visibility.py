"""Which §§ are withheld (sekretess), decided once for every reader of the archive: the public
outputs (``protokoll.web.public``), the admin, the permission checks and the model's own
``__str__``. It lives with the models because the rule is about the stored rows, not about
any one way of showing them.

A withheld § is shown with its number and a marker only: its title, Dnr and content are withheld,
because a title can itself reveal who the case is about.
"""

from __future__ import annotations

from django.db.models import Q

from protokoll.domain.vocab import Visibility

SECRET_MARKER = "Sekretess – innehållet redovisas inte i den offentliga versionen."


def is_withheld(item) -> bool:
    """``item`` is an ``archive.models.Item`` (or anything with its two fields)."""
    return item.confidential or item.visibility == Visibility.SECRET


def withheld_q(prefix: str = "") -> Q:
    """Q matching items whose content is withheld; ``prefix`` like "item__" for related lookups."""
    return Q(**{f"{prefix}confidential": True}) | Q(**{f"{prefix}visibility": Visibility.SECRET})
