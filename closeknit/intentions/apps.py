from django.apps import AppConfig


class IntentionsConfig(AppConfig):
    name = "closeknit.intentions"
    label = "intentions"
