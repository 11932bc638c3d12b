from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.lib.cards import Card, Need
from closeknit.talk import prompts, selectors


def card(request: CoupleRequest) -> Card:
    """Today's question on the couple home: what to do next, nothing sealed."""
    question = prompts.todays_question(request.couple, request.user)
    view = selectors.question_view(question, request.user.pk, with_then=False)
    html = render_to_string("talk/_home_card.html", {"view": view}, request=request)
    if view.mine is not None and view.mine.is_complete:
        return Card(html, Need.LATER)
    return Card(html, Need.WAITING_FOR_YOU if view.partner_answered else Need.TODAY)
