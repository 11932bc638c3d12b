"""The dates cards on the couple home page: the next date and today's rituals."""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone

from closeknit.couples.access import CoupleRequest
from closeknit.dates import selectors


def card(request: CoupleRequest) -> str | None:
    with timezone.override(request.couple.tz):
        return render_to_string("dates/_home_cards.html", card_context(request))


def card_context(request: CoupleRequest) -> dict[str, object]:
    # Rendered without the request so no context processor adds queries; the
    # forms get their CSRF token here instead.
    return {
        "next_date": selectors.next_date(request.couple),
        "rituals": list(selectors.rituals_today(request.couple)),
        "csrf_token": get_token(request),
        "user": request.user,
        "partner": request.partner,
        "couple": request.couple,
    }
