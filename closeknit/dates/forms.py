"""Forms for dates.

Datetime fields are shown and parsed on the reader's own clock (the zone each
request runs in, closeknit/accounts/zones.py).
"""

from typing import Any

from django import forms

from closeknit.accounts.models import User
from closeknit.dates.models import MEMORY_MAX, NOTES_MAX, PLACE_MAX, TITLE_MAX, Category
from closeknit.lib.forms import text_field

LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DURATIONS = [
    (60, "About an hour"),
    (120, "Two hours"),
    (180, "Three hours"),
    (300, "An afternoon or evening"),
    (600, "Most of the day"),
]


def length(minutes: int) -> str:
    """How long a date lasts, in words.

    >>> length(120), length(90), length(45)
    ('Two hours', '1 h 30 min', '45 min')
    """
    if minutes in dict(DURATIONS):
        return dict(DURATIONS)[minutes]
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if hours and rest else f"{hours} h" if hours else f"{rest} min"


def duration_choices(minutes: object = None) -> list[tuple[int, str]]:
    """The usual lengths, and `minutes` too when it is another whole number (an idea's own)."""
    try:
        extra = int(str(minutes))
    except ValueError:
        return DURATIONS
    if extra in dict(DURATIONS) or extra <= 0:
        return DURATIONS
    return sorted([*DURATIONS, (extra, length(extra))])


def future_time_field(label: str = "When") -> forms.DateTimeField:
    return forms.DateTimeField(label=label, widget=LOCAL_INPUT, input_formats=["%Y-%m-%dT%H:%M"])


class ProposeForm(forms.Form):
    title = text_field("What", max_length=TITLE_MAX)
    place = text_field("Where", max_length=PLACE_MAX, required=False)
    notes = text_field("Notes", max_length=NOTES_MAX, required=False, rows=3)
    starts_at = future_time_field()
    duration = forms.TypedChoiceField(label="How long", choices=DURATIONS, coerce=int, initial=120)
    planner = forms.ChoiceField(label="Who plans it", widget=forms.RadioSelect, initial="both")

    def __init__(self, *args: Any, user: User, partner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {"me": user, "partner": partner, "both": None}
        duration = self.fields["duration"]
        assert isinstance(duration, forms.ChoiceField)
        # An idea may last a time of its own; it is offered along with the usual ones.
        chosen = self.data.get("duration") if self.is_bound else self.initial.get("duration")
        duration.choices = duration_choices(chosen)
        planner = self.fields["planner"]
        assert isinstance(planner, forms.ChoiceField)
        planner.choices = [("me", "Me"), ("partner", str(partner)), ("both", "Both of us")]

    def planner_user(self) -> User | None:
        return self.people[self.cleaned_data["planner"]]


class SuggestTimeForm(forms.Form):
    starts_at = future_time_field("Another time")


class RatingForm(forms.Form):
    stars = forms.TypedChoiceField(
        label="How was it for you?",
        choices=[(n, f"{n} of 5") for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    memory = text_field(
        "A memory to keep",
        max_length=MEMORY_MAX,
        required=False,
        rows=3,
        help_text="What you'd like to remember. Your partner sees it once they've rated too.",
    )


class IdeaFilterForm(forms.Form):
    category = forms.ChoiceField(
        label="Kind of date", choices=[("", "Any kind"), *Category.choices], required=False
    )
    show = forms.ChoiceField(
        label="Which ideas",
        choices=[("", "All ideas"), ("ours", "Ours"), ("saved", "Saved for us")],
        required=False,
    )


class IdeaForm(forms.Form):
    """An idea of the couple's own: everything "Plan this" carries into a new date."""

    title = text_field("The idea", max_length=TITLE_MAX)
    # Parsed as text: the service says what a kind of date may be.
    category = forms.CharField(
        label="Kind of date",
        required=False,
        widget=forms.Select(choices=[("", "Choose one"), *Category.choices]),
    )
    description = text_field(
        "What it involves",
        max_length=NOTES_MAX,
        required=False,
        rows=3,
        help_text="A few words to remember it by; they become the date's notes.",
    )
    place = text_field("Where", max_length=PLACE_MAX, required=False)
    duration = forms.TypedChoiceField(
        label="How long",
        choices=[("", "Not sure yet"), *DURATIONS],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        duration = self.fields["duration"]
        assert isinstance(duration, forms.ChoiceField)
        chosen = self.data.get("duration") if self.is_bound else self.initial.get("duration")
        duration.choices = [("", "Not sure yet"), *duration_choices(chosen)]
