"""Test personas, after healthchecks' hc/test.py.

Two paired couples, ana & ben and cora & dev, and eli, who is not paired.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import time_machine
from django.test import Client, TestCase
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples import invites
from closeknit.couples.models import Couple

PASSWORD = "password-for-tests"


@contextmanager
def one_rate_window() -> Iterator[None]:
    """Hold the clock still for a rate-limit test.

    django-ratelimit counts in fixed windows (this minute, this hour). A slow run
    that crosses into the next window halfway starts the count again, and the
    request that should be refused passes.
    """
    with time_machine.travel(timezone.now(), tick=False):
        yield


def make_user(name: str, timezone: str = "Europe/Lisbon") -> User:
    return User.objects.create_user(
        f"{name}@example.org", PASSWORD, display_name=name.title(), timezone=timezone
    )


def make_couple(a: str, b: str) -> tuple[User, User, Couple]:
    first, second = make_user(a), make_user(b)
    couple = invites.accept_invite(invites.create_invite(first), second)
    return first, second, couple


class BaseTestCase(TestCase):
    ana: User
    ben: User
    couple: Couple
    cora: User
    dev: User
    other_couple: Couple
    eli: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.ana, cls.ben, cls.couple = make_couple("ana", "ben")
        cls.cora, cls.dev, cls.other_couple = make_couple("cora", "dev")
        cls.eli = make_user("eli")

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client
