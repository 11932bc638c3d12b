"""Which prompt a couple gets each day.

No prompt repeats for a couple until its tier is exhausted; the depth grows with
the couple's time together here, unless they chose one; their own unasked
prompts come first; and now and then an old question comes back, so love maps
can change.

One question per couple and calendar day, the same for both: the question of
14 June. Which day is today is each partner's own (their own midnight), so
partners in Berlin and New York each meet the question of 14 June on their own
14 June, at their own morning, and can each answer it during their own day; the
Berlin partner simply meets it six hours earlier. A couple-wide day in one zone
would instead change the question mid-afternoon (or mid-morning, Tokyo and New
York) for one of them.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.talk.models import DailyQuestion, Prompt, TalkSettings

# "Growing with us" (the default): the depth of each day of the week, by how long
# the couple has been here. A couple on its first day gets no deep question.
GROWING = [
    (timedelta(weeks=0), ["light"] * 7),  # the first two weeks: light only
    (timedelta(weeks=2), ["light", "medium", "light", "light", "medium", "light", "light"]),
    (timedelta(weeks=4), ["light", "medium", "light", "medium", "light", "light", "deep"]),
    (timedelta(weeks=8), ["light", "medium", "deep", "light", "medium", "light", "deep"]),
]
REVISIT_KINDS = ["love_maps", "dreams", "values", "feelings", "family", "intimacy_emotional"]
REVISIT_AFTER = timedelta(weeks=4)  # an answer this old may come back: then and now
REVISIT_EVERY = timedelta(days=21)  # at most one revisit in this many days


def todays_question(couple: Couple, user: User | None = None) -> DailyQuestion:
    """The question of `user`'s own today (see the module's note); without a person (a
    script, a test), of the couple's shared clock."""
    return question_on(couple, user.today() if user else couple.today())


def question_on(couple: Couple, day: date) -> DailyQuestion:
    """The couple's question of that calendar day, created on first sight."""
    found = _question_on(couple, day)
    if found:
        return found
    prompt, revisit = choose_prompt(couple, day)
    try:
        with transaction.atomic():
            return DailyQuestion.objects.create(
                couple=couple, date=day, prompt=prompt, revisit_of=revisit
            )
    except IntegrityError:  # the partner opened the app in the same instant
        found = _question_on(couple, day)
        if found is None:
            raise
        return found


def _question_on(couple: Couple, day: date) -> DailyQuestion | None:
    return (
        DailyQuestion.objects.select_related("prompt", "revisit_of__prompt")
        .filter(couple=couple, date=day, extra=False)
        .first()
    )


def depth_for(couple: Couple, day: date) -> str:
    """The couple's chosen depth, or on "growing" the one their time together gives that day."""
    settings_row = TalkSettings.objects.filter(couple=couple).first()
    depth = settings_row.depth if settings_row else "mixed"
    if depth != "mixed":
        return depth
    together = max(day - couple.created.date(), timedelta(0))  # a UTC day more or less
    week = next(days for since, days in reversed(GROWING) if together >= since)
    return week[together.days % 7]


def choose_prompt(
    couple: Couple, day: date, exclude: Prompt | None = None
) -> tuple[Prompt, DailyQuestion | None]:
    if exclude is None and (revisit := revisit_candidate(couple, day)):
        return revisit.prompt, revisit
    asked = DailyQuestion.objects.filter(couple=couple).values("prompt_id")
    own = Prompt.objects.filter(couple=couple).exclude(id__in=asked)
    pool = _pool(couple, depth_for(couple, day))
    if exclude is not None:
        own, pool = own.exclude(id=exclude.id), pool.exclude(id=exclude.id)
    prompt = own.order_by("created").first() or pool.exclude(id__in=asked).order_by("?").first()
    return prompt or _least_recently_asked(couple, pool), None


def _pool(couple: Couple, depth: str) -> QuerySet[Prompt]:
    return Prompt.objects.filter(Q(couple__isnull=True) | Q(couple=couple), depth=depth)


def _least_recently_asked(couple: Couple, pool: QuerySet[Prompt]) -> Prompt:
    """The tier is exhausted: start again from the prompt asked longest ago."""
    last_asked = (
        DailyQuestion.objects.filter(couple=couple, prompt=OuterRef("pk"))
        .order_by("-date")
        .values("date")[:1]
    )
    return pool.annotate(last=Subquery(last_asked)).order_by("last", "?").first()  # type: ignore[return-value]


def revisit_candidate(couple: Couple, day: date) -> DailyQuestion | None:
    """An old question both answered, if it's time for one to come back."""
    couple_questions = DailyQuestion.objects.filter(couple=couple)
    last = couple_questions.filter(revisit_of__isnull=False).aggregate(last=Max("date"))["last"]
    if last and day - last < REVISIT_EVERY:
        return None
    revisited = couple_questions.filter(revisit_of__isnull=False).values("revisit_of_id")
    return (
        couple_questions.filter(
            date__lte=day - REVISIT_AFTER,
            revisit_of__isnull=True,
            prompt__kind__in=REVISIT_KINDS,
        )
        .exclude(id__in=revisited)
        .annotate(answered=Count("answers", filter=Q(answers__passed=False)))
        .filter(answered=2)
        .select_related("prompt")
        .order_by("date")
        .first()
    )
