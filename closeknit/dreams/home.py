"""The dreams card on the couple home page, only when a celebration is waiting."""

from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.dreams import selectors
from closeknit.lib.cards import Card, Need


def card(request: CoupleRequest) -> Card | None:
    waiting = selectors.celebrations_waiting(request.couple, request.user).first()
    if waiting is None:
        return None
    ctx = {"milestone": waiting, "partner": request.partner}
    return Card(render_to_string("dreams/_home_card.html", ctx), Need.WAITING_FOR_YOU)
