from django import forms

from closeknit.dreams.models import Dream
from closeknit.dreams.services import TEXT_MAX, TITLE_MAX
from closeknit.lib.forms import text_field


class DreamForm(forms.Form):
    title = text_field("Your dream or goal", max_length=TITLE_MAX)
    details = text_field("What it means to you", max_length=TEXT_MAX, required=False, rows=3)
    kind = forms.ChoiceField(
        label="Kind", choices=Dream.Kind.choices, widget=forms.RadioSelect, initial="dream"
    )
    visibility = forms.ChoiceField(
        label="Who sees it",
        choices=Dream.Visibility.choices,
        widget=forms.RadioSelect,
        initial="private",
        help_text="Private dreams are yours alone. Share one to invite your partner's support.",
    )


class DreamEditForm(DreamForm):
    status = forms.ChoiceField(label="Where it stands", choices=Dream.Status.choices)


class PledgeForm(forms.Form):
    message = text_field(
        "How I'll support you",
        max_length=TEXT_MAX,
        rows=3,
        help_text="Encouragement, time, practical help: whatever you can honestly offer.",
    )


class TaskForm(forms.Form):
    title = text_field("A task", max_length=TITLE_MAX)


class MilestoneForm(forms.Form):
    title = text_field("A milestone", max_length=TITLE_MAX)
    target = forms.DateField(
        label="Hoped for by (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ReachForm(forms.Form):
    news = text_field(
        "Tell your partner the news (optional)", max_length=TEXT_MAX, required=False, rows=3
    )


class CelebrationForm(forms.Form):
    message = text_field("Your answer", max_length=TEXT_MAX, rows=10)
