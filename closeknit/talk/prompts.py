"""Which prompt a couple gets today.

No prompt repeats for a couple until its tier is exhausted; the depth follows
the couple's choice; their own unasked prompts come first; and now and then an
old question comes back, so love maps can change.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery

from closeknit.couples.models import Couple
from closeknit.talk.models import DailyQuestion, Prompt, TalkSettings

# On "a mix" the week leans light, with one deep day.
MIXED_WEEK = ["light", "medium", "light", "medium", "light", "light", "deep"]
REVISIT_KINDS = ["love_maps", "dreams", "values", "feelings", "family", "intimacy_emotional"]
REVISIT_AFTER = timedelta(days=90)  # an answer this old may come back
REVISIT_EVERY = timedelta(days=21)  # at most one revisit in this many days


def todays_question(couple: Couple) -> DailyQuestion:
    """The couple's question for their local today, created on first sight."""
    today = couple.today()
    found = _question_on(couple, today)
    if found:
        return found
    prompt, revisit = choose_prompt(couple, today)
    try:
        with transaction.atomic():
            return DailyQuestion.objects.create(
                couple=couple, date=today, prompt=prompt, revisit_of=revisit
            )
    except IntegrityError:  # the partner opened the app in the same instant
        found = _question_on(couple, today)
        if found is None:
            raise
        return found


def _question_on(couple: Couple, day: date) -> DailyQuestion | None:
    return (
        DailyQuestion.objects.select_related("prompt", "revisit_of__prompt")
        .filter(couple=couple, date=day)
        .first()
    )


def depth_for(couple: Couple, day: date) -> str:
    settings_row = TalkSettings.objects.filter(couple=couple).first()
    depth = settings_row.depth if settings_row else "mixed"
    return MIXED_WEEK[day.toordinal() % 7] if depth == "mixed" else depth


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
