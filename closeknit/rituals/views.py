from datetime import date, timedelta
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.rituals import selectors, services
from closeknit.rituals.forms import OwnRitualForm
from closeknit.rituals.models import CoupleRitual, Ritual
from closeknit.rituals.services import RitualError


def _week(request: CoupleRequest) -> date:
    try:
        return date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        return request.user.today()


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    return render(request, "rituals/index.html", _week_context(request, _week(request)))


def _week_context(request: CoupleRequest, day: date) -> dict[str, object]:
    days = selectors.week_days(request.couple, day)
    today = request.user.today()
    return {
        "days": days,
        "today": today,
        "earliest": today - timedelta(days=services.MARK_DAYS_BACK),
        "rituals": selectors.rituals_with_marks(request.couple, days[0], days[-1]),
        "previous_week": days[0] - timedelta(days=7),
        "next_week": days[0] + timedelta(days=7) if days[-1] < today else None,
    }


@couple_required
@require_POST
def done(request: CoupleRequest, pk: UUID) -> HttpResponse:
    ritual = get_for_couple(CoupleRitual, request.couple, pk=pk)
    try:
        day = date.fromisoformat(request.POST.get("day", ""))
        services.set_ritual_done(
            request.couple, ritual, request.user, day, request.POST.get("done") == "1"
        )
    except (ValueError, RitualError) as exc:
        messages.error(request, str(exc) if isinstance(exc, RitualError) else "Choose a day.")
        day = request.user.today()
    from_home = request.POST.get("from") == "home"
    if request.htmx:
        return _ritual_fragment(request, ritual, day, from_home)
    return redirect("home" if from_home else f"{reverse('rituals:index')}?week={day}")


def _ritual_fragment(
    request: CoupleRequest, ritual: CoupleRitual, day: date, from_home: bool
) -> HttpResponse:
    """The one ritual's row again, as the page (or the home card) shows it."""
    if from_home:
        today = request.user.today()
        ctx = {"rituals": selectors.rituals_today(request.couple, today), "today": today}
        return render(request, "rituals/_home_card.html#today-rituals", ctx)
    ctx = _week_context(request, day)
    rows: list[CoupleRitual] = ctx["rituals"]  # type: ignore[assignment]
    ctx["ritual"] = next(r for r in rows if r.pk == ritual.pk)
    return render(request, "rituals/index.html#ritual-row", ctx)


@couple_required
@require_POST
def remove(request: CoupleRequest, pk: UUID) -> HttpResponse:
    ritual = get_for_couple(CoupleRitual, request.couple, pk=pk)
    services.remove_ritual(ritual)
    messages.info(request, f"“{ritual.title}” is off your list.")
    return redirect("rituals:index")


@couple_required
def choose(request: CoupleRequest) -> HttpResponse:
    form = OwnRitualForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_own_ritual(request.couple, request.user, **form.cleaned_data)
        messages.success(request, "Your own ritual is on the list.")
        return redirect("rituals:index")
    ctx = {"suggestions": selectors.suggested_rituals(request.couple), "form": form}
    return render(request, "rituals/choose.html", ctx, status=400 if form.errors else 200)


@couple_required
@require_POST
def add(request: CoupleRequest, pk: UUID) -> HttpResponse:
    ritual = Ritual.objects.filter(pk=pk).first()
    if ritual is None:
        raise Http404("Not found")
    services.choose_ritual(request.couple, request.user, ritual)
    messages.success(request, f"“{ritual.title}” is on your list.")
    return redirect("rituals:index")
