from django.apps import AppConfig


class TalkConfig(AppConfig):
    name = "closeknit.talk"
    label = "talk"
