from django.apps import AppConfig


class ScenesConfig(AppConfig):
    name = "listening.scenes"
    label = "scenes"
