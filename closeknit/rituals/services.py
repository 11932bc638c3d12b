"""Writes for rituals; one verb each. Refusals are `closeknit.lib.errors` kinds."""

from datetime import date, timedelta
from uuid import UUID

from django.db import IntegrityError, transaction

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.lib import rules
from closeknit.lib.errors import Invalid, NotFound
from closeknit.rituals.models import DESCRIPTION_MAX, TITLE_MAX, CoupleRitual, Ritual, RitualMark

# Ritual days can be marked a little after the fact, never ahead of time.
MARK_DAYS_BACK = 14


def add_ritual(
    couple: Couple,
    user: User,
    *,
    suggestion: UUID | None = None,
    title: str = "",
    when: str = "",
    description: str = "",
) -> CoupleRitual:
    """Choose a suggested ritual (by its id), or add one of the couple's own (a title)."""
    if suggestion is None:
        return add_own_ritual(couple, user, title=title, when=when, description=description)
    found = Ritual.objects.filter(pk=suggestion).first()
    if found is None:
        raise NotFound("There's no such suggestion.", field="suggestion")
    return choose_ritual(couple, user, found)


def choose_ritual(couple: Couple, user: User, ritual: Ritual) -> CoupleRitual:
    """Add a suggested ritual (its wording copied, so the couple can make it theirs)."""
    existing = CoupleRitual.objects.filter(couple=couple, source=ritual).first()
    if existing:
        return existing
    return CoupleRitual.objects.create(
        couple=couple,
        source=ritual,
        title=ritual.title,
        description=ritual.description,
        when=ritual.when,
        added_by=user,
    )


def add_own_ritual(
    couple: Couple, user: User, *, title: str, description: str = "", when: str = ""
) -> CoupleRitual:
    required = "Give your ritual a title, or choose a suggestion."
    title = rules.text(title, field="title", max_length=TITLE_MAX, required=required)
    when = rules.text(when, field="when", max_length=TITLE_MAX)
    description = rules.text(description, field="description", max_length=DESCRIPTION_MAX)
    return CoupleRitual.objects.create(
        couple=couple, title=title, description=description, when=when, added_by=user
    )


def remove_ritual(ritual: CoupleRitual) -> None:
    ritual.delete()


def set_ritual_done(
    couple: Couple, ritual: CoupleRitual, user: User, day: date, done: bool
) -> None:
    """Mark (or unmark) a ritual as done on a day of the couple's shared calendar.

    The mark is the couple's (done together); "today" is the marker's own, so a
    partner whose evening is already the other's tomorrow marks their own day.
    """
    today = user.today()
    if not today - timedelta(days=MARK_DAYS_BACK) <= day <= today:
        raise Invalid("Mark a day from the last two weeks, up to today.", field="day")
    if not done:
        RitualMark.objects.filter(ritual=ritual, day=day).delete()
        return
    try:
        with transaction.atomic():
            RitualMark.objects.create(couple=couple, ritual=ritual, day=day, marked_by=user)
    except IntegrityError:
        pass  # the partner marked it a moment ago: done is done
