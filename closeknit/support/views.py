from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status
from closeknit.support import selectors, services
from closeknit.support.forms import AnswerForm, SupportForm
from closeknit.support.models import SupportSignal


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """'I'm having a hard time': send a signal, see and answer the partner's."""
    form = SupportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.send_support(
                request.couple, request.user, request.partner, **form.cleaned_data
            )
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, f"{request.partner} will know you could use some support.")
            return redirect("support:index")
    return _page(request, form=form)


def _page(
    request: CoupleRequest,
    form: SupportForm | None = None,
    answer_form: AnswerForm | None = None,
    **extra: object,
) -> HttpResponse:
    form, answer_form = form or SupportForm(), answer_form or AnswerForm()
    signals = selectors.support_signals(request.couple)
    ctx = {"form": form, "answer_form": answer_form, "signals": signals, **extra}
    return render(request, "support/index.html", ctx, status=status(form, answer_form))


@couple_required
@require_POST
def answer(request: CoupleRequest, pk: str) -> HttpResponse:
    signal = get_for_couple(SupportSignal.objects.select_related("author"), request.couple, pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_support(signal, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, f"{request.partner} will know you're there.")
            return redirect("support:index")
    return _page(request, answer_form=form, answering=signal.id)


@couple_required
@require_POST
def close(request: CoupleRequest, pk: str) -> HttpResponse:
    signal = get_for_couple(SupportSignal, request.couple, pk=pk)
    try:
        services.close_support(signal, request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Glad to hear it. You can send another signal any time.")
    return redirect("support:index")
