"""{% both_clocks %}: one moment of the couple's, on the reader's clock and the partner's."""

from datetime import UTC, datetime
from unittest import TestCase
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import timezone

MOMENT = datetime(2026, 6, 13, 23, 30, tzinfo=UTC)  # Sunday 08:30 in Tokyo


class Partner:
    def __init__(self, zone: str) -> None:
        self.tz = ZoneInfo(zone)

    def __str__(self) -> str:
        return "Ben"


def render(reader: str, partner: Partner | None, day: str = "l j F") -> str:
    template = Template("{% load clocks %}{% both_clocks moment partner day %}")
    with timezone.override(ZoneInfo(reader)):
        return template.render(Context({"moment": MOMENT, "partner": partner, "day": day}))


class BothClocksTestCase(TestCase):
    def test_it_says_one_time_when_both_clocks_agree(self) -> None:
        self.assertEqual(
            render("Europe/Lisbon", Partner("Europe/London")),
            '<time datetime="2026-06-14T00:30:00+01:00">Sunday 14 June, 00:30</time>',
        )

    def test_it_says_both_hours_under_one_day(self) -> None:
        self.assertIn(
            ">Sunday 14 June, 01:30 for you, 02:30 for Ben<",
            render("Europe/Berlin", Partner("Europe/Helsinki")),
        )

    def test_it_says_both_days_when_the_day_differs(self) -> None:
        self.assertIn(
            ">Sunday 14 June, 08:30 for you; Saturday 13 June, 19:30 for Ben<",
            render("Asia/Tokyo", Partner("America/New_York")),
        )

    def test_it_says_only_the_time_without_a_day_format(self) -> None:
        self.assertIn(
            ">08:30 for you, 19:30 for Ben<", render("Asia/Tokyo", Partner("America/New_York"), "")
        )

    def test_it_says_the_readers_time_without_a_partner(self) -> None:
        self.assertIn(">Sunday, 08:30<", render("Asia/Tokyo", None, "l"))
