from typing import Any

from django import forms

from closeknit.assessment.content import Catalog
from closeknit.assessment.models import Response
from closeknit.assessment.steps import Step

RATING = [(n, str(n)) for n in range(1, 8)]


class StepForm(forms.Form):
    """One page of the assessment: two answers for every item on it.

    Field names are "<item key>__0" and "<item key>__1": now and as I'd like it,
    to me and from me, or my answer and my guess of my partner's.
    """

    def __init__(
        self, *args: Any, step: Step, catalog: Catalog, partner: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.step = step
        self.items = self._items(catalog)
        for item in self.items:
            for i, label in enumerate(self._labels(item, partner)):
                self.fields[f"{item.key}__{i}"] = forms.TypedChoiceField(
                    label=label,
                    choices=self._choices(item),
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": "Choose one."},
                )

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
    def initial_from(response: Response | None, step: Step) -> dict[str, int]:
        answers = getattr(response, step.section, None) or {}
        return {f"{k}__{i}": v for k, pair in answers.items() for i, v in enumerate(pair)}

    def rows(self) -> list[tuple[Any, forms.BoundField, forms.BoundField]]:
        return [(i, self[f"{i.key}__0"], self[f"{i.key}__1"]) for i in self.items]

    def answers(self) -> dict[str, list[int]]:
        data = self.cleaned_data
        return {i.key: [data[f"{i.key}__0"], data[f"{i.key}__1"]] for i in self.items}
