"""The support card on the couple home: the partner's open signal to answer, and,
for the one who asked, the partner's answer."""

from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.lib.cards import Card, Need
from closeknit.support import selectors


def card(request: CoupleRequest) -> Card | None:
    theirs = selectors.open_signal_for(request.couple, request.user)
    mine = selectors.answered_signal_of(request.couple, request.user)
    if theirs is None and mine is None:
        return None
    # No request context: the home page has run the context processors already.
    ctx = {"signal": theirs, "mine": mine, "partner": request.partner}
    html = render_to_string("support/_home_card.html", ctx)
    if theirs is not None and theirs.answered_at is None:
        return Card(html, Need.PARTNER_NEEDS_YOU)
    return Card(html, Need.WAITING_FOR_YOU)
