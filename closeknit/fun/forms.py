from django import forms

from closeknit.fun.models import Show


class ShowForm(forms.Form):
    title = forms.CharField(label="Show or film", max_length=200)
    status = forms.ChoiceField(label="Where you are", choices=Show.Status.choices)


class JokeForm(forms.Form):
    text = forms.CharField(
        label="A line only the two of you get",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
