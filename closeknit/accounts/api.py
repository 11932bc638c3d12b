from django.http import HttpRequest
from ninja import Router, Status

from closeknit.accounts.schemas import (
    MeOut,
    TokenIn,
    TokenOut,
    TokenRefusedOut,
)
from closeknit.accounts.tokens import TokenRefused, token_for_credentials
from closeknit.api.auth import api_user, limit
from closeknit.api.errors import ErrorOut
from closeknit.couples.access import couple_and_partner
from closeknit.couples.schemas import couple_out

router = Router(tags=["account"])


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> MeOut:
    user = api_user(request)
    found = couple_and_partner(user)
    couple = couple_out(found[0], str(found[1])) if found else None
    return MeOut(
        id=user.id, email=user.email, name=user.display_name, timezone=user.timezone, couple=couple
    )


@router.post("/tokens", auth=None, response={201: TokenOut, 401: TokenRefusedOut, 429: ErrorOut})
def obtain_token(request: HttpRequest, data: TokenIn) -> Status[TokenOut | TokenRefusedOut]:
    """Trade an e-mail, password and (with two-factor on) a code for an API token.

    The token is shown once; keep it safe. An account whose only second factor
    is a passkey creates tokens in Settings instead.
    """
    limit(request, "tokens", "10/m")
    try:
        raw = token_for_credentials(request, data.email, data.password, data.code, data.name)
    except TokenRefused as refused:
        return Status(401, TokenRefusedOut(detail=str(refused), reason=refused.reason))
    return Status(201, TokenOut(token=raw))
