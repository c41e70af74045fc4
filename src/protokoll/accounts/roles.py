"""Roles a person holds towards a body, with their legal meaning (DOMAIN 1.8, 1.10; KL 6:16-17,
6:25, 5:69).

A nämnd meets behind closed doors (KL 6:25) and sekretess applies within it, so the people who
may read its unpublished drafts and its sekretess §§ are exactly those who take part in its
meetings: its ledamöter, its ersättare (who are called to every meeting and may attend even when
not serving, KL 6:17), its ordförande, its justerare, and the nämndsekreterare who keeps the
protocol. Every other person, including the members of another nämnd, is the public towards
this body.
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    """Who a user is towards one body.

    - ``administrator``: runs the system (Django ``is_superuser``). Manages accounts and reads
      every body's audit log for loggkontroll, but is *not* a participant of any nämnd: without
      a body role they see only what the public sees, and never sekretess content (DOMAIN 1.10:
      each nämnd is personuppgiftsansvarig for its own records).
    - ``secretary``: the body's nämndsekreterare; records meetings, edits before justering,
      publishes, masks, and reads the body's audit log.
    - ``chair``: the ordförande; signs at justering (KL 5:69) and decides urgent matters (6:39).
    - ``adjuster``: a justerare chosen for the body's meetings during the role's period (KL 5:69);
      the recording workflow grants it with start = end = the meeting date.
    - ``member``: a ledamot (KL 6:16).
    - ``substitute``: an ersättare (KL 6:16-17), called to meetings and present behind the
      closed doors even when not serving.
    - ``public``: anyone else, logged in or not.
    """

    ADMINISTRATOR = "administrator", "administratör"
    SECRETARY = "secretary", "nämndsekreterare"
    CHAIR = "chair", "ordförande"
    ADJUSTER = "adjuster", "justerare"
    MEMBER = "member", "ledamot"
    SUBSTITUTE = "substitute", "ersättare"
    PUBLIC = "public", "allmänheten"


#: Roles a ``BodyRole`` row may hold; administrator and public are not held towards a body.
BODY_ROLES = (Role.SECRETARY, Role.CHAIR, Role.ADJUSTER, Role.MEMBER, Role.SUBSTITUTE)

#: Roles that sit behind the body's closed doors (KL 6:25) and so may read its drafts and
#: sekretess §§ (DOMAIN 1.10).
PARTICIPANT_ROLES = frozenset(BODY_ROLES)
