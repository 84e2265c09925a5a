from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "listening.core"
    label = "core"
    verbose_name = "Site"
