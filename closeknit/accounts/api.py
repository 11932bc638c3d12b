from uuid import UUID

from django.contrib.auth import authenticate
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from closeknit.accounts.tokens import create_token
from closeknit.api.auth import api_user, limit
from closeknit.couples.access import couple_and_partner
from closeknit.couples.api import CoupleOut, ErrorOut, couple_out

router = Router(tags=["account"])


class MeOut(Schema):
    id: UUID
    email: str
    name: str
    timezone: str
    couple: CoupleOut | None


class TokenIn(Schema):
    email: str
    password: str
    name: str = "API client"


class TokenOut(Schema):
    token: str


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> MeOut:
    user = api_user(request)
    found = couple_and_partner(user)
    couple = couple_out(found[0], str(found[1])) if found else None
    return MeOut(
        id=user.id, email=user.email, name=user.display_name, timezone=user.timezone, couple=couple
    )


@router.post("/tokens", auth=None, response={201: TokenOut, 401: ErrorOut, 429: ErrorOut})
def obtain_token(request: HttpRequest, data: TokenIn) -> Status[TokenOut]:
    """Trade an e-mail and password for an API token (shown once; keep it safe)."""
    limit(request, "tokens", "10/m")
    user = authenticate(request, email=data.email, password=data.password)
    if user is None:
        raise HttpError(401, "That e-mail and password don't match an account.")
    _, raw = create_token(user, data.name[:60])
    return Status(201, TokenOut(token=raw))
