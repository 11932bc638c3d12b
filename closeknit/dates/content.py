"""The product's own wording, kept in data/*.csv and loaded by data migrations."""

import csv
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_csv(model: Any, path: Path, fields: list[str], *, position: bool = False) -> int:
    """Create or update one row per CSV line, matched by `key` (safe to run again).

    With `position`, the line's order in the file is stored too, so lists keep
    the order the writers chose.
    """
    rows = read_rows(path)
    for index, row in enumerate(rows):
        defaults: dict[str, Any] = {field: row[field] for field in fields}
        if position:
            defaults["position"] = index
        model.objects.update_or_create(key=row["key"], defaults=defaults)
    return len(rows)


def load(apps: Any) -> None:
    """Load or update ideas and rituals; `apps` is a migration's registry or django.apps.apps."""
    load_csv(
        apps.get_model("dates", "DateIdea"),
        DATA / "date_ideas.csv",
        ["category", "title", "description"],
    )
    load_csv(
        apps.get_model("dates", "Ritual"), DATA / "rituals.csv", ["title", "description", "when"]
    )
