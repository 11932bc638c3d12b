"""The check-in's card on the couple home: this week's state, and the way to ask for support."""

from django.template.loader import render_to_string

from closeknit.checkin import selectors
from closeknit.couples.access import CoupleRequest


def card(request: CoupleRequest) -> str | None:
    week = selectors.week_for(request.couple, request.user)
    # No request context: the home page has run the context processors already.
    ctx = {"week": week, "partner": request.partner}
    return render_to_string("checkin/_home_card.html", ctx)
