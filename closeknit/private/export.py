"""The list's section of a person's export: their own answers, and of the partner only
what the mutual-only rule shows (through the same selector as the pages)."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.private import selectors
from closeknit.private.models import Item


def section(user: User, couple: Couple) -> dict[str, Any]:
    mine = selectors.my_answers(couple, user)
    texts = {item.pk: item for item in Item.objects.filter(pk__in=mine)}
    view = selectors.together(couple, user)
    return {
        "turned_on_by_me": selectors.has_opted_in(couple, user),
        "my_answers": [
            {"item": texts[pk].text, "answer": choice}
            for pk, choice in sorted(mine.items(), key=lambda kv: texts[kv[0]].position)
        ],
        "in_common": [item.text for item in view.mutual] if view else [],
        "try_next": [t.item.text for t in view.try_next] if view else [],
        "tried_together": [t.item.text for t in view.tried] if view else [],
    }
