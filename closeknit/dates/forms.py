"""Forms for dates.

Datetime fields are shown and parsed on the reader's own clock (the zone each
request runs in, closeknit/accounts/zones.py).
"""

from django import forms

from closeknit.accounts.models import User
from closeknit.dates.models import MEMORY_MAX, PLACE_MAX, TITLE_MAX, Category
from closeknit.lib.forms import text_field

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


class ProposeForm(forms.Form):
    title = text_field("What", max_length=TITLE_MAX)
    place = text_field("Where", max_length=PLACE_MAX, required=False)
    starts_at = future_time_field()
    duration = forms.TypedChoiceField(label="How long", choices=DURATIONS, coerce=int, initial=120)
    planner = forms.ChoiceField(label="Who plans it", widget=forms.RadioSelect, initial="both")

    def __init__(self, *args: object, user: User, partner: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.people = {"me": user, "partner": partner, "both": None}
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
