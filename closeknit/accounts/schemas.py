"""What the accounts API reads and returns: its request and response schemas."""

from uuid import UUID

from ninja import Field, Schema

from closeknit.couples.schemas import CoupleOut


class MeOut(Schema):
    id: UUID
    email: str
    name: str
    timezone: str
    couple: CoupleOut | None


class TokenIn(Schema):
    email: str
    password: str
    code: str = Field(
        "", description="With two-factor turned on: the authenticator code or a recovery code."
    )
    name: str = "API client"


class TokenRefusedOut(Schema):
    detail: str
    reason: str = Field(
        description="invalid_credentials, second_factor_required, invalid_second_factor "
        "or passkey_only"
    )


class TokenOut(Schema):
    token: str
