"""The feature apps, and the optional hooks each one offers the whole app.

A feature app may define, next to its models and views:
- `export.section(user, couple) -> dict`: what `user` may see, for the data export;
- `demo.seed(couple, a, b) -> None`: a little history for the demo couple;
- `home.card(request) -> str | Card | None`: its card on the couple home page (HTML, or a
  `closeknit.lib.cards.Card` that says how much it needs the person now);
- `content.load(apps) -> None`: load its product content (prompts, ideas, items) from
  its data files, idempotently; called by its data migration and `closeknit load_content`;
- `reminders.due(now) -> Iterable[Reminder]`: what to remind people of now (see nudges).
Each hook uses the app's own selectors, so privacy rules hold the same way
everywhere.
"""

from collections.abc import Iterator
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

FEATURES = [
    "talk",
    "appreciate",
    # A partner's call for support comes first on the home page.
    "support",
    "checkin",
    "intentions",
    "assessment",
    "dates",
    "rituals",
    "fun",
    "dreams",
    "private",
    "paths",
    "nudges",
]


def hooks(module: str) -> Iterator[tuple[str, ModuleType]]:
    """(feature, module) for every feature that has `closeknit.<feature>.<module>`."""
    for name in FEATURES:
        path = f"closeknit.{name}.{module}"
        if find_spec(f"closeknit.{name}") and find_spec(path):
            yield name, import_module(path)
