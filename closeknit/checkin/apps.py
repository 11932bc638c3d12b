from django.apps import AppConfig


class CheckinConfig(AppConfig):
    name = "closeknit.checkin"
    label = "checkin"
