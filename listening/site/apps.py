from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "listening.site"
    label = "site"
    verbose_name = "Site"

    def ready(self):
        from . import local_accounts, media_publicity, page_cache  # noqa: F401 - local_accounts registers its check

        media_publicity.connect()
        page_cache.connect()
