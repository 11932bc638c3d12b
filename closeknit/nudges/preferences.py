"""Who is told what, how, and when: preferences, quiet hours, the digest."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError

from closeknit.accounts.models import User
from closeknit.nudges.kinds import KINDS
from closeknit.nudges.models import CHANNELS, NudgeSettings

DEFAULT_CHANNELS = [c for c, _ in CHANNELS]
ALL_KINDS = "all"  # an unsubscribe link that stops every e-mail (the digest's)


def check_quiet_hours(start: time | None, end: time | None) -> None:
    """Quiet hours are both ends or neither, and not the same minute twice.

    A half-filled or zero-length window would silently do nothing; the person
    is told instead.
    """
    if (start is None) != (end is None):
        field = "quiet_end" if start is not None else "quiet_start"
        raise ValidationError(
            {field: "Give quiet hours both a start and an end, or leave both empty."}
        )
    if start is not None and start == end:
        raise ValidationError(
            {"quiet_end": "Quiet hours need to end at a different time than they start."}
        )


def save_settings(user: User, changes: dict[str, object]) -> NudgeSettings:
    """Save the person's notification settings (quiet hours checked first)."""
    check_quiet_hours(changes.get("quiet_start"), changes.get("quiet_end"))  # type: ignore[arg-type]
    prefs, _ = NudgeSettings.objects.update_or_create(user=user, defaults=changes)
    return prefs


def stop_email(user: User, kind: str) -> None:
    """No more e-mail about `kind` (or about anything, for ALL_KINDS); the inbox keeps all."""
    prefs = settings_for(user)
    kinds = list(KINDS) if kind == ALL_KINDS else [kind]
    channels = dict(prefs.channels)
    for each in kinds:
        channels[each] = [c for c in channels_for(prefs, each) if c != "email"]
    save_settings(
        user,
        {
            "channels": channels,
            "daily_digest": prefs.daily_digest and kind != ALL_KINDS,
            "quiet_start": prefs.quiet_start,
            "quiet_end": prefs.quiet_end,
        },
    )


def settings_for(user: User) -> NudgeSettings:
    """The person's settings, or the defaults (unsaved) if they never changed them."""
    found = NudgeSettings.objects.filter(user=user).first()
    return found or NudgeSettings(user=user)


def channels_for(prefs: NudgeSettings, kind: str) -> list[str]:
    chosen = prefs.channels.get(kind)
    return list(DEFAULT_CHANNELS if chosen is None else chosen)


def in_quiet_hours(prefs: NudgeSettings, tz: str, moment: datetime) -> bool:
    start, end = prefs.quiet_start, prefs.quiet_end
    if start is None or end is None or start == end:
        return False
    local = moment.astimezone(zoneinfo.ZoneInfo(tz)).time()
    if start < end:  # e.g. 13:00-15:00
        return start <= local < end
    return local >= start or local < end  # across midnight, e.g. 22:00-07:00


def next_allowed(prefs: NudgeSettings, tz: str, moment: datetime) -> datetime:
    """`moment`, or the end of quiet hours if it falls inside them."""
    if not in_quiet_hours(prefs, tz, moment):
        return moment
    assert prefs.quiet_end is not None
    return _next_local(prefs.quiet_end, tz, moment)


def next_digest(prefs: NudgeSettings, tz: str, moment: datetime) -> datetime:
    return _next_local(time(prefs.digest_hour), tz, moment)


def _next_local(at: time, tz: str, moment: datetime) -> datetime:
    """The next moment after `moment` when the local clock in `tz` shows `at`."""
    zone = zoneinfo.ZoneInfo(tz)
    local = moment.astimezone(zone)
    candidate = datetime.combine(local.date(), at, tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), at, tzinfo=zone)
    return candidate
