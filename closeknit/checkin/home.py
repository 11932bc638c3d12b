"""The check-in's card on the couple home: this week's state, and the way to ask for support."""

from django.template.loader import render_to_string

from closeknit.checkin import selectors
from closeknit.couples.access import CoupleRequest
from closeknit.lib.cards import Card, Need


def card(request: CoupleRequest) -> Card:
    week = selectors.week_for(request.couple, request.user)
    # No request context: the home page has run the context processors already.
    ctx = {"week": week, "partner": request.partner}
    html = render_to_string("checkin/_home_card.html", ctx)
    if week.mine:
        return Card(html, Need.LATER)
    return Card(html, Need.WAITING_FOR_YOU if week.partner_done else Need.TODAY)
