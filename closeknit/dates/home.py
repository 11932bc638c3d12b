"""The dates card on the couple home page: the next date."""

from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.dates import selectors
from closeknit.dates.models import DatePlan
from closeknit.lib.cards import Card, Need


def card(request: CoupleRequest) -> Card:
    next_date = selectors.next_date(request.couple)
    html = render_to_string("dates/_home_card.html", card_context(request, next_date))
    # A date the partner suggested waits for this person's answer.
    waiting = (
        next_date is not None
        and next_date.status == DatePlan.Status.PROPOSED
        and next_date.proposed_by_id != request.user.pk
    )
    return Card(html, Need.WAITING_FOR_YOU if waiting else Need.LATER)


def card_context(request: CoupleRequest, next_date: DatePlan | None) -> dict[str, object]:
    # Rendered without the request so no context processor adds queries.
    return {"next_date": next_date, "user": request.user, "partner": request.partner}
