from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "closeknit.coaching"
    label = "coaching"
