from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "closeknit.support"
    label = "support"
