from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "listening.demo"
    label = "demo"
