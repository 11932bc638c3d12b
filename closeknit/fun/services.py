"""Writes for shows and the jokes jar; one verb each. Refusals are `closeknit.lib.errors` kinds."""

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.fun.models import JOKE_MAX, TITLE_MAX, InsideJoke, Show
from closeknit.lib import ratelimit, rules


def add_show(couple: Couple, user: User, title: str, status: str = Show.Status.WANT) -> Show:
    title = rules.text(
        title, field="title", max_length=TITLE_MAX, required="Name the show or film."
    )
    return Show.objects.create(couple=couple, title=title, status=_status(status), added_by=user)


def set_show_status(show: Show, status: str) -> None:
    show.status = _status(status)
    show.updated = timezone.now()
    show.save(update_fields=["status", "updated"])


def _status(status: str) -> str:
    message = "Choose want to watch, watching or watched."
    return rules.choice(status, Show.Status.values, field="status", message=message)


def remove_show(show: Show) -> None:
    show.delete()


def add_joke(couple: Couple, user: User, text: str) -> InsideJoke:
    ratelimit.check(user, "jokes")
    text = rules.text(text, field="text", max_length=JOKE_MAX, required="Write the line first.")
    return InsideJoke.objects.create(couple=couple, text=text, added_by=user)


def remove_joke(joke: InsideJoke) -> None:
    joke.delete()
