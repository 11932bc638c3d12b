"""The check-in's wording: data/items.csv and data/resources.md, in our own words."""

import csv
import itertools
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

DATA = Path(__file__).parent / "data"


def read_items() -> list[dict[str, str]]:
    with (DATA / "items.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_items(item_model: Any) -> int:
    """Create or update every item by key (a migration passes its historical model)."""
    rows = read_items()
    for position, row in enumerate(rows):
        item_model.objects.update_or_create(
            key=row["key"],
            defaults={
                "text": row["text"],
                "low": row["low"],
                "high": row["high"],
                "position": position,
            },
        )
    return len(rows)


def load(apps: Any) -> None:
    """Load or update the items; `apps` is a migration's registry or django.apps.apps."""
    load_items(apps.get_model("checkin", "Item"))


def _heading_ids(state: StateCore) -> None:
    """Give each heading an id from its words, so a page can link to its sections."""
    for opening, inline in itertools.pairwise(state.tokens):
        if opening.type == "heading_open":
            opening.attrSet("id", slugify(inline.content))


# CommonMark with raw HTML off: anything that is not Markdown is escaped, and
# links to javascript: and the like are not made (markdown-it's own check).
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_MARKDOWN.core.ruler.push("heading_ids", _heading_ids)


def markdown(text: str) -> str:
    """Our pages' Markdown as safe HTML, headings with ids.

    >>> print(markdown("## Hi\\n\\nOne **two**"), end="")
    <h2 id="hi">Hi</h2>
    <p>One <strong>two</strong></p>
    """
    return _MARKDOWN.render(text)


@cache
def resources_html() -> str:
    """The resources page body (its own "# " title is left to the template)."""
    text = (DATA / "resources.md").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    return markdown(body)


def resources_markdown() -> str:
    return (DATA / "resources.md").read_text(encoding="utf-8")
