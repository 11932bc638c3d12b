"""{% both_clocks %}: a moment that belongs to the couple, on the reader's clock and,
when the partner's shows something else, on theirs too.

    {% load clocks %}
    {% both_clocks date.starts_at partner "l j F" %}

says "Saturday 14 June, 19:30" when both clocks agree, "Saturday 14 June, 19:30
for you, 13:30 for Ben" when only the hour differs, and "Saturday 14 June, 09:00
for you; Friday 13 June, 20:00 for Ben" when the day does too. The reader's
clock is the zone the request runs in (closeknit/accounts/zones.py); the
partner's is their own `timezone`.
"""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

TIME = "H:i"


@register.simple_tag
def both_clocks(
    moment: datetime | None, partner: object = None, day: str = "", at: str = TIME
) -> SafeString | str:
    if moment is None:
        return ""
    mine = timezone.localtime(moment)
    zone = getattr(partner, "tz", None)
    theirs = moment.astimezone(zone) if zone is not None else mine
    text = said(mine, theirs, str(partner), day, at)
    return format_html('<time datetime="{}">{}</time>', mine.isoformat(), text)


def said(mine: datetime, theirs: datetime, name: str, day: str, at: str) -> str:
    """The words, without the markup.

    >>> from datetime import UTC, datetime
    >>> from zoneinfo import ZoneInfo
    >>> moment = datetime(2025, 6, 14, 17, 30, tzinfo=UTC)
    >>> berlin = moment.astimezone(ZoneInfo("Europe/Berlin"))
    >>> said(berlin, moment.astimezone(ZoneInfo("America/New_York")), "Ben", "l", "H:i")
    'Saturday, 19:30 for you, 13:30 for Ben'
    >>> said(berlin, moment.astimezone(ZoneInfo("Asia/Tokyo")), "Kei", "l", "H:i")
    'Saturday, 19:30 for you; Sunday, 02:30 for Kei'
    >>> said(berlin, moment.astimezone(ZoneInfo("Europe/Paris")), "Léa", "l", "H:i")
    'Saturday, 19:30'
    """
    my_day, my_time = _part(mine, day), date_format(mine, at)
    their_day, their_time = _part(theirs, day), date_format(theirs, at)
    if (my_day, my_time) == (their_day, their_time):
        return _joined(my_day, my_time)
    if my_day == their_day:
        return _joined(my_day, f"{my_time} for you, {their_time} for {name}")
    return f"{_joined(my_day, my_time)} for you; {_joined(their_day, their_time)} for {name}"


def _part(moment: datetime, fmt: str) -> str:
    return date_format(moment, fmt) if fmt else ""


def _joined(day: str, rest: str) -> str:
    return f"{day}, {rest}" if day else rest


@register.filter
def stopwatch(seconds: int) -> str:
    """900 as "15:00": how the listening timer reads before (or without) its script."""
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"
