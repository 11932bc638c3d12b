from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.support import selectors, services
from closeknit.support.forms import AnswerForm, SupportForm
from closeknit.support.models import SupportSignal


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """'I'm having a hard time': send a signal, see and answer the partner's."""
    form = SupportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.send_support(
            request.couple,
            request.user,
            request.partner,
            kind=form.cleaned_data["kind"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, f"{request.partner} will know you could use some support.")
        return redirect("support:index")
    signals = selectors.support_signals(request.couple)
    ctx = {"form": form, "signals": signals, "answer_form": AnswerForm()}
    return render(request, "support/index.html", ctx, status=400 if form.errors else 200)


@couple_required
@require_POST
def answer(request: CoupleRequest, pk: str) -> HttpResponse:
    signal = get_for_couple(SupportSignal.objects.select_related("author"), request.couple, pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_support(
                signal,
                request.user,
                offer=form.cleaned_data["offer"],
                note=form.cleaned_data["note"],
            )
        except services.SupportError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"{request.partner} will know you're there.")
        return redirect("support:index")
    ctx = {
        "form": SupportForm(),
        "signals": selectors.support_signals(request.couple),
        "answer_form": form,
        "answering": signal.id,
    }
    return render(request, "support/index.html", ctx, status=400)


@couple_required
@require_POST
def close(request: CoupleRequest, pk: str) -> HttpResponse:
    signal = get_for_couple(SupportSignal, request.couple, pk=pk)
    try:
        services.close_support(signal, request.user)
    except services.SupportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Glad to hear it. You can send another signal any time.")
    return redirect("support:index")
