"""What the audit log records (issue 5 "Audit log"; DOMAIN 1.2, 1.10)."""

from __future__ import annotations

from django.db import models


class Action(models.TextChoices):
    """One kind of logged event.

    - ``change_before_justering``: a § or the meeting changed while the protocol is not yet
      justerat (KL 5:69: after justering the text has legal weight and is not edited).
    - ``justering``: the protocol was justerat.
    - ``correction``: a rättelse of a justerat protocol (a new version; the original is kept,
      DOMAIN 1.10).
    - ``read_secret``: someone read the content of a sekretess § (DOMAIN 1.10).
    - ``publish`` / ``unpublish``: the public version was published or withdrawn.
    - ``mask``: names or a § masked or unmasked in the public version.
    - ``export``: data left the system (an audit export for loggkontroll, a protocol export).
    - ``role_change``: a role granted or taken away.
    - ``login`` / ``logout`` / ``login_failed`` / ``lockout``: authentication.
    """

    CHANGE_BEFORE_JUSTERING = "change_before_justering", "ändring före justering"
    JUSTERING = "justering", "justering"
    CORRECTION = "correction", "rättelse"
    READ_SECRET = "read_secret", "läsning av sekretess"
    PUBLISH = "publish", "publicering"
    UNPUBLISH = "unpublish", "avpublicering"
    MASK = "mask", "maskering"
    EXPORT = "export", "export"
    ROLE_CHANGE = "role_change", "rolländring"
    LOGIN = "login", "inloggning"
    LOGOUT = "logout", "utloggning"
    LOGIN_FAILED = "login_failed", "misslyckad inloggning"
    LOCKOUT = "lockout", "spärrad inloggning"
