"""What the couples API reads and returns: its request and response schemas."""

from datetime import datetime
from uuid import UUID

from ninja import Schema

from closeknit.couples.models import Couple


class PartnerOut(Schema):
    name: str


class CoupleOut(Schema):
    id: UUID
    created: datetime
    timezone: str
    partner: PartnerOut


class InviteOut(Schema):
    code: str
    link: str
    expires_at: datetime


class AcceptIn(Schema):
    code: str = ""
    token: str = ""


def couple_out(couple: Couple, partner_name: str) -> CoupleOut:
    return CoupleOut(
        id=couple.id,
        created=couple.created,
        timezone=couple.timezone,
        partner=PartnerOut(name=partner_name),
    )
