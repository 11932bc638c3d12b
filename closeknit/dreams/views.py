from collections.abc import Callable
from uuid import UUID

from django.contrib import messages
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
from closeknit.dreams.services import DreamError
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    mine, theirs = selectors.dreams_by_owner(request.couple, request.user)
    ctx = {
        "mine": mine,
        "theirs": theirs,
        "waiting": list(selectors.celebrations_waiting(request.couple, request.user)),
    }
    return render(request, "dreams/index.html", ctx)


@couple_required
def new(request: CoupleRequest) -> HttpResponse:
    form = DreamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dream = services.create_dream(request.couple, request.user, **form.cleaned_data)
        return redirect("dreams:detail", pk=dream.pk)
    return render(request, "dreams/form.html", {"form": form}, status=400 if form.errors else 200)


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
        services.update_dream(dream, request.user, **form.cleaned_data)
        messages.success(request, "Saved.")
        return redirect("dreams:detail", pk=dream.pk)
    ctx = {"form": form, "dream": dream}
    return render(request, "dreams/form.html", ctx, status=400 if form.errors else 200)


@couple_required
def delete(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Ask once, saying what goes and what stays; then delete."""
    dream = selectors.dream_with_everything(request.couple, request.user, pk)
    if dream.author_id != request.user.pk:
        raise Http404("Not found")
    if request.method != "POST":
        return render(request, "dreams/delete.html", {"dream": dream, **selectors.left_by(dream)})
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
    try:
        action()
    except DreamError as exc:
        messages.error(request, str(exc))
    else:
        if done:
            messages.success(request, done)
    return redirect("dreams:detail", pk=pk)


def _invalid(request: CoupleRequest, pk: UUID, **forms: object) -> HttpResponse:
    return render(request, "dreams/detail.html", _detail_context(request, pk, **forms), status=400)


@couple_required
@require_POST
def pledge(request: CoupleRequest, pk: UUID) -> HttpResponse:
    dream = selectors.dream_for(request.couple, request.user, pk)
    form = PledgeForm(request.POST)
    if not form.is_valid():
        return _invalid(request, pk, pledge_form=form)
    message = form.cleaned_data["message"]
    return _act(
        request,
        pk,
        lambda: services.pledge(dream, request.user, message),
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
    form = TaskForm(request.POST, prefix="task")
    if not form.is_valid():
        return _invalid(request, pk, task_form=form)
    title, take = form.cleaned_data["title"], dream.author_id != request.user.pk
    return _act(
        request, pk, lambda: services.add_task(dream, request.user, title, take_on=take), ""
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
    form = MilestoneForm(request.POST, prefix="milestone")
    if not form.is_valid():
        return _invalid(request, pk, milestone_form=form)
    data = form.cleaned_data
    return _act(
        request,
        pk,
        lambda: services.add_milestone(dream, request.user, data["title"], data["target"]),
        "",
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
    form = ReachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        news = form.cleaned_data["news"]
        shared = milestone.dream.is_shared
        done = f"Well done! {request.partner} will hear about it." if shared else "Well done!"
        return _act(
            request,
            milestone.dream_id,
            lambda: services.reach_milestone(milestone, request.user, request.partner, news),
            done,
        )
    if milestone.dream.author_id != request.user.pk:
        return redirect("dreams:detail", pk=milestone.dream_id)
    return render(request, "dreams/reach.html", {"milestone": milestone, "form": form})


@couple_required
def celebrate(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """The partner answers a reached milestone, with the coach nudging toward
    an enthusiastic, curious (active-constructive) reply."""
    milestone = selectors.milestone_for(request.couple, request.user, pk)
    if milestone.dream.author_id == request.user.pk or not milestone.reached_at:
        return redirect("dreams:detail", pk=milestone.dream_id)
    form = CelebrationForm(request.POST or None)
    coach = None
    if request.method == "POST":
        if wants_coach(request):
            text, news = request.POST.get("message", ""), selectors.good_news(milestone)
            try:
                coach = feedback.read(request.user, text, news, field="message")
            except DomainError as exc:
                refuse(request, form, exc)
        elif form.is_valid():
            message = form.cleaned_data["message"]
            return _act(
                request,
                milestone.dream_id,
                lambda: services.celebrate(milestone, request.user, message),
                f"Sent to {milestone.dream.author}.",
            )
    ctx = {
        "milestone": milestone,
        "form": form,
        "coach": coach,
        "news": selectors.good_news(milestone),
    }
    return render(request, "dreams/celebrate.html", ctx, status=status(form))
