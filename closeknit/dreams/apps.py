from django.apps import AppConfig


class DreamsConfig(AppConfig):
    name = "closeknit.dreams"
    label = "dreams"
