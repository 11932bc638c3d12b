"""Paths on the couple home: where you are, what waits for you, or a gentle offer.

The card is always there, so Paths is one tap from home; its words never
name the path that lives behind "Just us" unless both have turned it on.
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.lib.cards import Card, Need
from closeknit.paths import offers, selectors


def card(request: CoupleRequest) -> Card:
    run = selectors.open_run(request.couple)
    view = selectors.run_view(run, request.user) if run else None
    ctx = {
        "view": view,
        "week": view.current if view else None,
        "offer": None if run else offers.after_dip(request.couple, request.user),
        "partner": request.partner,
        "csrf_token": get_token(request),
    }
    html = render_to_string("paths/_home_card.html", ctx)
    # A path the partner suggested, or a week's reflection still to write, waits for this person.
    week = view.current if view else None
    waiting = view is not None and (
        view.can_accept or (week is not None and week.reflection_open and week.mine is None)
    )
    return Card(html, Need.WAITING_FOR_YOU if waiting else Need.LATER)
