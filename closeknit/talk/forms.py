"""Talk's forms parse; the services apply the rules (closeknit.lib.forms)."""

from typing import Any, cast

from django import forms

from closeknit.lib.forms import text_field
from closeknit.talk.models import (
    DEPTHS,
    KINDS,
    MAX_TEXT,
    PROMPT_MAX,
    SESSION_KINDS,
    TITLE_MAX,
    TOPIC_KINDS,
    TalkSettings,
    TalkTime,
)


def long_text(label: str, required: bool = True, rows: int = 4) -> forms.CharField:
    return text_field(label, max_length=MAX_TEXT, required=required, rows=rows)


class AnswerForm(forms.Form):
    text = long_text("Your answer")


class ReplyForm(forms.Form):
    text = long_text("Your reply", rows=3)
    keep_feedback = forms.BooleanField(
        label="Keep the coach's notes on this reply, for me only", required=False
    )


class PromptForm(forms.Form):
    text = text_field("Your question", max_length=PROMPT_MAX)
    kind = forms.ChoiceField(label="Kind", choices=KINDS)
    depth = forms.ChoiceField(label="Depth", choices=DEPTHS, initial="medium")


class DepthForm(forms.ModelForm[TalkSettings]):
    class Meta:
        model = TalkSettings
        fields = ["depth"]
        widgets = {"depth": forms.RadioSelect}


class BothTrueForm(forms.Form):
    title = text_field(
        "Which moment?",
        max_length=TITLE_MAX,
        help_text="A shared event you each remember your own way, e.g. “Sunday at your sister's”.",
    )
    text = long_text("How it was for me (you can write this later)", required=False)


class SideForm(forms.Form):
    text = long_text("How it was for me")


class SideQuestionForm(forms.Form):
    text = long_text("One open question about their side", rows=2)


class SideAnswerForm(forms.Form):
    text = long_text("Your answer", rows=3)


class TalkTimeForm(forms.ModelForm[TalkTime]):
    class Meta:
        model = TalkTime
        fields = ["weekday", "time", "minutes"]
        widgets = {"time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label="What kind of talk?", choices=SESSION_KINDS)
    topic_kind = forms.ChoiceField(
        label="Topic", choices=[*TOPIC_KINDS, ("own", "Our own topic")], initial="feelings"
    )
    topic = text_field(
        "Your topic (optional)",
        max_length=PROMPT_MAX,
        required=False,
        help_text="Leave empty and we'll suggest a question of the kind you chose.",
    )
    first_speaker = forms.ChoiceField(label="Who speaks first?", choices=[])
    listen_minutes = forms.IntegerField(
        label="Minutes for each turn (optional)",
        required=False,
        min_value=1,
        max_value=30,
        help_text="Leave empty for 3 minutes of listening in turns, or 15 for the "
        "stress-reducing talk. Escalating questions take the time they take.",
        error_messages={
            "invalid": "Give the minutes as a whole number, 1 to 30.",
            "min_value": "Each turn is 1 to 30 minutes.",
            "max_value": "Each turn is 1 to 30 minutes.",
        },
        widget=forms.NumberInput(attrs={"min": 1, "max": 30, "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["first_speaker"]).choices = people


def rating_choice(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 8)],
        widget=forms.RadioSelect,
    )


class RatingForm(forms.Form):
    """One person's three ratings (the page shows one per partner, with a prefix)."""

    understood = rating_choice("I felt understood")
    validated = rating_choice("I felt validated")
    cared = rating_choice("I felt cared for")
