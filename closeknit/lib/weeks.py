"""Weeks, as the practices count them: Monday to Sunday."""

from datetime import date, timedelta


def week_start(day: date) -> date:
    """The Monday of `day`'s week.

    >>> week_start(date(2026, 12, 6))  # a Sunday
    datetime.date(2026, 11, 30)
    """
    return day - timedelta(days=day.weekday())
