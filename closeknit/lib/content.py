"""Product content kept in CSV files (prompts, ideas, items), loaded by key.

Each feature's `content.load(apps)` reads its own files with these; its data
migration and `closeknit load_content` call it.
"""

import csv
from pathlib import Path
from typing import Any


def read_rows(path: Path) -> list[dict[str, str]]:
    """Every line of a CSV file with a header row, as a dict."""
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_csv(model: Any, path: Path, fields: list[str], *, position: bool = False) -> int:
    """Create or update one row per CSV line, matched by `key` (safe to run again).

    `model` may be a migration's historical model. With `position`, the line's
    order in the file is stored too, so lists keep the order the writers chose.
    """
    rows = read_rows(path)
    for index, row in enumerate(rows):
        defaults: dict[str, Any] = {field: row[field] for field in fields}
        if position:
            defaults["position"] = index
        model.objects.update_or_create(key=row["key"], defaults=defaults)
    return len(rows)
