from django.apps import AppConfig


class RitualsConfig(AppConfig):
    name = "closeknit.rituals"
    label = "rituals"
