from django import forms

from closeknit.accounts.models import timezone_choices
from closeknit.couples.models import Couple


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Your partner's code",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "placeholder": "ABCD-2345",
            }
        ),
    )


class CoupleForm(forms.ModelForm[Couple]):
    timezone = forms.ChoiceField(
        label="Our shared time zone",
        choices=timezone_choices,
        help_text="The clock of what you do as a pair week by week: a path's weeks and the "
        "assessment's rounds. Each of you sees times and gets reminders on your own clock, "
        "set in Settings.",
    )

    class Meta:
        model = Couple
        fields = ["timezone"]


class UnpairForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that our shared space ends for both of us.", required=True
    )
