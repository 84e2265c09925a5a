from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "listening.lessons"
    label = "lessons"
    verbose_name = "Lessons"
