"""Forms for dates.

Datetime fields are shown and parsed on the reader's own clock (the zone each
request runs in, closeknit/accounts/zones.py).
"""

from django import forms
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.dates.models import Category

LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DURATIONS = [
    (60, "About an hour"),
    (120, "Two hours"),
    (180, "Three hours"),
    (300, "An afternoon or evening"),
    (600, "Most of the day"),
]


def future_time_field(label: str = "When") -> forms.DateTimeField:
    return forms.DateTimeField(label=label, widget=LOCAL_INPUT, input_formats=["%Y-%m-%dT%H:%M"])


def _check_ahead(value: object) -> None:
    if value is not None and value <= timezone.now():  # type: ignore[operator]
        raise forms.ValidationError("Choose a time that is still ahead.")


class ProposeForm(forms.Form):
    title = forms.CharField(label="What", max_length=120)
    place = forms.CharField(label="Where", max_length=200, required=False)
    starts_at = future_time_field()
    duration = forms.TypedChoiceField(label="How long", choices=DURATIONS, coerce=int, initial=120)
    planner = forms.ChoiceField(label="Who plans it", widget=forms.RadioSelect, initial="both")

    def __init__(self, *args: object, user: User, partner: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.people = {"me": user, "partner": partner, "both": None}
        planner = self.fields["planner"]
        assert isinstance(planner, forms.ChoiceField)
        planner.choices = [("me", "Me"), ("partner", str(partner)), ("both", "Both of us")]

    def clean_starts_at(self) -> object:
        value = self.cleaned_data["starts_at"]
        _check_ahead(value)
        return value

    def planner_user(self) -> User | None:
        return self.people[self.cleaned_data["planner"]]


class SuggestTimeForm(forms.Form):
    starts_at = future_time_field("Another time")

    def clean_starts_at(self) -> object:
        value = self.cleaned_data["starts_at"]
        _check_ahead(value)
        return value


class RatingForm(forms.Form):
    stars = forms.TypedChoiceField(
        label="How was it for you?",
        choices=[(n, f"{n} of 5") for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    memory = forms.CharField(
        label="A memory to keep",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you'd like to remember. Your partner sees it once they've rated too.",
    )


class IdeaFilterForm(forms.Form):
    category = forms.ChoiceField(
        label="Kind of date", choices=[("", "Any kind"), *Category.choices], required=False
    )
