from django import forms


class OwnRitualForm(forms.Form):
    title = forms.CharField(label="Your ritual", max_length=120)
    when = forms.CharField(
        label="When",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. every Friday evening"}),
    )
    description = forms.CharField(
        label="What you do", required=False, max_length=1000, widget=forms.Textarea({"rows": 2})
    )
