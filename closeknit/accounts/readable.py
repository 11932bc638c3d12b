"""The export as a readable page: the pieces it is written with.

The page shows exactly what the JSON download holds, so the privacy rules of
the export (sealed, private, mutual-only) hold here with nothing added. The
download keeps ISO 8601 times with their offsets; here they are on the
reader's clock (the zone the request runs in, see `closeknit.accounts.zones`).

`closeknit.accounts.document` writes each practice as prose from these pieces;
what it does not know yet (a field or a whole practice added later) is shown
by `node()`, a plain tree with labels made from the keys, so nothing in the
download is ever missing from the page.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone

# What a feature is called where people can see it, when its code name differs.
SECTION_NAMES = {"checkin": "Check-in", "private": "Just us", "nudges": "Notifications"}
SHORT = 24  # characters: list items this short are written on one line, comma-separated


@dataclass
class Node:
    """One value of the export: plain text, a list of words, fields, or a list of entries."""

    label: str
    kind: str  # "value", "list", "fields" or "entries"
    text: str = ""
    children: list["Node"] = field(default_factory=list)


def title(key: str) -> str:
    return SECTION_NAMES.get(key, key.replace("_", " ").capitalize())


def is_empty(value: Any) -> bool:
    """Nothing worth a line on paper: no value, no words, a "no", an empty list."""
    return value is None or value is False or value == "" or value == [] or value == {}


def node(key: str, value: Any) -> Node:
    if isinstance(value, dict):
        return Node(title(key), "fields", children=rest(value))
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return Node(title(key), "entries", children=[node("", v) for v in value])
    if isinstance(value, list):
        words = [text(v) for v in value]
        if all(len(w) <= SHORT for w in words):  # a few numbers or tags read best on one line
            return Node(title(key), "value", text=", ".join(words))
        return Node(title(key), "list", children=[node("", v) for v in value])
    return Node(title(key), "value", text=text(value))


def rest(fields: dict[str, Any], known: tuple[str, ...] = ()) -> list[Node]:
    """The fields a writer did not turn into prose, plainly labelled; empty ones left out."""
    return [node(k, v) for k, v in fields.items() if k not in known and not is_empty(v)]


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
        return moment(value)
    except ValueError:
        return None


def sentence(words: str) -> str:
    """Words with a capital first letter and the rest left alone (unlike str.capitalize)."""
    return words[:1].upper() + words[1:]


def local(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def day(value: str | None) -> str:
    """A date, or the reader's day of a moment, in words: "Thursday 3 December 2026"."""
    if not value:
        return ""
    if len(value) == 10:
        return date.fromisoformat(value).strftime("%A %-d %B %Y")
    return local(datetime.fromisoformat(value)).strftime("%A %-d %B %Y")


def moment(value: str | None) -> str:
    """A moment on the reader's clock, with the zone's short name so a time either side of
    a clock change is still plain: "29 March 2026, 21:15 WEST"."""
    if not value:
        return ""
    return local(datetime.fromisoformat(value)).strftime("%-d %B %Y, %H:%M %Z").strip()


def day_and_time(value: str | None) -> str:
    """A moment as a small heading: "Saturday 28 March 2026, 08:00 JST"."""
    if not value:
        return ""
    return f"{local(datetime.fromisoformat(value)):%A} {moment(value)}"


@dataclass
class Line:
    """Someone's words: "You: …", "Ben passed.", or words with no one in front."""

    who: str
    text: str = ""
    note: str = ""  # after the words, quieter: "(edited)"; alone, it reads "Ben passed."
    when: str = ""
    more: list[Node] = field(default_factory=list)


@dataclass
class Entry:
    """One thing that happened, as a short block: a small heading, a bold lead, lines."""

    heading: str = ""
    lead: str = ""
    lines: list[Line] = field(default_factory=list)
    replies: list["Entry"] = field(default_factory=list)  # indented under it
    footnote: str = ""
    more: list[Node] = field(default_factory=list)


@dataclass
class People:
    """Who "mine" and "partner" are, in the words of the person reading."""

    my_name: str
    partner: str

    def who(self, mine: bool) -> str:
        return "You" if mine else self.partner

    def named(self, name: str | None) -> str:
        """A name from the export, as the reader says it: their own becomes "You"."""
        if not name:
            return ""
        return "You" if name == self.my_name else name

    def inline(self, name: str | None) -> str:
        """The same, inside a sentence: "suggested by you"."""
        named = self.named(name)
        return "you" if named == "You" else named

    def possessive(self, mine: bool) -> str:
        return "Your" if mine else f"{self.partner}'s"
