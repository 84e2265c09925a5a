from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "listening.people"
    label = "people"
