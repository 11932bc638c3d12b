from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from closeknit.coaching import feedback
from closeknit.couples import homecache
from closeknit.couples.access import CoupleRequest, couple_required
from closeknit.lib.errors import DomainError


@couple_required
@require_POST
def coach(request: CoupleRequest) -> HttpResponse:
    """The live coach fragment for a reply box. Reads, answers, forgets."""
    homecache.changes_nothing(request)
    field = request.POST.get("coach_field", "text")
    text = request.POST.get(field, "")
    try:
        found = feedback.read(request.user, text, request.POST.get("coach_context"), field=field)
    except DomainError as exc:
        ctx = {"refusal": exc.message}
        return render(request, "coaching/_feedback.html", ctx, status=exc.status)
    return render(request, "coaching/_feedback.html", {"coach": found})
