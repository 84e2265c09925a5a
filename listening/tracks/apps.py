from django.apps import AppConfig


class TracksConfig(AppConfig):
    name = "listening.tracks"
    label = "tracks"
