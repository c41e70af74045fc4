from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "protokoll.web"
    label = "web"
    verbose_name = "Webbplats"
