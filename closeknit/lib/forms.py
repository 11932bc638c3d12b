"""Forms that parse while the services decide.

A form turns what the browser sent into values (a number, a date, one of the
choices); the product's rules on those values (text not empty and not too
long, ranges, times) are the services' (closeknit.lib.rules), so the page and
the API refuse the same input with the same words. A view calls the service
and, on a refusal, puts its message on the form once:

    try:
        services.write_intention(couple, user, **form.cleaned_data)
    except DomainError as exc:
        refuse(request, form, exc)
    ...
    return render(request, template, ctx, status=status(form))

The page answers like the API: 422 for input the form or the service refused,
the kind's own status (409, 403, 429) for the other refusals.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from closeknit.lib.errors import DomainError, Invalid

REFUSAL = "_refusal"  # where a form keeps the refusal it was given


def refuse(request: HttpRequest, form: forms.BaseForm, exc: DomainError) -> None:
    """Show a service's refusal with the form that was sent.

    A refusal about a field shows under it; one about the request as a whole
    (a conflict, someone else's to do, a rate limit) shows at the top of the
    page, where a form hidden in this state would not.
    """
    if exc.field in form.fields:
        form.add_error(exc.field, exc.message)
    else:
        messages.error(request, exc.message)
    setattr(form, REFUSAL, exc)


def status(*forms_: forms.BaseForm) -> int:
    """The page's status: 200, or the status of the first refusal among `forms_`."""
    for form in forms_:
        refusal = getattr(form, REFUSAL, None)
        if refusal is not None:
            return int(refusal.status)
        if form.is_bound and form.errors:
            return Invalid.status
    return 200


def text_field(
    label: str,
    *,
    max_length: int,
    required: bool = True,
    rows: int = 0,
    attrs: dict[str, Any] | None = None,
    **kwargs: Any,
) -> forms.CharField:
    """A text box whose rules (closeknit.lib.rules.text) the service applies.

    The browser still gets `required` and `maxlength` as hints; the server
    takes whatever arrives and lets the service say what is wrong with it.
    """
    attrs = {
        "maxlength": str(max_length),
        **({"required": True} if required else {}),
        **(attrs or {}),
    }
    widget = forms.Textarea(attrs={"rows": rows, **attrs}) if rows else forms.TextInput(attrs)
    return forms.CharField(label=label, required=False, widget=widget, **kwargs)
