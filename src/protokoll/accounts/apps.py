from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "protokoll.accounts"
    label = "accounts"
    verbose_name = "Konton och roller"
    default_auto_field = "django.db.models.BigAutoField"
