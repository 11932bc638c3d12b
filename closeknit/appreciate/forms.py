from django import forms

from closeknit.appreciate.models import PART_MAX
from closeknit.appreciate.services import JOURNAL_MAX


class AppreciationForm(forms.Form):
    did = forms.CharField(
        label="What you did",
        max_length=PART_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "You …"}),
        help_text="One specific moment, written to them.",
        error_messages={"required": "Say what they did: one moment is plenty."},
    )
    felt = forms.CharField(
        label="How it affected me",
        max_length=PART_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "I …"}),
        error_messages={"required": "Say how it affected you."},
    )
    shows = forms.CharField(
        label="What it shows about you",
        max_length=PART_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "It shows how … you are."}),
        help_text="Praise the person, not only the act.",
        error_messages={"required": "Say what it shows about them."},
    )


class JournalForm(forms.Form):
    text = forms.CharField(
        label="Today I'm grateful for",
        max_length=JOURNAL_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write a line or two first."},
    )
