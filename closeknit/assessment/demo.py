"""Two finished assessments for the demo couple: a baseline and a quarterly one.

The profiles are written by hand so the report tells a small, believable
story: more play and more emotional closeness after a quarter of dates and
talks, a wish from both for more time to play, and one place (responsiveness
to Ana) where what Ben means to give and what Ana feels are a point apart.
"""

from datetime import datetime, time, timedelta
from typing import Any

from closeknit.accounts.models import User
from closeknit.assessment import content
from closeknit.assessment.models import Response, Round
from closeknit.couples.models import Couple

# kind: (now, ideal) means per person per round.
PROFILES = {
    "ana": [
        {
            "emotional": (4.5, 6.5),
            "intellectual": (5.0, 6.0),
            "physical": (5.0, 6.0),
            "sexual": (4.0, 5.5),
            "spiritual": (4.5, 5.5),
            "recreational": (3.5, 6.0),
            "social": (5.0, 5.0),
        },
        {
            "emotional": (5.17, 6.5),
            "intellectual": (5.17, 6.0),
            "physical": (5.17, 6.0),
            "sexual": (4.33, 5.5),
            "spiritual": (4.67, 5.5),
            "recreational": (4.5, 6.17),
            "social": (5.17, 5.17),
        },
    ],
    "ben": [
        {
            "emotional": (5.0, 6.0),
            "intellectual": (5.0, 5.5),
            "physical": (4.5, 6.0),
            "sexual": (4.0, 6.0),
            "spiritual": (4.5, 5.0),
            "recreational": (4.0, 6.0),
            "social": (4.0, 4.5),
        },
        {
            "emotional": (5.5, 6.0),
            "intellectual": (5.0, 5.5),
            "physical": (4.5, 6.17),
            "sexual": (4.0, 6.33),
            "spiritual": (4.67, 5.0),
            "recreational": (5.0, 6.17),
            "social": (3.83, 4.5),
        },
    ],
}
# Responsiveness (felt from the partner, given to the partner).
RESPONSIVENESS = {"ana": [(4.6, 5.8), (4.8, 5.9)], "ben": [(5.5, 5.9), (5.6, 6.0)]}
# Love map: each person's own answer per question, and which of the partner's
# answers they guess right (by question number, 1-24) in each round.
OWN = {
    "ana": [0, 3, 0, 1, 0, 2, 0, 1, 0, 2, 0, 3, 1, 0, 2, 4, 0, 4, 1, 1, 0, 1, 2, 0],
    "ben": [1, 2, 3, 4, 0, 0, 2, 0, 1, 3, 1, 1, 2, 3, 1, 0, 1, 3, 2, 0, 4, 0, 0, 4],
}
KNOWS = {
    "ana": [
        {1, 2, 5, 6, 7, 9, 13, 17, 18, 20, 21},
        {1, 2, 4, 5, 6, 7, 9, 11, 13, 17, 18, 20, 21, 24},
    ],
    "ben": [
        {1, 3, 5, 7, 8, 10, 14, 17, 19, 22, 23},
        {1, 3, 5, 6, 7, 8, 10, 12, 14, 17, 19, 22, 23},
    ],
}
DAYS_AGO = [190, 80]


def spread(mean: float, n: int = 6) -> list[int]:
    """n whole ratings (1-7) whose mean is `mean` to two decimals, varied a little."""
    total = round(mean * n)
    values = [total // n + (1 if i < total % n else 0) for i in range(n)]
    for i in range(0, n - 1, 3):  # a little natural variation, same sum
        if values[i] < 7 and values[i + 1] > 1:
            values[i], values[i + 1] = values[i] + 1, values[i + 1] - 1
    return values


def _answers(
    who: str, partner: str, r: int, catalog: content.Catalog
) -> dict[str, dict[str, Any]]:
    intimacy: dict[str, list[int]] = {}
    for kind, keys in catalog.kinds.items():
        now, ideal = PROFILES[who][r][kind]
        for key, n, i in zip(keys, spread(now, len(keys)), spread(ideal, len(keys)), strict=True):
            intimacy[key] = [n, i]
    felt, given = RESPONSIVENESS[who][r]
    count = len(catalog.responsiveness)
    responsiveness = {
        item.key: [f, g]
        for item, f, g in zip(
            catalog.responsiveness, spread(felt, count), spread(given, count), strict=True
        )
    }
    lovemap = {}
    for n, q in enumerate(catalog.lovemap, start=1):
        theirs = OWN[partner][n - 1]
        guess = theirs if n in KNOWS[who][r] else (theirs + 1) % len(q.options)
        lovemap[q.key] = [OWN[who][n - 1], guess]
    return {"intimacy": intimacy, "responsiveness": responsiveness, "lovemap": lovemap}


def seed(couple: Couple, a: User, b: User) -> None:
    catalog = content.catalog()
    today = couple.today()
    for r, days in enumerate(DAYS_AGO):
        started = today - timedelta(days=days)
        rnd = Round.objects.create(couple=couple, number=r + 1, started_on=started)
        done = datetime.combine(started + timedelta(days=2), time(21, 0), tzinfo=couple.tz)
        for person, who, partner in ((a, "ana", "ben"), (b, "ben", "ana")):
            Response.objects.create(
                couple=couple,
                round=rnd,
                author=person,
                created=done,
                updated=done,
                finished_at=done,
                **_answers(who, partner, r, catalog),
            )
