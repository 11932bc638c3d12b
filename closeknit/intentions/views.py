from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required
from closeknit.intentions import selectors, services
from closeknit.intentions.forms import IntentionForm
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    found = selectors.intentions(request.couple, request.user)
    initial = {"want": found.mine.want, "willing": found.mine.willing} if found.mine else None
    form = IntentionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.write_intention(request.couple, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, f"Saved. {request.partner} can read your intentions now.")
            return redirect("intentions:index")
    editing = found.mine is None or "edit" in request.GET or bool(form.errors)
    ctx = {"form": form, "found": found, "editing": editing}
    return render(request, "intentions/index.html", ctx, status=status(form))


@couple_required
@require_POST
def confirm(request: CoupleRequest) -> HttpResponse:
    try:
        services.confirm_intention(request.couple, request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Noted: your intentions still hold.")
    return redirect("intentions:index")
