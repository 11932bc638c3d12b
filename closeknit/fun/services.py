"""Writes for shows and the jokes jar; one verb each."""

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.fun.models import InsideJoke, Show


class FunError(Exception):
    """Something a person can fix or understand; the message says what."""


def add_show(couple: Couple, user: User, title: str, status: str = Show.Status.WANT) -> Show:
    return Show.objects.create(couple=couple, title=title, status=status, added_by=user)


def set_show_status(show: Show, status: str) -> None:
    if status not in Show.Status.values:
        raise FunError("Choose want to watch, watching or watched.")
    show.status = status
    show.updated = timezone.now()
    show.save(update_fields=["status", "updated"])


def remove_show(show: Show) -> None:
    show.delete()


def add_joke(couple: Couple, user: User, text: str) -> InsideJoke:
    return InsideJoke.objects.create(couple=couple, text=text, added_by=user)


def remove_joke(joke: InsideJoke) -> None:
    joke.delete()
