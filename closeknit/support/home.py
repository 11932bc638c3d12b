"""The support card on the couple home: the partner's open signal, to answer."""

from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.support import selectors


def card(request: CoupleRequest) -> str | None:
    signal = selectors.open_signal_for(request.couple, request.user)
    if signal is None:
        return None
    # No request context: the home page has run the context processors already.
    return render_to_string(
        "support/_home_card.html", {"signal": signal, "partner": request.partner}
    )
