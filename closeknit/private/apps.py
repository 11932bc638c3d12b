from django.apps import AppConfig


class PrivateConfig(AppConfig):
    """The private list ("Just us"), served at /private/.

    Its label stays `bedroom`, the app's name before it was found by its
    address: the tables (bedroom_*), the migrations and the content types
    carry the label, and renaming it would rename them all.
    """

    name = "closeknit.private"
    label = "bedroom"
