"""The appreciation card on the couple home: the latest one received, and a way to send one."""

from django.template.loader import render_to_string

from closeknit.appreciate import selectors
from closeknit.couples.access import CoupleRequest


def card(request: CoupleRequest) -> str | None:
    latest = selectors.latest_received(request.couple, request.user)
    return render_to_string(
        "appreciate/_home_card.html", {"latest": latest, "partner": request.partner}
    )
