from typing import Any

from django import forms

from closeknit.checkin.models import MOODS, NEEDS, NOTE_MAX, SUPPORT_KINDS, SUPPORT_OFFERS, Item

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
    note = forms.CharField(
        label="Anything you'd like your partner to know? (optional)",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
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


class SupportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What would help most right now?",
        choices=SUPPORT_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of support that would help."},
    )
    note = forms.CharField(
        label="Anything else you'd like to say? (optional)",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnswerForm(forms.Form):
    offer = forms.ChoiceField(
        label="What you'll do",
        choices=SUPPORT_OFFERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you will do."},
    )
    note = forms.CharField(
        label="A few words (optional)",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class IntentionForm(forms.Form):
    want = forms.CharField(
        label="What I want from this",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="From Closeknit, from our time together, from us.",
        error_messages={"required": "Write what you want from this, even in a few words."},
    )
    willing = forms.CharField(
        label="What I'm willing to do",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Something you can actually do, week to week.",
        error_messages={"required": "Write what you're willing to do, even in a few words."},
    )
