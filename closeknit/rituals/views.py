from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.lib.confirm import confirmed
from closeknit.lib.errors import DomainError, Invalid, NotFound
from closeknit.lib.forms import refuse, status
from closeknit.rituals import selectors, services
from closeknit.rituals.forms import OwnRitualForm
from closeknit.rituals.models import CoupleRitual

PER_PAGE = 20


def _week(request: CoupleRequest) -> date:
    try:
        return date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        return request.user.today()


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """One week of the couple's rituals, a page of rituals at a time."""
    ctx = _week_context(request, _week(request))
    found = selectors.rituals_with_marks(request.couple, ctx["days"][0], ctx["days"][-1])
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    ctx |= {"rituals": page.object_list, "page": page, "keep": urlencode({"week": ctx["days"][0]})}
    return render(request, "rituals/index.html", ctx)


def _week_context(request: CoupleRequest, day: date) -> dict[str, Any]:
    days = selectors.week_days(request.couple, day)
    today = request.user.today()
    return {
        "days": days,
        "today": today,
        "earliest": today - timedelta(days=services.MARK_DAYS_BACK),
        "previous_week": days[0] - timedelta(days=7),
        "next_week": days[0] + timedelta(days=7) if days[-1] < today else None,
    }


@couple_required
@require_POST
def done(request: CoupleRequest, pk: UUID) -> HttpResponse:
    ritual = get_for_couple(CoupleRitual, request.couple, pk=pk)
    try:
        day = _day(request.POST.get("day", ""))
        services.set_ritual_done(
            request.couple, ritual, request.user, day, request.POST.get("done") == "1"
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        day = request.user.today()
    from_home = request.POST.get("from") == "home"
    if request.htmx:
        return _ritual_fragment(request, ritual, day, from_home)
    return redirect("home" if from_home else f"{reverse('rituals:index')}?week={day}")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise Invalid("Choose a day.", field="day") from exc


def _ritual_fragment(
    request: CoupleRequest, ritual: CoupleRitual, day: date, from_home: bool
) -> HttpResponse:
    """The one ritual's row again, as the page (or the home card) shows it."""
    if from_home:
        today = request.user.today()
        home = {"rituals": selectors.rituals_today(request.couple, today), "today": today}
        return render(request, "rituals/_home_card.html#today-rituals", home)
    ctx = _week_context(request, day)
    ctx["ritual"] = selectors.weeks_of([ritual], ctx["days"][0], ctx["days"][-1])[0]
    return render(request, "rituals/index.html#ritual-row", ctx)


@couple_required
def remove(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Ask once, counting the ticked days that go with it; then take it off the list."""
    ritual = get_for_couple(CoupleRitual, request.couple, pk=pk)
    if not confirmed(request):
        ctx = {"ritual": ritual, "days_ticked": selectors.days_ticked(request.couple, ritual)}
        return render(request, "rituals/remove.html", ctx)
    services.remove_ritual(ritual)
    messages.info(request, f"“{ritual.title}” is off your list.")
    return redirect("rituals:index")


@couple_required
def choose(request: CoupleRequest) -> HttpResponse:
    form = OwnRitualForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_own_ritual(request.couple, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Your own ritual is on the list.")
            return redirect("rituals:index")
    ctx = {"suggestions": selectors.suggested_rituals(request.couple), "form": form}
    return render(request, "rituals/choose.html", ctx, status=status(form))


@couple_required
@require_POST
def add(request: CoupleRequest, pk: UUID) -> HttpResponse:
    try:
        ritual = services.add_ritual(request.couple, request.user, suggestion=pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    messages.success(request, f"“{ritual.title}” is on your list.")
    return redirect("rituals:index")
