from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "closeknit.couples"
    label = "couples"

    def ready(self) -> None:
        from closeknit.couples import homecache

        homecache.connect()
