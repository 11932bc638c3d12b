"""The paths' wording, in our own words: one TOML file per path in data/, loaded by key.

Each week names a practice (a page of the app), a prompt from the talk
library by key and a ritual or date idea from the dates app by key; the keys
are resolved when a week is shown, so the paths never copy that content.
"""

import tomllib
from pathlib import Path as FilePath
from typing import Any, NamedTuple

DATA = FilePath(__file__).resolve().parent / "data"
WEEK_FIELDS = ["title", "reading", "source", "practice", "practice_text"]


class Practice(NamedTuple):
    label: str  # the button's words
    url_name: str


# Where each week's practice happens in the app.
PRACTICES: dict[str, Practice] = {
    "daily": Practice("Open today's question", "talk:index"),
    "both_true": Practice("Start a “both true”", "talk:both_true_list"),
    "talk_time": Practice("Go to talk time", "talk:talk_time"),
    "appreciate": Practice("Send an appreciation", "appreciate:new"),
    "journal": Practice("Open my gratitude journal", "appreciate:journal"),
    "tally": Practice("Open the tally", "appreciate:tally"),
    "intentions": Practice("Write our intentions", "intentions:index"),
    "dates": Practice("Plan a date", "dates:propose"),
    "ideas": Practice("Browse date ideas", "dates:ideas"),
    "rituals": Practice("Choose a ritual", "rituals:choose"),
    "dreams": Practice("Go to dreams", "dreams:index"),
    "assessment": Practice("Open the assessment", "assessment:index"),
    "private": Practice("Open “Just us”", "private:index"),
}


def files() -> list[FilePath]:
    return sorted(DATA.glob("*.toml"))


def read(path: FilePath) -> dict[str, Any]:
    with path.open("rb") as f:
        data = tomllib.load(f)
    data["key"] = path.stem
    return data


def read_all() -> list[dict[str, Any]]:
    """Every path's data, in the order the writers chose (`position`)."""
    return sorted((read(p) for p in files()), key=lambda d: d["position"])


def load(apps: Any) -> None:
    """Create or update every path and its weeks by key; `apps` is a migration's registry
    or django.apps.apps. A week removed from a file is removed here too."""
    path_model = apps.get_model("paths", "Path")
    week_model = apps.get_model("paths", "PathWeek")
    for data in read_all():
        path, _ = path_model.objects.update_or_create(
            key=data["key"],
            defaults={
                "title": data["title"],
                "subtitle": data["subtitle"],
                "summary": data["summary"].strip(),
                "fits": list(data.get("fits", [])),
                "reconnect": bool(data.get("reconnect", False)),
                "private": bool(data.get("private", False)),
                "position": data["position"],
            },
        )
        for number, week in enumerate(data["weeks"], start=1):
            values = {name: str(week[name]).strip() for name in WEEK_FIELDS}
            values["prompt_key"] = week.get("prompt", "")
            values["idea_key"] = week.get("idea", "")
            week_model.objects.update_or_create(path=path, number=number, defaults=values)
        week_model.objects.filter(path=path, number__gt=len(data["weeks"])).delete()
