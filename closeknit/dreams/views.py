from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.coaching import feedback
from closeknit.coaching.feedback import wants_coach
from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.dreams import selectors, services
from closeknit.dreams.forms import (
    CelebrationForm,
    DreamEditForm,
    DreamForm,
    MilestoneForm,
    PledgeForm,
    ReachForm,
    TaskForm,
)
from closeknit.dreams.models import Dream
from closeknit.lib.confirm import confirmed
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status

PER_PAGE = 20


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """Your dreams and your partner's shared ones, each list a page at a time."""
    mine = Paginator(selectors.my_dreams(request.couple, request.user), PER_PAGE)
    theirs = Paginator(selectors.their_dreams(request.couple, request.user), PER_PAGE)
    mine_page = mine.get_page(request.GET.get("page"))
    theirs_page = theirs.get_page(request.GET.get("theirs"))
    ctx = {
        "mine": mine_page,
        "theirs": theirs_page,
        # Each list's links keep the other list on its page.
        "mine_keep": urlencode({"page": mine_page.number}),
        "theirs_keep": urlencode({"theirs": theirs_page.number}),
        "waiting": list(selectors.celebrations_waiting(request.couple, request.user)),
    }
    return render(request, "dreams/index.html", ctx)


@couple_required
def new(request: CoupleRequest) -> HttpResponse:
    form = DreamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dream = services.create_dream(request.couple, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            return redirect("dreams:detail", pk=dream.pk)
    return render(request, "dreams/form.html", {"form": form}, status=status(form))


def _own_dream(request: CoupleRequest, pk: UUID) -> Dream:
    """One of the viewer's own dreams (the partner's, even shared, are 404 here)."""
    own = selectors.visible_dreams(request.couple, request.user).filter(author=request.user)
    return get_for_couple(own, request.couple, pk=pk)


@couple_required
def edit(request: CoupleRequest, pk: UUID) -> HttpResponse:
    dream = _own_dream(request, pk)
    initial = {f: getattr(dream, f) for f in services.EDITABLE}
    form = DreamEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_dream(dream, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect("dreams:detail", pk=dream.pk)
    ctx = {"form": form, "dream": dream}
    return render(request, "dreams/form.html", ctx, status=status(form))


@couple_required
def delete(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Ask once, saying what goes and what stays; then delete."""
    dream = selectors.dream_with_everything(request.couple, request.user, pk)
    if dream.author_id != request.user.pk:
        raise Http404("Not found")
    if not confirmed(request):
        ctx = {"dream": dream, **selectors.goes_with(dream), **selectors.left_by(dream)}
        return render(request, "dreams/delete.html", ctx)
    if services.delete_dream(dream, request.user):
        messages.info(request, "The dream is deleted.")
    else:
        messages.info(
            request, f"Your words are deleted. What {request.partner} wrote on it stays."
        )
    return redirect("dreams:index")


def _detail_context(request: CoupleRequest, pk: UUID, **forms: object) -> dict[str, object]:
    dream = selectors.dream_with_everything(request.couple, request.user, pk)
    mine = dream.author_id == request.user.pk
    pledges = list(dream.pledges.all())
    my_pledge = next((p for p in pledges if p.supporter_id == request.user.pk), None)
    return {
        "dream": dream,
        "is_mine": mine,
        "pledges": pledges,
        "pledge_form": PledgeForm(initial={"message": my_pledge.message} if my_pledge else None),
        "my_pledge": my_pledge,
        "task_form": TaskForm(prefix="task"),
        "milestone_form": MilestoneForm(prefix="milestone"),
        **forms,
    }


@couple_required
def detail(request: CoupleRequest, pk: UUID) -> HttpResponse:
    return render(request, "dreams/detail.html", _detail_context(request, pk))


def _act(
    request: CoupleRequest, pk: UUID, action: Callable[[], object], done: str
) -> HttpResponse:
    """A button's action on the dream's page: its refusal shows at the top of the page."""
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if done:
            messages.success(request, done)
    return redirect("dreams:detail", pk=pk)


def _submit(
    request: CoupleRequest,
    pk: UUID,
    form: forms.Form,
    name: str,
    action: Callable[[dict[str, Any]], object],
    done: str = "",
) -> HttpResponse:
    """A form's action on the dream's page: a refusal shows on the form, as the page's status."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            if done:
                messages.success(request, done)
            return redirect("dreams:detail", pk=pk)
    ctx = _detail_context(request, pk, **{name: form})
    return render(request, "dreams/detail.html", ctx, status=status(form))


@couple_required
@require_POST
def pledge(request: CoupleRequest, pk: UUID) -> HttpResponse:
    dream = selectors.dream_for(request.couple, request.user, pk)
    return _submit(
        request,
        pk,
        PledgeForm(request.POST),
        "pledge_form",
        lambda data: services.pledge(dream, request.user, data["message"]),
        f"{dream.author} can see your pledge.",
    )


@couple_required
@require_POST
def withdraw(request: CoupleRequest, pk: UUID) -> HttpResponse:
    dream = selectors.dream_for(request.couple, request.user, pk)
    services.withdraw_pledge(dream, request.user)
    return redirect("dreams:detail", pk=pk)


@couple_required
@require_POST
def task_add(request: CoupleRequest, pk: UUID) -> HttpResponse:
    dream = selectors.dream_for(request.couple, request.user, pk)
    take = dream.author_id != request.user.pk
    return _submit(
        request,
        pk,
        TaskForm(request.POST, prefix="task"),
        "task_form",
        lambda data: services.add_task(dream, request.user, data["title"], take_on=take),
    )


def _task_action(request: CoupleRequest, pk: UUID, action: str) -> HttpResponse:
    task = selectors.task_for(request.couple, request.user, pk)
    actions: dict[str, Callable[[], None]] = {
        "take": lambda: services.take_on(task, request.user),
        "done": lambda: services.set_task_done(
            task, request.user, request.POST.get("done") == "1"
        ),
        "remove": lambda: services.remove_task(task, request.user),
    }
    response = _act(request, task.dream_id, actions[action], "")
    if request.htmx:
        ctx = _detail_context(request, task.dream_id)
        return render(request, "dreams/detail.html#tasks", ctx)
    return response


@couple_required
@require_POST
def task_take(request: CoupleRequest, pk: UUID) -> HttpResponse:
    return _task_action(request, pk, "take")


@couple_required
@require_POST
def task_done(request: CoupleRequest, pk: UUID) -> HttpResponse:
    return _task_action(request, pk, "done")


@couple_required
@require_POST
def task_remove(request: CoupleRequest, pk: UUID) -> HttpResponse:
    return _task_action(request, pk, "remove")


@couple_required
@require_POST
def milestone_add(request: CoupleRequest, pk: UUID) -> HttpResponse:
    dream = selectors.dream_for(request.couple, request.user, pk)
    return _submit(
        request,
        pk,
        MilestoneForm(request.POST, prefix="milestone"),
        "milestone_form",
        lambda data: services.add_milestone(dream, request.user, data["title"], data["target"]),
    )


@couple_required
@require_POST
def milestone_remove(request: CoupleRequest, pk: UUID) -> HttpResponse:
    milestone = selectors.milestone_for(request.couple, request.user, pk)
    return _act(
        request, milestone.dream_id, lambda: services.remove_milestone(milestone, request.user), ""
    )


@couple_required
def reach(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Mark a milestone reached, with the good news for the partner."""
    milestone = selectors.milestone_for(request.couple, request.user, pk)
    if milestone.dream.author_id != request.user.pk:
        return redirect("dreams:detail", pk=milestone.dream_id)
    form = ReachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            news = form.cleaned_data["news"]
            services.reach_milestone(milestone, request.user, request.partner, news)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            shared = milestone.dream.is_shared
            done = f"Well done! {request.partner} will hear about it." if shared else "Well done!"
            messages.success(request, done)
            return redirect("dreams:detail", pk=milestone.dream_id)
    ctx = {"milestone": milestone, "form": form}
    return render(request, "dreams/reach.html", ctx, status=status(form))


@couple_required
def celebrate(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """The partner answers a reached milestone, with the coach nudging toward
    an enthusiastic, curious (active-constructive) reply."""
    milestone = selectors.milestone_for(request.couple, request.user, pk)
    if milestone.dream.author_id == request.user.pk or not milestone.reached_at:
        return redirect("dreams:detail", pk=milestone.dream_id)
    form = CelebrationForm(request.POST or None)
    coach, news = None, selectors.good_news(milestone)
    if request.method == "POST":
        try:
            if wants_coach(request):
                text = request.POST.get("message", "")
                coach = feedback.check(request.user, text, news, field="message")
            elif form.is_valid():
                services.celebrate(milestone, request.user, form.cleaned_data["message"])
                messages.success(request, f"Sent to {milestone.dream.author}.")
                return redirect("dreams:detail", pk=milestone.dream_id)
        except DomainError as exc:
            refuse(request, form, exc)
    ctx = {"milestone": milestone, "form": form, "coach": coach, "news": news}
    return render(request, "dreams/celebrate.html", ctx, status=status(form))
