from typing import Any

from django import forms

from closeknit.checkin.models import MOODS, NEEDS, NOTE_MAX, Item
from closeknit.lib.forms import text_field

STEP_CHOICES = [(n, str(n)) for n in range(1, 8)]


class CheckinForm(forms.Form):
    """The one-minute check-in: closeness, the satisfaction items, mood, needs, a note."""

    closeness = forms.TypedChoiceField(
        label="How close do you feel to your partner this week?",
        choices=STEP_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Pick the circles that feel most like this week."},
    )
    mood = forms.TypedChoiceField(
        label="My mood",
        choices=MOODS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Pick the word closest to your mood."},
    )
    needs = forms.MultipleChoiceField(
        label="What I need this week",
        choices=NEEDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = text_field(
        "Anything you'd like your partner to know? (optional)",
        max_length=NOTE_MAX,
        required=False,
        rows=2,
    )

    def __init__(self, *args: Any, items: list[Item], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.key}"] = forms.TypedChoiceField(
                label=item.text,
                choices=STEP_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Pick a number from 1 to 7."},
            )

    def item_fields(self) -> list[tuple[Item, forms.BoundField]]:
        return [(item, self[f"item_{item.key}"]) for item in self.items]

    def scores(self) -> dict[str, int]:
        return {item.key: self.cleaned_data[f"item_{item.key}"] for item in self.items}

    @staticmethod
    def initial_from(checkin: Any) -> dict[str, Any]:
        initial = {
            "closeness": checkin.closeness,
            "mood": checkin.mood,
            "needs": checkin.needs,
            "note": checkin.note,
        }
        initial.update({f"item_{k}": v for k, v in checkin.scores.items()})
        return initial
