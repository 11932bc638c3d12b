from django.apps import AppConfig


class PathsConfig(AppConfig):
    name = "closeknit.paths"
    label = "paths"
