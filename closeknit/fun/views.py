from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.fun import selectors, services
from closeknit.fun.forms import JokeForm, ShowForm
from closeknit.fun.models import InsideJoke, Show
from closeknit.fun.services import FunError


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    return render(request, "fun/index.html", _fun_context(request))


def _fun_context(request: CoupleRequest, **forms: object) -> dict[str, object]:
    shows = list(selectors.shows(request.couple))
    groups = [(s, label, [x for x in shows if x.status == s]) for s, label in Show.Status.choices]
    return {
        "groups": groups,
        "statuses": Show.Status.choices,
        "show_form": forms.get("show_form") or ShowForm(),
        "joke_form": forms.get("joke_form") or JokeForm(),
        "jokes": list(selectors.jokes(request.couple)),
        "picked": forms.get("picked"),
    }


@couple_required
@require_POST
def show_add(request: CoupleRequest) -> HttpResponse:
    form = ShowForm(request.POST)
    if not form.is_valid():
        return render(request, "fun/index.html", _fun_context(request, show_form=form), status=400)
    services.add_show(request.couple, request.user, **form.cleaned_data)
    return redirect("fun:index")


@couple_required
@require_POST
def show_status(request: CoupleRequest, pk: UUID) -> HttpResponse:
    show = get_for_couple(Show, request.couple, pk=pk)
    try:
        services.set_show_status(show, request.POST.get("status", ""))
    except FunError as exc:
        messages.error(request, str(exc))
    return redirect("fun:index")


@couple_required
@require_POST
def show_remove(request: CoupleRequest, pk: UUID) -> HttpResponse:
    services.remove_show(get_for_couple(Show, request.couple, pk=pk))
    return redirect("fun:index")


@couple_required
@require_POST
def joke_add(request: CoupleRequest) -> HttpResponse:
    form = JokeForm(request.POST)
    if not form.is_valid():
        return render(request, "fun/index.html", _fun_context(request, joke_form=form), status=400)
    services.add_joke(request.couple, request.user, form.cleaned_data["text"])
    messages.success(request, "Into the jar it goes.")
    return redirect("fun:index")


@couple_required
@require_POST
def joke_remove(request: CoupleRequest, pk: UUID) -> HttpResponse:
    # Only its author takes a note out of the jar.
    services.remove_joke(get_for_couple(InsideJoke, request.couple, pk=pk, added_by=request.user))
    return redirect("fun:index")


@couple_required
def joke_pick(request: CoupleRequest) -> HttpResponse:
    """Pull a note from the jar: a fragment for htmx, the fun page otherwise."""
    try:
        exclude = UUID(request.GET.get("after", ""))
    except ValueError:
        exclude = None
    picked = selectors.random_joke(request.couple, exclude)
    if request.htmx:
        return render(request, "fun/index.html#jar", {"picked": picked, "tried": True})
    ctx = {**_fun_context(request, picked=picked), "tried": True}
    return render(request, "fun/index.html", ctx)
