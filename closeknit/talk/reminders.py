"""Talk's reminders: today's question in the morning, talk time half an hour before."""

from collections.abc import Iterator
from datetime import datetime, time, timedelta

from django.db.models import Q
from django.urls import reverse

from closeknit.accounts.models import zone_named
from closeknit.nudges.schedule import Reminder, members, people_at
from closeknit.talk import prompts
from closeknit.talk.models import Answer, TalkTime

MORNING = time(9, 0)
TALK_TIME_AHEAD = timedelta(minutes=30)


def due(now: datetime) -> Iterator[Reminder]:
    yield from _daily_question(now)
    yield from _talk_time(now)


def _daily_question(now: datetime) -> Iterator[Reminder]:
    """At nine on each partner's own clock, if they haven't answered their today's question."""
    for couple, user in people_at(now, MORNING):
        question = prompts.question_on(couple, now.astimezone(user.tz).date())
        if not Answer.objects.filter(question=question, author=user).exists():
            key = f"daily_question:{couple.id}:{question.date}:{user.pk}"
            yield Reminder(user, "daily_question", reverse("talk:index"), key)


def _talk_time(now: datetime) -> Iterator[Reminder]:
    """Half an hour before each accepted weekly talk time, to both partners."""
    for talk_time in _starting_soon(now):
        start = talk_time.next_start(now)
        if start - now <= TALK_TIME_AHEAD:
            for user in members(talk_time.couple):
                key = f"talk_time:{talk_time.id}:{start.date()}:{user.pk}"
                yield Reminder(user, "talk_time", reverse("talk:talk_time"), key)


def _starting_soon(now: datetime) -> Iterator[TalkTime]:
    """Talk times starting within TALK_TIME_AHEAD on their own clocks, zone by zone.

    Queried per time zone (on weekday and time), so the work follows the number of
    zones and of talks about to start, not the number of couples.
    """
    accepted = TalkTime.objects.filter(accepted_at__isnull=False, couple__ended_at__isnull=True)
    zones = accepted.values_list("timezone", flat=True).distinct()
    for zone in zones:
        local = now.astimezone(zone_named(zone))
        soon = local + TALK_TIME_AHEAD
        in_zone = accepted.filter(timezone=zone).select_related("couple")
        if soon.date() == local.date():
            window = Q(weekday=local.weekday(), time__gte=local.time(), time__lte=soon.time())
        else:  # the half hour crosses midnight
            window = Q(weekday=local.weekday(), time__gte=local.time()) | Q(
                weekday=soon.weekday(), time__lte=soon.time()
            )
        yield from in_zone.filter(window)
