from collections.abc import Callable
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.dates import selectors, services
from closeknit.dates.calendar import feed_calendar
from closeknit.dates.forms import (
    IdeaFilterForm,
    IdeaForm,
    ProposeForm,
    RatingForm,
    SuggestTimeForm,
)
from closeknit.dates.models import CalendarFeed, DateIdea, DatePlan
from closeknit.lib.confirm import confirmed
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status
from closeknit.lib.ratelimit import per_address


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    upcoming = list(selectors.upcoming_dates(request.couple))
    waiting = [d for d in upcoming if d.awaits(request.user.pk)]
    ctx = {
        "waiting": waiting,
        "upcoming": [d for d in upcoming if d not in waiting],
        "months": selectors.monthly_counts(request.couple),
    }
    return render(request, "dates/index.html", ctx)


@couple_required
def propose(request: CoupleRequest) -> HttpResponse:
    """A new date, filled in from an idea of the bank when "Plan this" brought one."""
    idea = selectors.idea(request.couple, request.POST.get("idea") or request.GET.get("idea"))
    form = ProposeForm(
        request.POST or None, initial=_from_idea(idea), user=request.user, partner=request.partner
    )
    if request.method == "POST" and form.is_valid():
        try:
            date_plan = _propose(request, form, idea)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, f"Sent to {request.partner}. We'll let you know.")
            return redirect("dates:detail", pk=date_plan.pk)
    ctx = {"form": form, "idea": idea}
    return render(request, "dates/propose.html", ctx, status=status(form))


def _from_idea(idea: DateIdea | None) -> dict[str, object]:
    """Everything the idea says, as the new date's starting point."""
    if idea is None:
        return {}
    given = {
        "title": idea.title,
        "notes": idea.description,
        "place": idea.place,
        "duration": idea.duration,
    }
    return {name: value for name, value in given.items() if value}


def _propose(request: CoupleRequest, form: ProposeForm, idea: DateIdea | None) -> DatePlan:
    data = form.cleaned_data
    return services.propose_date(
        request.couple,
        request.user,
        request.partner,
        title=data["title"],
        place=data["place"],
        notes=data["notes"],
        starts_at=data["starts_at"],
        duration=data["duration"],
        planner=form.planner_user(),
        idea=idea,
    )


def _detail(
    request: CoupleRequest, date_plan: DatePlan, status: int = 200, **forms: object
) -> HttpResponse:
    ratings = selectors.visible_ratings(date_plan, request.user)
    ctx = {
        "date": date_plan,
        "awaits_me": date_plan.awaits(request.user.pk),
        "suggest_form": SuggestTimeForm(),
        "ratings": ratings,
        **forms,
    }
    if date_plan.happened and "rating_form" not in forms:
        mine = ratings["mine"]
        initial = {"stars": mine.stars, "memory": mine.memory} if mine else None
        ctx["rating_form"] = RatingForm(initial=initial)
    return render(request, "dates/detail.html", ctx, status=status)


@couple_required
def detail(request: CoupleRequest, pk: UUID) -> HttpResponse:
    return _detail(request, _date_of(request, pk))


def _act(
    request: CoupleRequest, date_plan: DatePlan, action: Callable[[], None], done: str
) -> HttpResponse:
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("dates:detail", pk=date_plan.pk)


def _date_of(request: CoupleRequest, pk: UUID) -> DatePlan:
    return get_for_couple(selectors.dates(request.couple), request.couple, pk=pk)


@couple_required
@require_POST
def accept(request: CoupleRequest, pk: UUID) -> HttpResponse:
    date_plan = _date_of(request, pk)
    return _act(
        request,
        date_plan,
        lambda: services.accept_date(date_plan, request.user, request.partner),
        "It's a date.",
    )


@couple_required
@require_POST
def suggest(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Answer a proposal with another time."""
    date_plan = _date_of(request, pk)
    form = SuggestTimeForm(request.POST)
    if form.is_valid():
        starts_at = form.cleaned_data["starts_at"]
        try:
            services.suggest_time(date_plan, request.user, request.partner, starts_at)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, f"We've asked {request.partner} about the new time.")
            return redirect("dates:detail", pk=date_plan.pk)
    return _detail(request, date_plan, status=status(form), suggest_form=form)


@couple_required
def cancel(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Ask once (the partner is told), then call the date off."""
    date_plan = _date_of(request, pk)
    if not confirmed(request):
        return _ask_to_cancel(request, date_plan)
    return _act(
        request,
        date_plan,
        lambda: services.cancel_date(date_plan, request.user, request.partner),
        "The date is called off.",
    )


def _ask_to_cancel(request: CoupleRequest, date_plan: DatePlan) -> HttpResponse:
    try:
        services.check_can_cancel(date_plan)
    except DomainError as exc:  # nothing left to ask about: say why on the date's page
        messages.error(request, exc.message)
        return redirect("dates:detail", pk=date_plan.pk)
    return render(request, "dates/cancel.html", {"date": date_plan})


@couple_required
@require_POST
def rate(request: CoupleRequest, pk: UUID) -> HttpResponse:
    date_plan = _date_of(request, pk)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rate_date(date_plan, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Saved to your history.")
            return redirect("dates:detail", pk=pk)
    return _detail(request, date_plan, status=status(form), rating_form=form)


@couple_required
def ideas(request: CoupleRequest) -> HttpResponse:
    form = IdeaFilterForm(request.GET)
    chosen = form.cleaned_data if form.is_valid() else {}
    category, show = chosen.get("category", ""), chosen.get("show", "")
    surprise = None
    if "surprise" in request.GET:
        surprise = selectors.surprise_idea(request.couple, category)
    if request.htmx and surprise is not None:
        return render(request, "dates/ideas.html#surprise", {"surprise": surprise})
    page = Paginator(selectors.ideas(request.couple, category, show), 20).get_page(
        request.GET.get("page")
    )
    query = urlencode({k: v for k, v in (("category", category), ("show", show)) if v})
    ctx = {"form": form, "page": page, "query": query, "show": show, "surprise": surprise}
    return render(request, "dates/ideas.html", ctx)


@couple_required
def idea_add(request: CoupleRequest) -> HttpResponse:
    form = IdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_idea(request.couple, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, f"Added to your ideas. {request.partner} sees it too.")
            return redirect(f"{reverse('dates:ideas')}?show=ours")
    return render(request, "dates/idea_form.html", {"form": form}, status=status(form))


@couple_required
def idea_edit(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Change an idea of one's own (the partner's and the library's are 404 here)."""
    idea = selectors.own_idea(request.couple, request.user, pk)
    initial = {f: getattr(idea, f) for f in ("title", "category", "description", "place")}
    form = IdeaForm(request.POST or None, initial={**initial, "duration": idea.duration})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_idea(idea, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect(f"{reverse('dates:ideas')}?show=ours")
    ctx = {"form": form, "idea": idea}
    return render(request, "dates/idea_form.html", ctx, status=status(form))


@couple_required
@require_POST
def idea_delete(request: CoupleRequest, pk: UUID) -> HttpResponse:
    services.delete_idea(selectors.own_idea(request.couple, request.user, pk), request.user)
    messages.info(request, "The idea is deleted. Dates you planned from it stay as they are.")
    return redirect(f"{reverse('dates:ideas')}?show=ours")


@couple_required
@require_POST
def idea_save(request: CoupleRequest, pk: UUID) -> HttpResponse:
    """Save an idea for the two of you, or let it go (`saved` says which: a retry is harmless)."""
    idea = selectors.idea_for(request.couple, pk)
    if request.POST.get("saved") == "1":
        services.save_idea(request.couple, idea)
    else:
        services.unsave_idea(request.couple, idea)
    if request.htmx:
        idea = selectors.idea_for(request.couple, pk)
        return render(request, "dates/ideas.html#save-idea", {"idea": idea})
    back = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
    return redirect(back if back and safe else reverse("dates:ideas"))


@couple_required
def history(request: CoupleRequest) -> HttpResponse:
    page = Paginator(selectors.past_dates(request.couple), 10).get_page(request.GET.get("page"))
    ctx = {
        "page": page,
        "entries": selectors.with_ratings(list(page.object_list), request.user),
        "months": selectors.monthly_counts(request.couple),
    }
    return render(request, "dates/history.html", ctx)


@couple_required
def calendar(request: CoupleRequest) -> HttpResponse:
    feed = selectors.calendar_feed(request.couple, request.user)
    url = _feed_url(request, feed.secret) if feed else ""
    # webcal:// asks the device's calendar app to subscribe, over https when the site uses it.
    ctx = {"feed": feed, "feed_url": url, "webcal_url": "webcal://" + url.partition("://")[2]}
    return render(request, "dates/calendar.html", ctx)


def _feed_url(request: CoupleRequest, secret: str) -> str:
    return request.build_absolute_uri(reverse("dates:feed", args=[secret]))


@couple_required
@require_POST
def calendar_new(request: CoupleRequest) -> HttpResponse:
    had_one = CalendarFeed.objects.filter(couple=request.couple, user=request.user).exists()
    services.regenerate_feed(request.couple, request.user)
    if had_one:
        messages.success(request, "Here's your new address. The old one no longer works.")
    return redirect("dates:calendar")


@couple_required
@require_POST
def calendar_revoke(request: CoupleRequest) -> HttpResponse:
    services.revoke_feed(request.couple, request.user)
    messages.info(request, "Your calendar address no longer works.")
    return redirect("dates:calendar")


@per_address("60/m")
def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The private .ics feed: no login, the secret in the address is the credential."""
    found = (
        CalendarFeed.objects.filter(digest=services.feed_digest(secret))
        .select_related("couple", "user")
        .first()
    )
    if found is None or found.couple.ended_at is not None:
        raise Http404("Not found")
    body = feed_calendar(found.couple, found.user.tz).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
