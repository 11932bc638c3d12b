from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from closeknit.checkin import content, scoring, selectors, services
from closeknit.checkin.forms import CheckinForm
from closeknit.checkin.models import CLOSENESS_WORDS, Item
from closeknit.couples.access import CoupleRequest, attach_couple, couple_required
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status


def circles() -> list[dict[str, Any]]:
    return [
        {"c": scoring.closeness_circles(step), "word": CLOSENESS_WORDS[step]}
        for step in range(1, scoring.STEPS + 1)
    ]


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """This week's check-in (form or both results), and the trend over recent weeks."""
    trend = selectors.trend(request.couple, request.user)
    week = trend.weeks[-1]
    editing = week.mine is None or "edit" in request.GET
    items = selectors.items()
    initial = CheckinForm.initial_from(week.mine) if week.mine else None
    form = CheckinForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST":
        editing = True
        try:
            if form.is_valid():
                _save(request, form)
                return redirect("checkin:index")
        except DomainError as exc:
            refuse(request, form, exc)
    ctx = {
        "form": form,
        "editing": editing,
        "week": week,
        "trend": trend,
        "chart": trend.chart(str(request.partner)),
        "circles": circles(),
        "words": CLOSENESS_WORDS,
        "sides": _sides(request, week, items),
        "low": trend.low_this_week,
    }
    return render(request, "checkin/index.html", ctx, status=status(form))


def _sides(
    request: CoupleRequest, week: selectors.Week, items: list[Item]
) -> list[dict[str, Any]]:
    """What each visible check-in says, ready for the template (mine first)."""
    entries = [(week.mine, "You"), (week.theirs, str(request.partner))]
    return [
        {
            "who": who,
            "entry": entry,
            "circles": scoring.closeness_circles(entry.closeness),
            "word": CLOSENESS_WORDS[entry.closeness],
            "scores": [(item, entry.scores.get(item.key)) for item in items],
            "satisfaction": scoring.satisfaction(entry.scores),
        }
        for entry, who in entries
        if entry is not None
    ]


def _save(request: CoupleRequest, form: CheckinForm) -> None:
    data = form.cleaned_data
    services.save_checkin(
        request.couple,
        request.user,
        request.partner,
        closeness=data["closeness"],
        scores=form.scores(),
        mood=data["mood"],
        needs=data["needs"],
        note=data["note"],
    )
    messages.success(request, "Thank you. Your check-in is in.")


def resources(request: HttpRequest) -> HttpResponse:
    """Support and resources: open to anyone, signed in or not."""
    if request.user.is_authenticated:
        attach_couple(request)
    # content.markdown() escapes everything that is not Markdown (no raw HTML).
    body = mark_safe(content.resources_html())
    return render(request, "checkin/resources.html", {"body": body})
