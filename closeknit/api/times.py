"""Times in the API: every time carries its UTC offset, going in and coming out.

Going in, a time without an offset is refused (422, naming the field), never
guessed as UTC or as someone's clock: `AwareDateTime` for a moment,
`AwareTime` for a time of day (a weekly talk time). Coming out, every moment is
written on the reader's clock with its offset ("2025-03-29T19:30:00+01:00"):
the renderer converts each aware datetime to the zone the request runs in
(the reader's own, closeknit/accounts/zones.py), so no operation has to.
"""

import json
import zoneinfo
from datetime import datetime, time, timedelta
from datetime import timezone as fixed
from typing import Annotated, Any, TypeVar

from django.utils import timezone
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from pydantic import AfterValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

Clock = TypeVar("Clock", datetime, time)
MOMENT_EXAMPLE = "2025-06-14T19:30:00+02:00"
TIME_EXAMPLE = "19:30:00+02:00"


def _has_offset(value: Clock, example: str) -> Clock:
    if value.utcoffset() is None:
        raise PydanticCustomError(
            "missing_offset",
            "Give the time with its UTC offset, e.g. {example}; "
            "a time without one could be anyone's clock.",
            {"example": example},
        )
    return value


def _moment(value: datetime) -> datetime:
    return _has_offset(value, MOMENT_EXAMPLE)


def _time_of_day(value: time) -> time:
    return _has_offset(value, TIME_EXAMPLE)


AwareDateTime = Annotated[
    datetime,
    AfterValidator(_moment),
    WithJsonSchema({"type": "string", "format": "date-time", "examples": [MOMENT_EXAMPLE]}),
]

# RFC 3339's full-time, "19:30:00+02:00" (OpenAPI's "time" format), both ways.
AwareTime = Annotated[
    time,
    AfterValidator(_time_of_day),
    PlainSerializer(lambda t: t.isoformat(timespec="seconds"), return_type=str),
    WithJsonSchema({"type": "string", "format": "time", "examples": [TIME_EXAMPLE]}),
]


def time_of(moment: datetime) -> time:
    """The time of day of an aware moment, with the offset it has then ("13:30:00-05:00")."""
    offset = moment.utcoffset()
    assert offset is not None
    return moment.time().replace(tzinfo=fixed(offset))


def weekly_on(zone: zoneinfo.ZoneInfo, weekday: int, at: time) -> tuple[int, time]:
    """A weekday and a time with an offset, as the weekday and wall-clock time on `zone`'s clock.

    The next such moment decides (the offset is the sender's then); e.g. Monday
    23:30-05:00 is Tuesday 05:30 in Berlin in the summer.
    """
    given = at.utcoffset()
    assert given is not None
    offset = fixed(given)
    now = timezone.now().astimezone(offset)
    day = now.date() + timedelta(days=(weekday - now.weekday()) % 7)
    there = datetime.combine(day, at.replace(tzinfo=None), tzinfo=offset).astimezone(zone)
    return there.weekday(), there.time()


class ReaderTimeEncoder(NinjaJSONEncoder):
    """JSON whose moments are on the reader's clock, with the offset."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime) and timezone.is_aware(o):
            o = timezone.localtime(o)
        return super().default(o)


class ReaderTimeRenderer(JSONRenderer):
    encoder_class: type[json.JSONEncoder] = ReaderTimeEncoder
