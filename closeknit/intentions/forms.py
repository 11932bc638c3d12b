from django import forms

from closeknit.intentions.models import INTENTION_MAX


class IntentionForm(forms.Form):
    want = forms.CharField(
        label="What I want from this",
        max_length=INTENTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="From Closeknit, from our time together, from us.",
        error_messages={"required": "Write what you want from this, even in a few words."},
    )
    willing = forms.CharField(
        label="What I'm willing to do",
        max_length=INTENTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Something you can actually do, week to week.",
        error_messages={"required": "Write what you're willing to do, even in a few words."},
    )
