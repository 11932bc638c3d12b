from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CouplesConfig(AppConfig):
    name = "closeknit.couples"
    label = "couples"

    def ready(self) -> None:
        from closeknit.couples import homecache

        post_save.connect(homecache.row_changed, dispatch_uid="homecache-save")
        post_delete.connect(homecache.row_changed, dispatch_uid="homecache-delete")
