"""Both true: one moment, two experiences, side by side, joined by "and"."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.coaching import feedback
from closeknit.coaching.feedback import wants_coach
from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status
from closeknit.talk import selectors, services
from closeknit.talk.forms import BothTrueForm, SideAnswerForm, SideForm, SideQuestionForm
from closeknit.talk.models import BothTrue, BothTrueQuestion


@couple_required
def both_true_list(request: CoupleRequest) -> HttpResponse:
    form = BothTrueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            both = services.start_both_true(request.couple, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            return redirect("talk:both_true", both_id=both.id)
    page = Paginator(selectors.both_trues_for(request.couple), 10).get_page(
        request.GET.get("page")
    )
    views = [selectors.both_true_view(b, request.user.pk) for b in page.object_list]
    ctx = {"form": form, "page": page, "views": views}
    return render(request, "talk/both_true_list.html", ctx, status=status(form))


def _both(request: CoupleRequest, both_id: str) -> BothTrue:
    return get_for_couple(selectors.both_trues_for(request.couple), request.couple, pk=both_id)


def _render(
    request: CoupleRequest, both: BothTrue, status: int = 200, **extra: object
) -> HttpResponse:
    view = selectors.both_true_view(both, request.user.pk)
    ctx = {
        "view": view,
        "side_form": SideForm(
            initial={"text": view.mine.text if view.mine else ""}, prefix="side"
        ),
        "question_form": SideQuestionForm(prefix="ask"),
        "answer_form": SideAnswerForm(prefix="answer"),
        **extra,
    }
    return render(request, "talk/both_true.html", ctx, status=status)


@couple_required
def both_true(request: CoupleRequest, both_id: str) -> HttpResponse:
    both = _both(request, both_id)
    if request.method != "POST":
        return _render(request, both)
    form = SideForm(request.POST, prefix="side")
    if form.is_valid():
        try:
            services.write_side(both, request.user, form.cleaned_data["text"])
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            return redirect("talk:both_true", both_id=both.id)
    return _render(request, both, status=status(form), side_form=form, editing=True)


@couple_required
@require_POST
def ask(request: CoupleRequest, both_id: str) -> HttpResponse:
    """One open question about the partner's side, read by the coach first."""
    both = _both(request, both_id)
    form = SideQuestionForm(request.POST, prefix="ask")
    theirs = selectors.both_true_view(both, request.user.pk).theirs
    coach = None
    try:
        if wants_coach(request):
            text = request.POST.get("ask-text", "")
            coach = feedback.check(request.user, text, theirs.text if theirs else None)
        elif form.is_valid():
            services.ask_about_side(both, request.user, form.cleaned_data["text"])
            return redirect("talk:both_true", both_id=both.id)
    except DomainError as exc:
        refuse(request, form, exc)
    return _render(request, both, status=status(form), question_form=form, coach=coach)


@couple_required
@require_POST
def answer_question(request: CoupleRequest, question_id: str) -> HttpResponse:
    question = get_for_couple(BothTrueQuestion, request.couple, pk=question_id)
    form = SideAnswerForm(request.POST, prefix="answer")
    if form.is_valid():
        try:
            services.answer_side_question(question, request.user, form.cleaned_data["text"])
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            return redirect("talk:both_true", both_id=question.both_true_id)
    both = _both(request, str(question.both_true_id))
    return _render(request, both, status=status(form), answer_form=form)
