"""The export as a readable page: the same `export_for()` data, as headings and lists.

The page shows exactly what the JSON download holds, so the privacy rules of
the export (sealed, private, mutual-only) hold here with nothing added. The
download keeps ISO 8601 times with their offsets; here they are on the
reader's clock (the zone the request runs in).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone

# What a feature is called where people can see it, when its code name differs.
SECTION_NAMES = {"checkin": "Check-in", "private": "Just us", "nudges": "Notifications"}
COUPLE_FACTS = ("joined_at", "left_at", "timezone")


@dataclass
class Node:
    """One value of the export: plain text, a list of words, fields, or a list of entries."""

    label: str
    kind: str  # "value", "list", "fields" or "entries"
    text: str = ""
    children: list["Node"] = field(default_factory=list)


def title(key: str) -> str:
    return SECTION_NAMES.get(key, key.replace("_", " ").capitalize())


def node(key: str, value: Any) -> Node:
    if isinstance(value, dict):
        return Node(title(key), "fields", children=[node(k, v) for k, v in value.items()])
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return Node(title(key), "entries", children=[node("", v) for v in value])
    if isinstance(value, list):
        if not value:
            return Node(title(key), "value", text="Nothing yet")
        return Node(title(key), "list", children=[node("", v) for v in value])
    return Node(title(key), "value", text=text(value))


def text(value: Any) -> str:
    """A value as a person reads it: Yes/No, dates in words, a dash for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return _date_text(value) or value
    return str(value)


def _date_text(value: str) -> str | None:
    if not (10 <= len(value) <= 32 and value[:4].isdigit() and value[4:5] == "-"):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).strftime("%-d %B %Y")
        moment = datetime.fromisoformat(value)
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%-d %B %Y, %H:%M %Z").strip()
    except ValueError:
        return None


@dataclass
class CoupleView:
    heading: str
    facts: list[Node]
    sections: list[Node]


def couple_views(data: dict[str, Any]) -> list[CoupleView]:
    """Each couple the person was part of: a heading, a few facts, one section per feature."""
    views = []
    for couple in data.get("couples", []):
        partner = " and ".join(couple.get("partner") or []) or "your partner"
        facts = [node(k, couple[k]) for k in COUPLE_FACTS if k in couple]
        sections = [node(k, v) for k, v in couple.items() if isinstance(v, dict)]
        views.append(CoupleView(f"With {partner}", facts, sections))
    return views
