from django.http import HttpRequest

from closeknit.couples.access import attach_couple


def couple(request: HttpRequest) -> dict[str, object]:
    """The couple and partner for the layout (pages outside our views, like allauth's, too)."""
    if request.user.is_authenticated and not hasattr(request, "couple"):
        attach_couple(request)
    return {
        "couple": getattr(request, "couple", None),
        "partner": getattr(request, "partner", None),
    }
