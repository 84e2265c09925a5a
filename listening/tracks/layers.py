"""The layers a cue belongs to: the one list, read by the model, the cue file formats and the demo data."""

from django.db import models


class CueLayer(models.TextChoices):
    MUSIC = "music", "Music"
    FILM = "film", "Film"
    STORY = "story", "Story"
