"""Content types that follow their models when the models move to another app."""

from collections.abc import Sequence
from typing import Any

from django.db import migrations


def follow_models(old_label: str, new_label: str, models: Sequence[str]) -> migrations.RunPython:
    """A migration operation: the moved models' content types change app, and back.

    Permissions and admin history point at content types, so renaming them in
    place keeps both. On a fresh database there is nothing to rename yet
    (content types are made after migrating) and this does nothing.
    """

    def rename(apps: Any, schema_editor: Any, source: str, target: str) -> None:
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(
            schema_editor.connection.alias
        )
        for model in models:
            if not content_types.filter(app_label=target, model=model).exists():
                content_types.filter(app_label=source, model=model).update(app_label=target)
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()

    return migrations.RunPython(
        lambda apps, editor: rename(apps, editor, old_label, new_label),
        lambda apps, editor: rename(apps, editor, new_label, old_label),
    )
