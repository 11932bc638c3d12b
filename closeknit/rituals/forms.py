from django import forms

from closeknit.lib.forms import text_field
from closeknit.rituals.models import DESCRIPTION_MAX, TITLE_MAX


class OwnRitualForm(forms.Form):
    title = text_field("Your ritual", max_length=TITLE_MAX)
    when = text_field(
        "When",
        max_length=TITLE_MAX,
        required=False,
        attrs={"placeholder": "e.g. every Friday evening"},
    )
    description = text_field("What you do", max_length=DESCRIPTION_MAX, required=False, rows=2)
