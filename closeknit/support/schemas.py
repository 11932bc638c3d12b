"""What the support API reads and returns: its request and response schemas."""

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Schema

from closeknit.api.auth import viewer
from closeknit.support.models import SupportSignal


class SupportIn(Schema):
    kind: str
    note: str = ""


class SupportAnswerIn(Schema):
    offer: str
    note: str = ""


class SupportOut(Schema):
    id: UUID
    mine: bool
    kind: str
    kind_label: str
    note: str
    created: datetime
    answered_at: datetime | None
    offer: str
    offer_label: str
    answer_note: str
    closed_at: datetime | None

    @staticmethod
    def resolve_mine(signal: SupportSignal, context: dict[str, Any]) -> bool:
        return signal.author_id == viewer(context)

    @staticmethod
    def resolve_kind_label(signal: SupportSignal) -> str:
        return signal.get_kind_display()

    @staticmethod
    def resolve_offer_label(signal: SupportSignal) -> str:
        return signal.get_offer_display() if signal.offer else ""
