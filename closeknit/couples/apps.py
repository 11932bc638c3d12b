from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "closeknit.couples"
    label = "couples"
