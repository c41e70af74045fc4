from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "protokoll.archive"
    label = "archive"
    verbose_name = "Arkiv"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from protokoll.archive import signals, version

        signals.connect()
        post_migrate.connect(version.reinstall, sender=self, dispatch_uid="protokoll-archive-version")
