"""Intentions for API clients: declarations over the pages' selectors and services.

The API root serves this router under /api/v1/checkin/, where intentions were
published before they had their own app.
"""

from django.http import HttpRequest
from ninja import Router, Status

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.intentions import selectors, services
from closeknit.intentions.models import Intention
from closeknit.intentions.schemas import (
    IntentionIn,
    IntentionOut,
    IntentionsOut,
)
from closeknit.intentions.selectors import Intentions

router = Router()


@router.get("/intentions", response={200: IntentionsOut, **ERRORS})
def get_intentions(request: HttpRequest) -> Intentions:
    """Both partners' current intentions (shared) and the history, newest first."""
    couple, _ = api_couple(request)
    return selectors.intentions(couple, api_user(request))


@router.post("/intentions", response={201: IntentionOut, **ERRORS})
def create_intention(request: HttpRequest, data: IntentionIn) -> Status[Intention]:
    """Write a new version of your intentions (earlier ones stay in the history)."""
    couple, _ = api_couple(request)
    return Status(201, services.write_intention(couple, api_user(request), **data.dict()))


@router.post("/intentions/still-true", response={200: IntentionOut, **ERRORS})
def confirm_intention(request: HttpRequest) -> Intention:
    """Mark your current intentions as revisited, unchanged."""
    couple, _ = api_couple(request)
    return services.confirm_intention(couple, api_user(request))
