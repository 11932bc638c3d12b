"""What the intentions API reads and returns: its request and response schemas."""

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Schema

from closeknit.api.auth import viewer
from closeknit.intentions.models import Intention


class IntentionIn(Schema):
    want: str
    willing: str


class IntentionOut(Schema):
    id: UUID
    mine: bool
    author: str
    want: str
    willing: str
    created: datetime
    reviewed_at: datetime | None

    @staticmethod
    def resolve_mine(intention: Intention, context: dict[str, Any]) -> bool:
        return intention.author_id == viewer(context)

    @staticmethod
    def resolve_author(intention: Intention) -> str:
        return str(intention.author)


class IntentionsOut(Schema):
    mine: IntentionOut | None
    theirs: IntentionOut | None
    history: list[IntentionOut]
