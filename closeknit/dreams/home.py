"""The dreams card on the couple home page, only when a celebration is waiting."""

from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.dreams import selectors


def card(request: CoupleRequest) -> str | None:
    waiting = selectors.celebrations_waiting(request.couple, request.user).first()
    if waiting is None:
        return None
    return render_to_string(
        "dreams/_home_card.html", {"milestone": waiting, "partner": request.partner}
    )
