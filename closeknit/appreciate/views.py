from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.appreciate import hints, selectors, services
from closeknit.appreciate.forms import AppreciationForm, JournalForm
from closeknit.appreciate.models import REACTIONS, TALLY_KINDS
from closeknit.coaching.feedback import wants_coach
from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.lib.confirm import confirmed
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status

PER_PAGE = 20


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """The appreciation wall: everything either of you sent, newest first."""
    page = Paginator(selectors.wall(request.couple), PER_PAGE).get_page(request.GET.get("page"))
    ctx = {"page": page, "reactions": REACTIONS}
    return render(request, "appreciate/index.html", ctx)


@couple_required
def new(request: CoupleRequest) -> HttpResponse:
    form = AppreciationForm(request.POST or None)
    coach = None
    if request.method == "POST":
        try:
            if wants_coach(request):
                coach = _hints(request)  # check the wording only: nothing is sent or kept
            elif form.is_valid():
                services.send_appreciation(
                    request.couple, request.user, request.partner, **form.cleaned_data
                )
                messages.success(request, f"Sent. {request.partner} will find it on the wall.")
                return redirect("appreciate:index")
        except DomainError as exc:
            refuse(request, form, exc)
    ctx = {"form": form, "coach": coach}
    return render(request, "appreciate/new.html", ctx, status=status(form))


def _hints(request: CoupleRequest) -> list[hints.Hint]:
    post = request.POST
    parts = {part: post.get(part, "") for part in services.PARTS}
    return services.coach_draft(request.user, request.partner, **parts)


@couple_required
@require_POST
def coach(request: CoupleRequest) -> HttpResponse:
    """The live appreciation coach (htmx). Reads, answers, forgets."""
    try:
        found = _hints(request)
    except DomainError as exc:
        ctx = {"refusal": exc.message}
        return render(request, "appreciate/_hints.html", ctx, status=exc.status)
    return render(request, "appreciate/_hints.html", {"coach": found})


@couple_required
def detail(request: CoupleRequest, pk: str) -> HttpResponse:
    appreciation = get_for_couple(selectors.wall(request.couple), request.couple, pk=pk)
    ctx = {"a": appreciation, "reactions": REACTIONS}
    return render(request, "appreciate/detail.html", ctx)


@couple_required
@require_POST
def react(request: CoupleRequest, pk: str) -> HttpResponse:
    appreciation = get_for_couple(selectors.wall(request.couple), request.couple, pk=pk)
    try:
        services.react(appreciation, request.user, request.POST.get("reaction", ""))
    except DomainError as exc:
        if request.htmx:
            return HttpResponse(exc.message, status=exc.status)
        messages.error(request, exc.message)
    if request.htmx:
        ctx = {"a": appreciation, "reactions": REACTIONS}
        return render(request, "appreciate/_appreciation.html", ctx)
    return redirect("appreciate:detail", pk=appreciation.id)


@couple_required
def journal(request: CoupleRequest) -> HttpResponse:
    """The private gratitude journal: only the author, never the partner."""
    form = JournalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.write_journal(request.couple, request.user, form.cleaned_data["text"])
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Saved to your journal. Only you can read it.")
            return redirect("appreciate:journal")
    entries = selectors.journal(request.couple, request.user)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    ctx = {"form": form, "page": page}
    return render(request, "appreciate/journal.html", ctx, status=status(form))


@couple_required
def delete_journal(request: CoupleRequest, pk: str) -> HttpResponse:
    """Ask once, showing the entry; then delete it (only its author ever reaches it)."""
    entry = get_for_couple(selectors.journal(request.couple, request.user), request.couple, pk=pk)
    if not confirmed(request):
        return render(request, "appreciate/delete_journal.html", {"entry": entry})
    entry.delete()
    messages.success(request, "Deleted.")
    return redirect("appreciate:journal")


@couple_required
def tally(request: CoupleRequest) -> HttpResponse:
    """The honestly labelled tally of what this person logged, week by week."""
    code = 200
    if request.method == "POST":
        try:
            mark = services.log_tally(request.couple, request.user, request.POST.get("kind", ""))
        except DomainError as exc:
            messages.error(request, exc.message)
            code = exc.status
        else:
            messages.success(request, f"Logged: one {mark.get_kind_display().lower()}.")
            return redirect("appreciate:tally")
    weeks = selectors.tally_weeks(request.couple, request.user)
    ctx = {
        "weeks": list(reversed(weeks)),
        "kinds": TALLY_KINDS,
        "last_mark": selectors.last_mark_today(request.couple, request.user),
        "totals": (sum(w.appreciations for w in weeks), sum(w.complaints for w in weeks)),
    }
    return render(request, "appreciate/tally.html", ctx, status=code)


@couple_required
@require_POST
def undo_tally(request: CoupleRequest, pk: str) -> HttpResponse:
    mark = get_for_couple(
        selectors.tally_marks(request.couple, request.user), request.couple, pk=pk
    )
    mark.delete()
    messages.success(request, "Taken back.")
    return redirect("appreciate:tally")
