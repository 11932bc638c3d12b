from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "closeknit.assessment"
    label = "assessment"
