from django import forms

from closeknit.appreciate.models import PART_MAX
from closeknit.appreciate.services import JOURNAL_MAX
from closeknit.lib.forms import text_field


class AppreciationForm(forms.Form):
    did = text_field(
        "What you did",
        max_length=PART_MAX,
        rows=2,
        attrs={"placeholder": "You …"},
        help_text="One specific moment, written to them.",
    )
    felt = text_field(
        "How it affected me", max_length=PART_MAX, rows=2, attrs={"placeholder": "I …"}
    )
    shows = text_field(
        "What it shows about you",
        max_length=PART_MAX,
        rows=2,
        attrs={"placeholder": "It shows how … you are."},
        help_text="Praise the person, not only the act.",
    )


class JournalForm(forms.Form):
    text = text_field("Today I'm grateful for", max_length=JOURNAL_MAX, rows=3)
