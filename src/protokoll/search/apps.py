import importlib.util

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "protokoll.search"
    label = "search"
    verbose_name = "Sökning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The archive announces stored and deleted meetings once it has such signals; until
        # then the index is kept by explicit reindex calls (docs/search.md).
        if importlib.util.find_spec("protokoll.archive.signals") is not None:
            from protokoll.search import receivers

            receivers.connect()
