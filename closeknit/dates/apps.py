from django.apps import AppConfig


class DatesConfig(AppConfig):
    name = "closeknit.dates"
    label = "dates"
