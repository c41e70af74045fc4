from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "protokoll.audit"
    label = "audit"
    verbose_name = "Logg"
    default_auto_field = "django.db.models.BigAutoField"
