from django.apps import AppConfig


class FunConfig(AppConfig):
    name = "closeknit.fun"
    label = "fun"
