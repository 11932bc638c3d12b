from django.apps import AppConfig


class NudgesConfig(AppConfig):
    name = "closeknit.nudges"
    label = "nudges"
    verbose_name = "Nudges and notifications"
