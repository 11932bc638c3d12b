"""The check-in's wording: data/items.csv and data/resources.md, in our own words."""

import itertools
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from closeknit.lib.content import load_csv

DATA = Path(__file__).parent / "data"


def load(apps: Any) -> None:
    """Load or update the items; `apps` is a migration's registry or django.apps.apps."""
    fields = ["text", "low", "high"]
    load_csv(apps.get_model("checkin", "Item"), DATA / "items.csv", fields, position=True)


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
    html: str = _MARKDOWN.render(text)
    return html


@cache
def resources_html() -> str:
    """The resources page body (its own "# " title is left to the template)."""
    text = (DATA / "resources.md").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    return markdown(body)


def resources_markdown() -> str:
    return (DATA / "resources.md").read_text(encoding="utf-8")
