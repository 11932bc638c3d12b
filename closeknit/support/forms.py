from django import forms

from closeknit.lib.forms import text_field
from closeknit.support.models import NOTE_MAX, SUPPORT_KINDS, SUPPORT_OFFERS


class SupportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What would help most right now?",
        choices=SUPPORT_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of support that would help."},
    )
    note = text_field(
        "Anything else you'd like to say? (optional)", max_length=NOTE_MAX, required=False, rows=2
    )


class AnswerForm(forms.Form):
    offer = forms.ChoiceField(
        label="What you'll do",
        choices=SUPPORT_OFFERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you will do."},
    )
    note = text_field("A few words (optional)", max_length=NOTE_MAX, required=False, rows=2)
