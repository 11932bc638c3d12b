"""The prompt library, for the `content` hook (see closeknit/lib/features.py)."""

from typing import Any

from closeknit.talk.library import load_library


def load(apps: Any) -> None:
    """Load or update the library; `apps` is a migration's registry or django.apps.apps."""
    load_library(apps.get_model("talk", "Prompt"))
