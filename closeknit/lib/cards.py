"""Home cards, in the order of what needs the person now.

A feature's `home.card(request)` returns its card's HTML, or a `Card` that
also says how much it needs the person today; a card without a say comes
after those that need them. Cards that need the same come in the features'
order (closeknit/lib/features.py).
"""

from collections.abc import Iterable
from enum import IntEnum
from typing import NamedTuple


class Need(IntEnum):
    PARTNER_NEEDS_YOU = 0  # the partner asked for support
    WAITING_FOR_YOU = 1  # something waits for your answer or your turn
    TODAY = 2  # today's question, today's rituals, this week's check-in
    LATER = 3  # where things stand: the next date, the latest appreciation


class Card(NamedTuple):
    html: str
    need: Need = Need.LATER


def in_order(cards: Iterable[str | Card]) -> list[str]:
    """The cards' HTML, most needed first (a stable sort: ties keep their order)."""
    found = [c if isinstance(c, Card) else Card(c) for c in cards]
    return [card.html for card in sorted(found, key=lambda card: card.need)]
