from django import forms

from closeknit.support.models import NOTE_MAX, SUPPORT_KINDS, SUPPORT_OFFERS


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
