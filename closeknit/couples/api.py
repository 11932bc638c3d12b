from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status
from ninja.errors import HttpError

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.couples import invites
from closeknit.couples.invites import PairingError
from closeknit.couples.schemas import (
    AcceptIn,
    CoupleOut,
    InviteOut,
    couple_out,
)

router = Router(tags=["couple"])


@router.get("/couple", response={200: CoupleOut, 403: ErrorOut})
def my_couple(request: HttpRequest) -> CoupleOut:
    couple, partner = api_couple(request)
    return couple_out(couple, str(partner))


@router.delete("/couple", response={204: None, 403: ErrorOut})
def unpair(request: HttpRequest) -> Status[None]:
    api_couple(request)
    invites.unpair(api_user(request))
    return Status(204, None)


@router.post("/invites", response={201: InviteOut, 409: ErrorOut, 429: ErrorOut})
def create_invite(request: HttpRequest) -> Status[InviteOut]:
    try:
        invite = invites.create_invite(api_user(request))
    except PairingError as exc:
        raise HttpError(409, str(exc)) from exc
    link = settings.SITE_URL + reverse("accept_invite", args=[invite.token])
    return Status(
        201, InviteOut(code=invite.display_code, link=link, expires_at=invite.expires_at)
    )


@router.post(
    "/invites/accept", response={200: CoupleOut, 400: ErrorOut, 409: ErrorOut, 429: ErrorOut}
)
def accept_invite(request: HttpRequest, data: AcceptIn) -> CoupleOut:
    if not (data.code or data.token):
        raise HttpError(400, "Send the invite's code or its link token.")
    user = api_user(request)
    try:
        invite = invites.find_invite_for(user, token=data.token, code=data.code)
        couple = invites.accept_invite(invite, user)
    except PairingError as exc:
        raise HttpError(409, str(exc)) from exc
    return couple_out(couple, str(invite.inviter))
