from django.apps import AppConfig


class RecordingConfig(AppConfig):
    name = "protokoll.recording"
    label = "recording"
    verbose_name = "Protokollföring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from protokoll.recording import immutability

        immutability.connect()
