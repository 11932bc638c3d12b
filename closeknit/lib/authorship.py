"""Authorship decides deletion: what a person wrote goes with them; what others wrote stays.

Every model that holds someone's words names the link to its writer with a
class attribute, `AUTHOR = "author"` (or "added_by", "supporter"...). When a
person deletes a thing of theirs, or their account, each row they wrote is
deleted, unless another person's words hang from it (the partner's pledge on
a dream, their rating of a date, their side of a "both true"). Such a row
stays so those words keep their place, but emptied of the writer's words and
with no writer: the partner sees that it was removed, and their own words.

Rows without an `AUTHOR` that hang from a written row (a dream's milestones,
a talk's shared notes) count as written by the same person.
"""

from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models import ForeignObjectRel


def author_of(model: type[models.Model]) -> str | None:
    return getattr(model, "AUTHOR", None)


def written_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if author_of(m)]


@transaction.atomic
def forget_everything_by(user: Any) -> None:
    """Every row `user` wrote, in every app, as `forget` does for one."""
    for model in written_models():
        author = author_of(model) or ""
        for row in model._default_manager.filter(**{author: user}):
            if model._default_manager.filter(pk=row.pk).exists():  # not gone with a parent
                forget(row, user)


@transaction.atomic
def forget(row: models.Model, user: Any) -> bool:
    """Delete what `user` wrote in `row`; True when the row itself is gone.

    >>> forget(dream_with_a_pledge_from_the_partner, dreamer)  # doctest: +SKIP
    False
    """
    for child in list(_children(row)):
        if author_of(type(child)) is None:
            forget(child, user)
    if _others_hang_from(row, user):
        _empty(row)
        return False
    row.delete()
    return True


def _children(row: models.Model) -> Iterator[models.Model]:
    """Rows that point at `row` through a foreign key or one-to-one link."""
    # Hidden ones too: most of our links have no reverse name (related_name="+").
    for relation in row._meta.get_fields(include_hidden=True):
        if not isinstance(relation, ForeignObjectRel) or relation.many_to_many:
            continue
        related = relation.related_model
        if not isinstance(related, type) or (related is type(row) and relation.field.name == "pk"):
            continue
        yield from related._default_manager.filter(**{relation.field.name: row})


def _others_hang_from(row: models.Model, user: Any) -> bool:
    """Whether another person's words hang from `row` (marks and scores are not words)."""
    for child in _children(row):
        author = author_of(type(child))
        if author is None:
            return True  # kept by its own forget(): someone else's words hang from it
        if getattr(child, f"{author}_id") != user.pk and word_fields(type(child)):
            return True
    return False


def word_fields(model: type[models.Model]) -> list[str]:
    """Free text a person wrote: text fields that are not a choice, a key or a name of a kind."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.TextField | models.CharField)
        and not f.choices
        and not f.unique
        and not f.primary_key
    ]


def _empty(row: models.Model) -> None:
    """Keep the row for what hangs from it, with none of its writer's words and no writer."""
    fields = word_fields(type(row))
    for name in fields:
        setattr(row, name, "")
    author = author_of(type(row))
    if author is not None:
        setattr(row, author, None)
        fields.append(author)
    row.save(update_fields=fields)
