"""The append-only audit log (who did what, when) that loggkontroller read.

``record(action, actor=…, body=…, obj=…, summary=…, details=…)`` appends one event; nothing
can change or remove one afterwards (``protokoll.audit.models``)."""


def record(*args, **kwargs):
    """Append one ``AuditEvent``; see ``protokoll.audit.log.record``."""
    from protokoll.audit.log import record as _record

    return _record(*args, **kwargs)
