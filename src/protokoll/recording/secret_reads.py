"""Every read of sekretess content by a recording view is logged (issue 5 "Audit log"; KL 6:25,
DOMAIN 1.10).

The recording views show whole §§ — the recording page, the kallelse, the full protocol, the
utdrag and the JSON state — so a sekretess § is read each time one of them is rendered. The
views name the §§ they are about to show; each withheld one goes through
``accounts.permissions.read_secret_item``, which checks ``view_secret`` and writes one
``read_secret`` event (who, which §, when) per § per request.
"""

from __future__ import annotations

from collections.abc import Iterable

from protokoll.accounts.permissions import read_secret_item
from protokoll.archive import models as m
from protokoll.archive.visibility import is_withheld


def read_items(request, meeting: m.Meeting, items: Iterable[m.Item]) -> None:
    """Check and log the read of each withheld § in ``items`` (all of ``meeting``). Raises
    ``PermissionDenied`` before anything is shown when the user may not read one of them."""
    for item in items:
        if is_withheld(item):
            item.meeting = meeting  # already loaded with its body; spares a query per §
            read_secret_item(request.user, item, request=request)


def read_meeting(request, meeting: m.Meeting) -> None:
    """The read of every § of ``meeting`` (a view showing the whole protocol or agenda)."""
    read_items(request, meeting, meeting.items.all())
