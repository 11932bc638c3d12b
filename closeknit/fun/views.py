from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.fun import selectors, services
from closeknit.fun.forms import JokeForm, ShowForm
from closeknit.fun.models import InsideJoke, Show
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status

SHOWS_PER_PAGE = 30
JOKES_PER_PAGE = 20


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    return render(request, "fun/index.html", _fun_context(request))


def _fun_context(request: CoupleRequest, **extra: object) -> dict[str, object]:
    """Shows a page at a time (grouped by status), and the jar's notes a page at a time."""
    shows = Paginator(selectors.shows_by_status(request.couple), SHOWS_PER_PAGE)
    page = shows.get_page(request.GET.get("page"))
    listed = list(page.object_list)
    groups = [(s, label, [x for x in listed if x.status == s]) for s, label in Show.Status.choices]
    jokes = Paginator(selectors.jokes(request.couple), JOKES_PER_PAGE)
    return {
        "groups": groups,
        "page": page,
        "statuses": Show.Status.choices,
        "show_form": ShowForm(),
        "joke_form": JokeForm(),
        "jokes": jokes.get_page(request.GET.get("jokes")),
        "jokes_open": "jokes" in request.GET,
        **extra,
    }


def _refused(request: CoupleRequest, form: Form, name: str) -> HttpResponse:
    ctx = _fun_context(request, **{name: form})
    return render(request, "fun/index.html", ctx, status=status(form))


@couple_required
@require_POST
def show_add(request: CoupleRequest) -> HttpResponse:
    form = ShowForm(request.POST)
    if form.is_valid():
        try:
            services.add_show(request.couple, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            return redirect("fun:index")
    return _refused(request, form, "show_form")


@couple_required
@require_POST
def show_status(request: CoupleRequest, pk: UUID) -> HttpResponse:
    show = get_for_couple(Show, request.couple, pk=pk)
    try:
        services.set_show_status(show, request.POST.get("status", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
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
    if form.is_valid():
        try:
            services.add_joke(request.couple, request.user, form.cleaned_data["text"])
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Into the jar it goes.")
            return redirect("fun:index")
    return _refused(request, form, "joke_form")


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
    ctx = _fun_context(request, picked=picked, tried=True)
    return render(request, "fun/index.html", ctx)
