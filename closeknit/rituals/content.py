"""The suggested rituals, from data/rituals.csv (in our own words)."""

from pathlib import Path
from typing import Any

from closeknit.lib.content import load_csv

RITUALS = Path(__file__).resolve().parent / "data" / "rituals.csv"


def load(apps: Any) -> None:
    """Load or update the suggestions; `apps` is a migration's registry or django.apps.apps."""
    load_csv(apps.get_model("rituals", "Ritual"), RITUALS, ["title", "description", "when"])
