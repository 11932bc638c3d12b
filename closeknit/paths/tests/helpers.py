"""Shared set-up for the Paths tests: a fixed clock and a couple already on a path."""

from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine
from django.test import Client

from closeknit.accounts.models import User
from closeknit.api.tests.base import ApiTestCase
from closeknit.couples.models import Couple
from closeknit.paths import selectors, services
from closeknit.paths.models import Path, PathRun, RunWeek
from closeknit.private import services as just_us

# Monday 2 March 2026, ten in the morning (the couples' zone is UTC).
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
PRIVATE = "close-in-body"


def reflection(understood: int = 5, validated: int = 6, cared: int = 7, note: str = "") -> Any:
    return {"r-understood": understood, "r-validated": validated, "r-cared": cared, "r-note": note}


def start_path(couple: Couple, proposer: User, accepter: User, key: str = "both-true") -> PathRun:
    run = services.propose(couple, proposer, accepter, Path.objects.get(key=key))
    return services.accept(run, accepter)


def current_week(run: PathRun) -> RunWeek:
    return RunWeek.objects.get(run=run, status=RunWeek.Status.CURRENT)


def open_just_us(couple: Couple, *users: User) -> None:
    for user in users:
        just_us.opt_in(couple, user)


class PathTestCase(ApiTestCase):
    """ana & ben, cora & dev and eli, with the clock held at START (move it with `later`)."""

    def setUp(self) -> None:
        self.traveller = time_machine.travel(START, tick=False)
        self.clock = self.traveller.start()
        self.addCleanup(self.traveller.stop)

    def later(self, **delta: float) -> None:
        self.clock.shift(timedelta(**delta))

    def page(self, user: User, htmx: bool = False) -> Client:
        client = self.client_for(user)
        if htmx:
            client.defaults["HTTP_HX_REQUEST"] = "true"
        return client

    def on_path(self, key: str = "both-true") -> PathRun:
        return start_path(self.couple, self.ana, self.ben, key)

    def week_view(self, run: PathRun, user: User) -> selectors.WeekView:
        return selectors.one_week(current_week(run), user)
