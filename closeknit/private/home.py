"""The after-care reminder on the couple home page, in discreet words."""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.lib.cards import Card, Need
from closeknit.private import selectors


def card(request: CoupleRequest) -> Card | None:
    if not selectors.is_open(request.couple):
        return None
    reminder = selectors.aftercare_reminder(request.couple, request.user)
    if reminder is None:
        return None
    ctx = {"reminder": reminder, "csrf_token": get_token(request)}
    return Card(render_to_string("private/_home_card.html", ctx), Need.TODAY)
