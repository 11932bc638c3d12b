from django import forms

from closeknit.fun.models import JOKE_MAX, TITLE_MAX, Show
from closeknit.lib.forms import text_field


class ShowForm(forms.Form):
    title = text_field("Show or film", max_length=TITLE_MAX)
    status = forms.ChoiceField(label="Where you are", choices=Show.Status.choices)


class JokeForm(forms.Form):
    text = text_field("A line only the two of you get", max_length=JOKE_MAX, rows=2)
