from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "protokoll.archive"
    label = "archive"
    verbose_name = "Arkiv"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from protokoll.archive import signals

        signals.connect()
