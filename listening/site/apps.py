from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "listening.site"
    label = "site"
    verbose_name = "Site"
