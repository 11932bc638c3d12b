"""The list's items, from data/items.csv (in our own words)."""

from pathlib import Path
from typing import Any

from closeknit.lib.content import load_csv

ITEMS = Path(__file__).resolve().parent / "data" / "items.csv"


def load(apps: Any) -> None:
    """Load or update the items; `apps` is a migration's registry or django.apps.apps."""
    load_csv(apps.get_model("bedroom", "Item"), ITEMS, ["category", "text"], position=True)
