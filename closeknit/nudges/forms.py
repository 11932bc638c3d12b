from typing import Any

from django import forms

from closeknit.nudges.kinds import KINDS

CHANNEL_CHOICES = [("email", "E-mail"), ("push", "Push")]


def kind_groups() -> dict[str, list[str]]:
    """Kinds grouped by their label, so the form shows one row per topic."""
    groups: dict[str, list[str]] = {}
    for kind, spec in KINDS.items():
        groups.setdefault(spec.label, []).append(kind)
    return groups


class NudgeSettingsForm(forms.Form):
    quiet_start = forms.TimeField(
        label="Quiet from",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    quiet_end = forms.TimeField(
        label="until",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    daily_digest = forms.BooleanField(
        label="One e-mail a day instead of one per event", required=False
    )
    digest_hour = forms.TypedChoiceField(
        label="Send the daily e-mail at",
        coerce=int,
        choices=[(h, f"{h:02d}:00") for h in range(24)],
    )

    def __init__(self, *args: Any, channels: dict[str, list[str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for label, kinds in kind_groups().items():
            current = channels.get(kinds[0], ["email", "push"])
            self.fields[self.field_name(label)] = forms.MultipleChoiceField(
                label=label,
                choices=CHANNEL_CHOICES,
                required=False,
                initial=current,
                widget=forms.CheckboxSelectMultiple,
            )

    @staticmethod
    def field_name(label: str) -> str:
        return "kind_" + "".join(ch if ch.isalnum() else "_" for ch in label.lower())

    def kind_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("kind_")]

    def channels(self) -> dict[str, list[str]]:
        chosen = {}
        for label, kinds in kind_groups().items():
            for kind in kinds:
                chosen[kind] = list(self.cleaned_data[self.field_name(label)])
        return chosen
