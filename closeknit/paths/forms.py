from typing import Any

from django import forms

from closeknit.paths.models import NOTE_MAX, SCALE

STEPS = [(n, str(n)) for n in range(SCALE[0], SCALE[1] + 1)]


def _step(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=STEPS, coerce=int, widget=forms.RadioSelect, required=True
    )


class ReflectionForm(forms.Form):
    """The ten-second reflection: three steps from 1 to 7, and a word if you like."""

    understood = _step("I felt understood")
    validated = _step("I felt validated")
    cared = _step("I felt cared for")
    note = forms.CharField(
        label="A word about this week (optional, sealed too)",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def values(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in ("understood", "validated", "cared")}
