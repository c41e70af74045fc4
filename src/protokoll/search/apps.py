from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "protokoll.search"
    label = "search"
    verbose_name = "Sökning"
    default_auto_field = "django.db.models.BigAutoField"
