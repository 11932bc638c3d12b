from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from closeknit.couples.access import CoupleRequest, couple_required
from closeknit.lib.coaching import coach_feedback


def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and uptime checks: the process answers, nothing more."""
    return HttpResponse("ok", content_type="text/plain")


@couple_required
@require_POST
@ratelimit(key="user", rate="90/m", block=True)
def coach(request: CoupleRequest) -> HttpResponse:
    """The live coach fragment for a reply box. Reads, answers, forgets."""
    field = request.POST.get("coach_field", "text")
    text = request.POST.get(field, "")
    feedback = coach_feedback(text, request.POST.get("coach_context"))
    return render(request, "_coach_feedback.html", {"coach": feedback})
