"""Paths: choose one together, go through its weeks, reflect, and look back.

Every page reads through closeknit.paths.selectors (the sealed rule for
reflections, the private path only while "Just us" is open for both) and
writes through closeknit.paths.services; a refusal is shown in its own words.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.lib.errors import DomainError, NotFound
from closeknit.paths import offers, selectors, services
from closeknit.paths.forms import ReflectionForm
from closeknit.paths.models import Path, PathRun, RunWeek

PAGE_SIZE = 10


def _run(request: CoupleRequest, run_id: Any) -> PathRun:
    return get_for_couple(selectors.runs_for(request.couple), request.couple, pk=run_id)


def _week(request: CoupleRequest, week_id: Any) -> RunWeek:
    qs = RunWeek.objects.select_related("run__path", "run__couple")
    week = get_for_couple(qs, request.couple, pk=week_id)
    if selectors.is_hidden(week.run):
        raise Http404("Not found")
    return week


def _path(request: CoupleRequest, key: str) -> Path:
    try:
        return selectors.path_for(request.couple, key)
    except NotFound as exc:
        raise Http404("Not found") from exc


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """Where you are, what you could choose, and what you've done before."""
    current = selectors.open_run(request.couple)
    ctx = {
        "current": selectors.run_view(current, request.user) if current else None,
        "offer": offers.after_dip(request.couple, request.user),
        "paths": selectors.catalogue(request.couple),
        "past": list(selectors.history(request.couple)[:3]) if not current else [],
        "has_past": selectors.past_runs(request.couple).exists(),
    }
    return render(request, "paths/index.html", ctx)


@couple_required
def detail(request: CoupleRequest, key: str) -> HttpResponse:
    path = _path(request, key)
    current = selectors.open_run(request.couple)
    detail = selectors.path_detail(path)
    ctx = {
        "path": detail.path,
        "weeks": detail.weeks,
        "current": selectors.run_view(current, request.user) if current else None,
    }
    return render(request, "paths/detail.html", ctx)


@couple_required
@require_POST
def propose(request: CoupleRequest, key: str) -> HttpResponse:
    path = _path(request, key)
    try:
        run = services.propose(request.couple, request.user, request.partner, path)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("paths:detail", key=path.key)
    messages.success(request, f"Suggested. It starts when {request.partner} says yes.")
    return redirect("paths:run", run_id=run.pk)


@couple_required
def run(request: CoupleRequest, run_id: Any) -> HttpResponse:
    found = _run(request, run_id)
    view = selectors.run_view(found, request.user)
    if view.hidden:
        return render(request, "paths/resting.html", {"view": view})
    if not view.is_open:
        return render(request, "paths/finished.html", {"view": view})
    ctx = {"view": view, "week": view.current, "form": ReflectionForm(prefix="r")}
    return render(request, "paths/run.html", ctx)


@couple_required
def week(request: CoupleRequest, week_id: Any) -> HttpResponse:
    """One week of a path, to read again or to reflect on later."""
    found = _week(request, week_id)
    view = selectors.run_view(found.run, request.user)
    ctx = {"view": view, "week": view.week(found.pk), "form": ReflectionForm(prefix="r")}
    return render(request, "paths/week.html", ctx)


@couple_required
@require_POST
def reflect(request: CoupleRequest, week_id: Any) -> HttpResponse:
    found = _week(request, week_id)
    form = ReflectionForm(request.POST, prefix="r")
    status = 200
    if form.is_valid():
        values, note = form.values(), form.cleaned_data["note"]
        try:
            services.reflect(found, request.user, request.partner, values, note)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    view = selectors.one_week(found, request.user)
    if form.errors:
        status = 400
    elif not request.htmx:
        page = reverse("paths:run", args=[found.run_id]) if view.current else None
        return redirect((page or reverse("paths:week", args=[found.pk])) + "#reflection")
    ctx = {"week": view, "form": form}
    if request.htmx:
        # htmx swaps only successful answers: the form with its errors comes back as one.
        return render(request, "paths/_reflection.html", ctx)
    ctx["view"] = selectors.run_view(found.run, request.user)
    return render(request, "paths/week.html", ctx, status=status)


def _act(
    request: CoupleRequest, run: PathRun, action: Callable[[], object], done: str = ""
) -> HttpResponse:
    """Do one action on a run; a refusal is shown on the run's page in its own words."""
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if done:
            messages.success(request, done)
    return redirect("paths:run", run_id=run.pk)


@couple_required
@require_POST
def accept(request: CoupleRequest, run_id: Any) -> HttpResponse:
    found = _run(request, run_id)
    done = "Week 1 starts today."
    return _act(request, found, lambda: services.accept(found, request.user), done)


@couple_required
@require_POST
def not_now(request: CoupleRequest, run_id: Any) -> HttpResponse:
    found = _run(request, run_id)
    try:
        services.not_now(found, request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("paths:run", run_id=found.pk)
    messages.info(request, "Put aside. You can choose a path whenever you like.")
    return redirect("paths:index")


@couple_required
@require_POST
def pause(request: CoupleRequest, run_id: Any) -> HttpResponse:
    found = _run(request, run_id)
    done = "Paused. The week waits for you both; pick it up whenever you're ready."
    return _act(request, found, lambda: services.pause(found, request.user), done)


@couple_required
@require_POST
def resume(request: CoupleRequest, run_id: Any) -> HttpResponse:
    found = _run(request, run_id)
    done = "Welcome back. The week carries on where you left it."
    return _act(request, found, lambda: services.resume(found, request.user), done)


@couple_required
@require_POST
def leave(request: CoupleRequest, run_id: Any) -> HttpResponse:
    found = _run(request, run_id)
    done = "This path is closed. Everything you reflected on stays in your history."
    return _act(request, found, lambda: services.leave(found, request.user), done)


@couple_required
@require_POST
def next_week(request: CoupleRequest, week_id: Any) -> HttpResponse:
    found = _week(request, week_id)
    return _act(
        request, found.run, lambda: services.next_week(found, request.user, request.partner)
    )


@couple_required
@require_POST
def skip(request: CoupleRequest, week_id: Any) -> HttpResponse:
    found = _week(request, week_id)
    return _act(
        request, found.run, lambda: services.skip_week(found, request.user, request.partner)
    )


@couple_required
@require_POST
def repeat(request: CoupleRequest, week_id: Any) -> HttpResponse:
    found = _week(request, week_id)
    done = f"Week {found.number} again, from today."
    return _act(request, found.run, lambda: services.repeat_week(found, request.user), done)


@couple_required
def history(request: CoupleRequest) -> HttpResponse:
    runs = selectors.history(request.couple)
    page = Paginator(runs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "paths/history.html", {"page": page})
