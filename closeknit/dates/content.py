"""The idea bank's wording, kept in data/date_ideas.csv and loaded by a data migration."""

from pathlib import Path
from typing import Any

from closeknit.lib.content import load_csv

DATA = Path(__file__).parent / "data"


def load(apps: Any) -> None:
    """Load or update the ideas; `apps` is a migration's registry or django.apps.apps."""
    load_csv(
        apps.get_model("dates", "DateIdea"),
        DATA / "date_ideas.csv",
        ["category", "title", "description"],
    )
