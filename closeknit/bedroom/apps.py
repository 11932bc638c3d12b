from django.apps import AppConfig


class BedroomConfig(AppConfig):
    name = "closeknit.bedroom"
    label = "bedroom"
