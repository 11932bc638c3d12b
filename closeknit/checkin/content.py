"""The check-in's wording: data/items.csv and data/resources.md, in our own words."""

import csv
import html
import re
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.text import slugify

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


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text))


def markdown_lite(text: str) -> str:
    """The few Markdown constructs our pages use, as HTML: headings, paragraphs, lists, bold.

    Everything else is escaped, so the output is safe to mark as such.

    >>> print(markdown_lite("## Hi\\n\\nOne **two**\\n- a\\n- b"))
    <h2 id="hi">Hi</h2>
    <p>One <strong>two</strong></p>
    <ul>
    <li>a</li>
    <li>b</li>
    </ul>
    """
    out: list[str] = []
    paragraph: list[str] = []
    in_list = False

    def close() -> None:
        nonlocal in_list
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if in_list:
            out.append("</ul>")
            in_list = False

    for line in text.splitlines():
        stripped = line.strip()
        heading = re.match(r"(#{1,6})\s+(.*)", stripped)
        if heading:
            close()
            level, title = len(heading.group(1)), heading.group(2)
            out.append(f'<h{level} id="{slugify(title)}">{_inline(title)}</h{level}>')
        elif stripped.startswith(("- ", "* ")):
            if paragraph:
                out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
                paragraph.clear()
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline(stripped[2:])}</li>")
        elif not stripped:
            close()
        else:
            if in_list:
                close()
            paragraph.append(stripped)
    close()
    return "\n".join(out)


@cache
def resources_html() -> str:
    """The resources page body (its own "# " title is left to the template)."""
    text = (DATA / "resources.md").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    return markdown_lite(body)


def resources_markdown() -> str:
    return (DATA / "resources.md").read_text(encoding="utf-8")
