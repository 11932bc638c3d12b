"""What the private API reads and returns: its request and response schemas."""

from typing import Literal
from uuid import UUID

from ninja import Field, Schema

AnswerChoice = Literal["yes", "maybe", "no"]


class StatusOut(Schema):
    turned_on_by_me: bool
    open: bool = Field(description="true once both have turned it on")


class OptOutIn(Schema):
    erase_answers: bool = False


class ItemOut(Schema):
    id: UUID
    key: str
    category: str
    text: str


class MyItemOut(ItemOut):
    mine: AnswerChoice | None = Field(description="your own answer; the partner's is never shown")


class AnswerIn(Schema):
    answer: AnswerChoice | None = Field(description="null clears your answer")


class MutualOut(Schema):
    count: int
    items: list[ItemOut]


class TryNextOut(Schema):
    id: UUID
    item: ItemOut
    tried: bool


class TryNextIn(Schema):
    item: UUID = Field(description="an item you both said yes or maybe to")


class AftercareOut(Schema):
    reminder: UUID | None = Field(description="a reminder to put away, after a close evening")
    items: list[ItemOut] = Field(description="after-care items you both like")
