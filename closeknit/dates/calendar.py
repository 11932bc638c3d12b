"""The couple's dates as an iCalendar feed that phone calendars subscribe to."""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from closeknit.couples.models import Couple
from closeknit.dates import selectors
from closeknit.dates.models import DatePlan

# Subscribed calendars keep a year of history; older dates stay in the app.
HISTORY = timedelta(days=365)


def feed_calendar(couple: Couple, zone: zoneinfo.ZoneInfo) -> Calendar:
    """Upcoming and recent dates (proposed ones marked tentative), in the subscriber's zone."""
    cal = Calendar()
    cal.add("prodid", "-//Closeknit//Dates//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Our dates")
    cal.add("x-wr-timezone", zone.key)
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for date_plan in _feed_dates(couple):
        cal.add_component(_event(zone, date_plan))
    # Local times need their VTIMEZONE for a valid calendar; its rules from a year back.
    cal.add_missing_timezones(first_date=(timezone.now() - HISTORY).date())
    return cal


def _feed_dates(couple: Couple) -> list[DatePlan]:
    now = timezone.now()
    on = Q(status=DatePlan.Status.ACCEPTED, starts_at__gte=now - HISTORY)
    asked = Q(status=DatePlan.Status.PROPOSED, starts_at__gt=now)
    return list(selectors.dates(couple).filter(on | asked).order_by("starts_at"))


def _event(zone: zoneinfo.ZoneInfo, date_plan: DatePlan) -> Event:
    starts = date_plan.starts_at.astimezone(zone)
    event = Event()
    event.add("uid", f"{date_plan.pk}@closeknit")
    event.add("summary", date_plan.title)
    event.add("dtstart", starts)
    event.add("dtend", starts + timedelta(minutes=date_plan.duration))
    event.add("dtstamp", date_plan.updated)
    event.add("last-modified", date_plan.updated)
    if date_plan.place:
        event.add("location", date_plan.place)
    if date_plan.notes:
        event.add("description", date_plan.notes)
    confirmed = date_plan.status == DatePlan.Status.ACCEPTED
    event.add("status", "CONFIRMED" if confirmed else "TENTATIVE")
    event.add("url", settings.SITE_URL + reverse("dates:detail", args=[date_plan.pk]))
    return event
