"""The assessment's wording, in our own words, from data/*.csv, loaded by key."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from closeknit.assessment import models
from closeknit.assessment.models import KINDS, TOPICS
from closeknit.lib.content import read_rows

DATA = Path(__file__).parent / "data"


def read(name: str) -> list[dict[str, str]]:
    return read_rows(DATA / name)


def _upsert(model: Any, key: str, values: dict[str, Any]) -> None:
    model.objects.update_or_create(key=key, defaults=values)


def load_all(intimacy: Any, responsiveness: Any, lovemap: Any, suggestion: Any) -> None:
    """Create or update every item by key (a migration passes its historical models)."""
    # An early migration's model has no `sensitive` yet; a later one sets it.
    marks = any(f.name == "sensitive" for f in intimacy._meta.get_fields())
    for i, row in enumerate(read("intimacy_items.csv")):
        values = {"kind": row["kind"], "text": row["text"], "position": i}
        if marks:
            values["sensitive"] = row["sensitive"] == "yes"
        _upsert(intimacy, row["key"], values)
    for i, row in enumerate(read("responsiveness_items.csv")):
        values = {"to_me": row["to_me"], "from_me": row["from_me"], "position": i}
        _upsert(responsiveness, row["key"], values)
    for i, row in enumerate(read("lovemap_quiz.csv")):
        values = {
            "topic": row["topic"],
            "about_me": row["about_me"],
            "about_partner": row["about_partner"],
            "options": row["options"].split("|"),
            "position": i,
        }
        _upsert(lovemap, row["key"], values)
    for row in read("suggestions.csv"):
        values = {"kind": row["kind"], "type": row["type"], "text": row["text"]}
        _upsert(suggestion, f"{row['kind']}-{row['type']}", values)


def load(apps: Any) -> None:
    """Load or update every item; `apps` is a migration's registry or django.apps.apps."""
    load_all(
        apps.get_model("assessment", "IntimacyItem"),
        apps.get_model("assessment", "ResponsivenessItem"),
        apps.get_model("assessment", "LovemapQuestion"),
        apps.get_model("assessment", "Suggestion"),
    )


@dataclass
class Catalog:
    """Every item of the assessment, read once per request (four small queries)."""

    intimacy: list[Any]
    responsiveness: list[Any]
    lovemap: list[Any]
    suggestions: list[Any] = field(default_factory=list)

    @property
    def kinds(self) -> dict[str, list[str]]:
        """{kind: [item keys]} in the order of the kinds."""
        out: dict[str, list[str]] = {k: [] for k, _ in KINDS}
        for item in self.intimacy:
            out[item.kind].append(item.key)
        return out

    @property
    def sensitive(self) -> set[str]:
        """The items that may be skipped with "Prefer not to say"."""
        return {item.key for item in self.intimacy if item.sensitive}

    @property
    def topics(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {t: [] for t, _ in TOPICS}
        for q in self.lovemap:
            out[q.topic].append(q.key)
        return out


def catalog(with_suggestions: bool = False) -> Catalog:
    return Catalog(
        intimacy=list(models.IntimacyItem.objects.all()),
        responsiveness=list(models.ResponsivenessItem.objects.all()),
        lovemap=list(models.LovemapQuestion.objects.all()),
        suggestions=list(models.Suggestion.objects.all()) if with_suggestions else [],
    )
