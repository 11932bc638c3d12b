"""The prompt library: data/prompts.csv, in our own words, loaded by key."""

from pathlib import Path
from typing import Any

from closeknit.lib.content import read_rows

PROMPTS_CSV = Path(__file__).parent / "data" / "prompts.csv"


def load_library(prompt_model: Any) -> int:
    """Create or update every library prompt by key; returns how many rows were read.

    Takes the model as an argument so a data migration can pass its historical model.
    """
    rows = read_rows(PROMPTS_CSV)
    existing = {p.key: p for p in prompt_model.objects.filter(key__isnull=False)}
    new, changed = [], []
    for row in rows:
        prompt = existing.get(row["key"])
        if prompt is None:
            new.append(
                prompt_model(
                    key=row["key"], kind=row["kind"], depth=row["depth"], text=row["text"]
                )
            )
        elif (prompt.kind, prompt.depth, prompt.text) != (row["kind"], row["depth"], row["text"]):
            prompt.kind, prompt.depth, prompt.text = row["kind"], row["depth"], row["text"]
            changed.append(prompt)
    prompt_model.objects.bulk_create(new)
    prompt_model.objects.bulk_update(changed, ["kind", "depth", "text"])
    return len(rows)
