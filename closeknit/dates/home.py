"""The dates card on the couple home page: the next date."""

from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.dates import selectors


def card(request: CoupleRequest) -> str | None:
    return render_to_string("dates/_home_card.html", card_context(request))


def card_context(request: CoupleRequest) -> dict[str, object]:
    # Rendered without the request so no context processor adds queries.
    return {
        "next_date": selectors.next_date(request.couple),
        "user": request.user,
        "partner": request.partner,
    }
