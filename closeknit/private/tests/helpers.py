import re

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.private import services
from closeknit.private.models import Item


def open_list(couple: Couple, *users: User) -> None:
    for user in users:
        services.opt_in(couple, user)


def answer(couple: Couple, user: User, **answers: str) -> None:
    """answer(couple, ana, **{"affection-001": "yes"})"""
    for key, choice in answers.items():
        services.answer(couple, user, Item.objects.get(key=key), choice)


def strip_tokens(content: bytes) -> bytes:
    """A page without its per-request CSRF tokens and form keys, to compare two renderings."""
    content = re.sub(rb'name="_once" value="[^"]+"', b"", content)
    return re.sub(rb'(value=|X-CSRFToken": )"[A-Za-z0-9]{64}"', b"", content)
