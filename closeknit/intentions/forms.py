from django import forms

from closeknit.intentions.models import INTENTION_MAX
from closeknit.lib.forms import text_field


class IntentionForm(forms.Form):
    want = text_field(
        "What I want from this",
        max_length=INTENTION_MAX,
        rows=3,
        help_text="From Closeknit, from our time together, from us.",
    )
    willing = text_field(
        "What I'm willing to do",
        max_length=INTENTION_MAX,
        rows=3,
        help_text="Something you can actually do, week to week.",
    )
