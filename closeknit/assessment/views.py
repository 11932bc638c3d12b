from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.assessment import content, selectors, services, steps
from closeknit.assessment.forms import StepForm
from closeknit.assessment.scoring import NOISE
from closeknit.couples.access import CoupleRequest, couple_required
from closeknit.paths import offers as path_offers


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """Where you are: start the baseline or this quarter's, continue, or read the report."""
    views = selectors.rounds(request.couple, request.user)
    current = views[-1] if views else None
    due = selectors.due_on(views)
    ctx = {
        "views": list(reversed(views)),
        "current": current,
        "due": due,
        "can_start": due is None or request.couple.today() >= due,
        "next_step": _next_step(current),
    }
    return render(request, "assessment/index.html", ctx)


def _next_step(current: selectors.RoundView | None) -> steps.Step | None:
    if current is None or current.i_finished:
        return None
    left = steps.missing(current.mine, content.catalog())
    return left[0] if left else None


@couple_required
@require_POST
def start(request: CoupleRequest) -> HttpResponse:
    try:
        rnd = services.start_round(request.couple)
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
        return redirect("assessment:index")
    services.response_for(rnd, request.user)
    return redirect("assessment:take", step=steps.STEPS[0].slug)


def _open_response(request: CoupleRequest) -> Any:
    """The viewer's unfinished response in the latest round, or None."""
    views = selectors.rounds(request.couple, request.user)
    if not views or views[-1].i_finished:
        return None
    return services.response_for(views[-1].round, request.user)


@couple_required
def take(request: CoupleRequest, step: str) -> HttpResponse:
    """One page of the assessment; answers are saved as a draft page by page."""
    page = steps.BY_SLUG.get(step)
    if page is None:
        raise Http404("No such page")
    response = _open_response(request)
    if response is None:
        return redirect("assessment:index")
    catalog = content.catalog()
    form = StepForm(
        request.POST or None,
        step=page,
        catalog=catalog,
        partner=str(request.partner),
        initial=StepForm.initial_from(response, page),
    )
    if request.method == "POST" and form.is_valid():
        services.save_answers(response, page.section, form.answers(), catalog)
        left = steps.missing(response, catalog)
        return (
            redirect("assessment:take", step=left[0].slug)
            if left
            else redirect("assessment:review")
        )
    number = steps.STEPS.index(page) + 1
    ctx = {
        "form": form,
        "step": page,
        "number": number,
        "total": len(steps.STEPS),
        "previous": steps.STEPS[number - 2] if number > 1 else None,
        "skippable": any(skip is not None for *_, skip in form.rows()),
    }
    return render(request, "assessment/take.html", ctx, status=400 if form.errors else 200)


@couple_required
def review(request: CoupleRequest) -> HttpResponse:
    response = _open_response(request)
    if response is None:
        return redirect("assessment:index")
    catalog = content.catalog()
    pages = [(s, s.is_done(response, catalog)) for s in steps.STEPS]
    ready = all(done for _, done in pages)
    return render(request, "assessment/review.html", {"pages": pages, "ready": ready})


@couple_required
@require_POST
def finish(request: CoupleRequest) -> HttpResponse:
    response = _open_response(request)
    if response is None:
        return redirect("assessment:index")
    try:
        services.finish(response, request.partner, content.catalog())
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
        return redirect("assessment:review")
    return redirect("assessment:report", pk=response.round_id)


@couple_required
def report(request: CoupleRequest, pk: str) -> HttpResponse:
    return _report(request, pk, "assessment/report.html")


@couple_required
def report_print(request: CoupleRequest, pk: str) -> HttpResponse:
    return _report(request, pk, "assessment/report_print.html")


def _report(request: CoupleRequest, pk: str, template: str) -> HttpResponse:
    view = selectors.round_for(request.couple, request.user, pk)
    if not view.revealed:
        return render(request, "assessment/sealed.html", {"view": view})
    catalog = content.catalog(with_suggestions=True)
    found = selectors.report(view, catalog)
    me, partner = str(request.user), str(request.partner)
    history = selectors.history(selectors.rounds(request.couple, request.user), catalog)
    ctx = {
        "report": found,
        "chart": found.chart(me, partner),
        "history": history,
        "history_table": selectors.history_table(history),
        "history_chart": selectors.history_chart(history, me, partner),
        "noise": NOISE,
        # The paths that fit the biggest gaps (on the report page, not the printable one).
        "paths": path_offers.for_report_page(request.couple, found),
    }
    return render(request, template, ctx)
