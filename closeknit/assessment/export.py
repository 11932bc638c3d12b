"""The assessment in the export: your answers always, your partner's only once both finished."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.assessment import selectors
from closeknit.assessment.models import Response
from closeknit.couples.models import Couple


def _answers(response: Response | None) -> dict[str, Any] | None:
    if response is None:
        return None
    return {
        "intimacy_now_and_ideal": {
            key: pair if pair is not None else "prefer not to say"
            for key, pair in response.intimacy.items()
        },
        "responsiveness_to_me_and_from_me": response.responsiveness,
        "lovemap_my_answer_and_my_guess": response.lovemap,
        "finished_at": response.finished_at.isoformat() if response.finished_at else None,
    }


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {
        "rounds": [
            {
                "number": v.round.number,
                "started_on": v.round.started_on.isoformat(),
                "mine": _answers(v.mine),
                "partner": _answers(v.theirs),
            }
            for v in selectors.rounds(couple, user)
        ]
    }
