from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "listening.site"
    label = "site"
    verbose_name = "Site"

    def ready(self):
        from . import local_accounts  # noqa: F401 - registers its system check
