from django import forms

from closeknit.dreams.models import Dream

TEXT = 4000


class DreamForm(forms.Form):
    title = forms.CharField(label="Your dream or goal", max_length=300)
    details = forms.CharField(
        label="What it means to you",
        required=False,
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    kind = forms.ChoiceField(
        label="Kind", choices=Dream.Kind.choices, widget=forms.RadioSelect, initial="dream"
    )
    visibility = forms.ChoiceField(
        label="Who sees it",
        choices=Dream.Visibility.choices,
        widget=forms.RadioSelect,
        initial="private",
        help_text="Private dreams are yours alone. Share one to invite your partner's support.",
    )


class DreamEditForm(DreamForm):
    status = forms.ChoiceField(label="Where it stands", choices=Dream.Status.choices)


class PledgeForm(forms.Form):
    message = forms.CharField(
        label="How I'll support you",
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Encouragement, time, practical help: whatever you can honestly offer.",
    )


class TaskForm(forms.Form):
    title = forms.CharField(label="A task", max_length=300)


class MilestoneForm(forms.Form):
    title = forms.CharField(label="A milestone", max_length=300)
    target = forms.DateField(
        label="Hoped for by (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ReachForm(forms.Form):
    news = forms.CharField(
        label="Tell your partner the news (optional)",
        required=False,
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CelebrationForm(forms.Form):
    message = forms.CharField(label="Your answer", max_length=TEXT, widget=forms.Textarea)
