from django import forms
from django.http import HttpRequest

from closeknit.accounts.models import User, timezone_choices


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        label="Your name", max_length=60, help_text="What your partner will see."
    )
    timezone = forms.ChoiceField(
        label="Your time zone",
        choices=timezone_choices,
        initial="UTC",
        widget=forms.Select(attrs={"data-guess-timezone": ""}),
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.timezone = self.cleaned_data["timezone"]
        user.save(update_fields=["display_name", "timezone"])


class ProfileForm(forms.ModelForm[User]):
    timezone = forms.ChoiceField(label="Time zone", choices=timezone_choices)

    class Meta:
        model = User
        fields = ["display_name", "timezone"]


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label="Type DELETE to confirm",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirm(self) -> str:
        value: str = self.cleaned_data["confirm"]
        if value.strip().upper() != "DELETE":
            raise forms.ValidationError("Type DELETE in capitals to confirm.")
        return value


class TokenForm(forms.Form):
    name = forms.CharField(label="Name", max_length=60, help_text="e.g. “My phone”.")
