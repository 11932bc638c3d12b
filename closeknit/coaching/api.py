"""POST /api/v1/coach: the listening coach for signed-in users.

The schemas of the coach's feedback (`FeedbackOut`, in `schemas.py`) serve the
operations of other apps that show it too (the dreams' celebration coach).
"""

from django.http import HttpRequest
from ninja import Router

from closeknit.api.auth import api_user
from closeknit.api.errors import ERRORS
from closeknit.coaching.feedback import analysis
from closeknit.coaching.schemas import (
    CoachIn,
    CoachOut,
)
from closeknit.couples import homecache

router = Router(tags=["coach"])


@router.post("/coach", response={200: CoachOut, **ERRORS})
def coach(request: HttpRequest, data: CoachIn) -> CoachOut:
    """Read a reply before it is sent. Nothing is stored: the answer is for the writer alone."""
    homecache.changes_nothing(request)
    return CoachOut(id=data.id, **vars(analysis(api_user(request), data.text, data.context)))
