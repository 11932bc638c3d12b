from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "closeknit.api"
    label = "api"
