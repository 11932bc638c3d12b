from typing import Any

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.assessment import content
from closeknit.assessment.models import Response, Round
from closeknit.couples.models import Couple


def answers(
    now: int = 4, ideal: int = 6, felt: int = 5, given: int = 6, me: int = 0, guess: int = 0
) -> dict[str, Any]:
    cat = content.catalog()
    return {
        "intimacy": {i.key: [now, ideal] for i in cat.intimacy},
        "responsiveness": {i.key: [felt, given] for i in cat.responsiveness},
        "lovemap": {q.key: [me, guess] for q in cat.lovemap},
    }


def make_round(couple: Couple, number: int = 1, days_ago: int = 0) -> Round:
    from datetime import timedelta

    return Round.objects.create(
        couple=couple, number=number, started_on=couple.today() - timedelta(days=days_ago)
    )


def respond(rnd: Round, user: User, finished: bool = True, **kw: Any) -> Response:
    return Response.objects.create(
        couple=rnd.couple,
        round=rnd,
        author=user,
        finished_at=timezone.now() if finished else None,
        **answers(**kw),
    )
