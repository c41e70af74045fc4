from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "protokoll.audit"
    label = "audit"
    verbose_name = "Logg"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from protokoll.audit import signals
        from protokoll.audit.db import register_sqlite_function

        connection_created.connect(register_sqlite_function, dispatch_uid="protokoll.audit.sqlite")
        signals.connect()
