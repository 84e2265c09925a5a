from django.apps import AppConfig
from django.core.checks import Tags, register

from .checks import check_media_folder


class CoreConfig(AppConfig):
    """The base layer: time code, fields, rich text, media types and serving. It imports no app of ours.

    It has no models; its migrations are kept for the history of databases made when the home and
    soundtrack pages lived here (they moved to `site` and `tracks`, keeping their tables).
    """

    name = "listening.core"
    label = "core"
    verbose_name = "Base"

    def ready(self):
        register(check_media_folder, Tags.files)
