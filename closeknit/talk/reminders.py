"""Talk's reminders: today's question in the morning, talk time half an hour before."""

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.urls import reverse

from closeknit.nudges.schedule import Reminder, couples_at, members
from closeknit.talk import prompts
from closeknit.talk.models import Answer, TalkTime
from closeknit.talk.views.talk_time import next_occurrence

MORNING = time(9, 0)
TALK_TIME_AHEAD = timedelta(minutes=30)


def due(now: datetime) -> Iterator[Reminder]:
    yield from _daily_question(now)
    yield from _talk_time(now)


def _daily_question(now: datetime) -> Iterator[Reminder]:
    """At nine, local time, to each partner who hasn't answered today's question."""
    for couple in couples_at(now, MORNING):
        question = prompts.todays_question(couple)
        answered = set(
            Answer.objects.filter(question=question).values_list("author_id", flat=True)
        )
        for user in members(couple):
            if user.pk not in answered:
                key = f"daily_question:{couple.id}:{question.date}:{user.pk}"
                yield Reminder(user, "daily_question", reverse("talk:index"), key)


def _talk_time(now: datetime) -> Iterator[Reminder]:
    """Half an hour before each accepted weekly talk time, to both partners."""
    for talk_time in _starting_soon(now):
        start = next_occurrence(talk_time, talk_time.couple)
        if start - now <= TALK_TIME_AHEAD:
            for user in members(talk_time.couple):
                key = f"talk_time:{talk_time.id}:{start.date()}:{user.pk}"
                yield Reminder(user, "talk_time", reverse("talk:talk_time"), key)


def _starting_soon(now: datetime) -> Iterator[TalkTime]:
    """Talk times on this local weekday starting within TALK_TIME_AHEAD, zone by zone.

    Queried per time zone (on weekday and time), so the work follows the number of
    zones and of talks about to start, not the number of couples.
    """
    accepted = TalkTime.objects.filter(accepted_at__isnull=False, couple__ended_at__isnull=True)
    zones = accepted.values_list("couple__timezone", flat=True).distinct()
    for zone in zones:
        local = now.astimezone(ZoneInfo(zone))
        soon = local + TALK_TIME_AHEAD
        in_zone = accepted.filter(couple__timezone=zone).select_related("couple")
        if soon.date() == local.date():
            window = Q(weekday=local.weekday(), time__gte=local.time(), time__lte=soon.time())
        else:  # the half hour crosses midnight
            window = Q(weekday=local.weekday(), time__gte=local.time()) | Q(
                weekday=soon.weekday(), time__lte=soon.time()
            )
        yield from in_zone.filter(window)
