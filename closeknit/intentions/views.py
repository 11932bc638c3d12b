from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required
from closeknit.intentions import selectors, services
from closeknit.intentions.forms import IntentionForm


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    found = selectors.intentions(request.couple, request.user)
    initial = {"want": found.mine.want, "willing": found.mine.willing} if found.mine else None
    form = IntentionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.write_intention(request.couple, request.user, **form.cleaned_data)
        messages.success(request, f"Saved. {request.partner} can read your intentions now.")
        return redirect("intentions:index")
    ctx = {"form": form, "found": found, "editing": found.mine is None or "edit" in request.GET}
    if form.errors:
        ctx["editing"] = True
    return render(request, "intentions/index.html", ctx, status=400 if form.errors else 200)


@couple_required
@require_POST
def confirm(request: CoupleRequest) -> HttpResponse:
    try:
        services.confirm_intention(request.couple, request.user)
    except services.IntentionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Noted: your intentions still hold.")
    return redirect("intentions:index")
