from typing import Any

from django import forms

from closeknit.assessment.content import Catalog
from closeknit.assessment.models import Response
from closeknit.assessment.steps import Step

RATING = [(n, str(n)) for n in range(1, 8)]
SKIP = "skip"  # the suffix of an item's "Prefer not to say" box


class StepForm(forms.Form):
    """One page of the assessment: two answers for every item on it.

    Field names are "<item key>__0" and "<item key>__1": now and as I'd like it,
    to me and from me, or my answer and my guess of my partner's. A sensitive
    item also has "<item key>__skip", "Prefer not to say": when it is ticked the
    item needs no rating and is kept as skipped (None), whatever was chosen.
    """

    def __init__(
        self, *args: Any, step: Step, catalog: Catalog, partner: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.step = step
        self.items = self._items(catalog)
        for item in self.items:
            skippable = self._skippable(item)
            for i, label in enumerate(self._labels(item, partner)):
                self.fields[f"{item.key}__{i}"] = forms.TypedChoiceField(
                    label=label,
                    choices=self._choices(item),
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=not skippable,
                    error_messages={"required": "Choose one."},
                )
            if skippable:
                self.fields[f"{item.key}__{SKIP}"] = forms.BooleanField(
                    label="Prefer not to say", required=False
                )

    def _skippable(self, item: Any) -> bool:
        return self.step.section == "intimacy" and bool(getattr(item, "sensitive", False))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for item in self.items:
            if not self._skippable(item) or data.get(f"{item.key}__{SKIP}"):
                continue
            for i in range(2):
                if data.get(f"{item.key}__{i}") in (None, ""):
                    self.add_error(f"{item.key}__{i}", "Choose one, or prefer not to say.")
        return data

    def _items(self, catalog: Catalog) -> list[Any]:
        keys = set(self.step.keys(catalog))
        source = getattr(catalog, self.step.section)
        return [i for i in source if i.key in keys]

    def _labels(self, item: Any, partner: str) -> tuple[str, str]:
        if self.step.section == "intimacy":
            return ("As it is now", "As I'd like it")
        if self.step.section == "responsiveness":
            return (item.to_me, item.from_me)
        return (item.about_me, item.about_partner.replace("your partner", partner))

    def _choices(self, item: Any) -> list[tuple[int, str]]:
        if self.step.section == "lovemap":
            return list(enumerate(item.options))
        return RATING

    @staticmethod
    def initial_from(response: Response | None, step: Step) -> dict[str, int | bool]:
        answers = getattr(response, step.section, None) or {}
        initial: dict[str, int | bool] = {}
        for key, pair in answers.items():
            if pair is None:
                initial[f"{key}__{SKIP}"] = True
            else:
                initial.update({f"{key}__{i}": v for i, v in enumerate(pair)})
        return initial

    def rows(self) -> list[tuple[Any, forms.BoundField, forms.BoundField, Any]]:
        """(item, first rating, second rating, its "Prefer not to say" box or None)."""
        return [
            (
                i,
                self[f"{i.key}__0"],
                self[f"{i.key}__1"],
                self[f"{i.key}__{SKIP}"] if self._skippable(i) else None,
            )
            for i in self.items
        ]

    def answers(self) -> dict[str, list[int] | None]:
        data = self.cleaned_data
        return {
            i.key: None
            if data.get(f"{i.key}__{SKIP}")
            else [data[f"{i.key}__0"], data[f"{i.key}__1"]]
            for i in self.items
        }
