from django.template.loader import render_to_string

from closeknit.couples.access import CoupleRequest
from closeknit.talk import prompts, selectors


def card(request: CoupleRequest) -> str:
    """Today's question on the couple home: what to do next, nothing sealed."""
    question = prompts.todays_question(request.couple, request.user)
    view = selectors.question_view(question, request.user.pk, with_then=False)
    return render_to_string("talk/_home_card.html", {"view": view}, request=request)
