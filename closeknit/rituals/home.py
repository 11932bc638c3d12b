"""The rituals card on the couple home page: today's rituals, each one tap to mark."""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.lib.cards import Card, Need
from closeknit.rituals import selectors
from closeknit.rituals.models import CoupleRitual


def card(request: CoupleRequest) -> Card | None:
    rituals = list(selectors.rituals_today(request.couple, request.user.today()))
    if not rituals:
        return None
    html = render_to_string("rituals/_home_card.html", card_context(request, rituals))
    all_done = all(getattr(r, "done_today", False) for r in rituals)
    return Card(html, Need.LATER if all_done else Need.TODAY)


def card_context(request: CoupleRequest, rituals: list[CoupleRitual]) -> dict[str, object]:
    # Rendered without the request so no context processor adds queries; the
    # forms get their CSRF token here instead.
    return {"rituals": rituals, "csrf_token": get_token(request), "today": request.user.today()}
