"""A little shared history for the demo couple: dates with memories, one ahead, an idea of
their own and one saved for later."""

from datetime import datetime, time, timedelta

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dates import services
from closeknit.dates.models import DateIdea, DatePlan, DateRating

# (days ago, idea key, Ana's stars and memory, Ben's stars and memory)
PAST = [
    (
        75,
        "at_home-001",
        (5, "Ben's fake French accent as the waiter."),
        (4, "The soufflé nearly worked."),
    ),
    (40, "outdoors-002", (4, "Cold hands, hot chocolate."), (5, "Ana spotting the heron first.")),
    (12, "talk_centred-001", (5, "I learned something new about Ben."), (5, "")),
]


def seed(couple: Couple, a: User, b: User) -> None:
    today = couple.today()
    for days_ago, key, ana, ben in PAST:
        idea = DateIdea.objects.filter(key=key).first()
        date_plan = DatePlan.objects.create(
            couple=couple,
            idea=idea,
            title=idea.title if idea else "A date",
            starts_at=datetime.combine(
                today - timedelta(days=days_ago), time(19), tzinfo=couple.tz
            ),
            proposed_by=a if days_ago % 2 else b,
            status=DatePlan.Status.ACCEPTED,
        )
        for user, (stars, memory) in [(a, ana), (b, ben)]:
            DateRating.objects.create(
                couple=couple, date=date_plan, author=user, stars=stars, memory=memory
            )
    services.add_idea(
        couple,
        a,
        title="Cook the dish from our first trip",
        category="at_home",
        description="Find the recipe together, shop for it on the way home, eat by candlelight.",
        duration=180,
    )
    if (liked := DateIdea.objects.filter(key="outdoors-001").first()) is not None:
        services.save_idea(couple, liked)
    services.propose_date(
        couple,
        b,
        a,
        title="Sunset walk and tapas",
        place="Along the river",
        starts_at=datetime.combine(today + timedelta(days=4), time(19, 30), tzinfo=couple.tz),
        planner=b,
    )
