"""The API root: every feature's router under its prefix, assembled next to the URL map.

closeknit/api/ keeps what is API-wide (authentication, the error layer,
shared schemas) and imports no feature app, so features can import it
without a cycle (closeknit/api/tests/test_layering.py).
"""

from ninja import NinjaAPI
from ninja.operation import Operation

from closeknit.accounts.api import router as accounts_router
from closeknit.api import errors
from closeknit.api.auth import API_AUTH
from closeknit.api.times import ReaderTimeRenderer
from closeknit.appreciate.api import router as appreciate_router
from closeknit.assessment.api import router as assessment_router
from closeknit.checkin.api import router as checkin_router
from closeknit.coaching.api import router as coach_router
from closeknit.couples.api import router as couples_router
from closeknit.dates.api import router as dates_router
from closeknit.dreams.api import router as dreams_router
from closeknit.fun.api import router as fun_router
from closeknit.intentions.api import router as intentions_router
from closeknit.paths.api import router as paths_router
from closeknit.private.api import router as private_router
from closeknit.rituals.api import router as rituals_router
from closeknit.support.api import router as support_router
from closeknit.talk.api import router as talk_router


class Api(NinjaAPI):
    # Operations keep the ids they were published with when they move to
    # another app: client generators name their methods after them.
    MOVED = {
        "closeknit.private.api": "closeknit.bedroom.api",
        "closeknit.support.api": "closeknit.checkin.api",
        "closeknit.intentions.api": "closeknit.checkin.api",
        "closeknit.rituals.api": "closeknit.dates.api",
        "closeknit.fun.api": "closeknit.dates.api",
        "closeknit.coaching.api": "closeknit.api.coach",
    }

    def get_openapi_operation_id(self, operation: Operation) -> str:
        module = operation.view_func.__module__
        module = self.MOVED.get(module, module)
        return f"{module}_{operation.view_func.__name__}".replace(".", "_")


api = Api(
    title="Closeknit API",
    version="1",
    description="Everything in the Closeknit web app, for mobile and other clients. "
    "Authenticate with `Authorization: Bearer <token>` (create tokens in Settings "
    "or with POST /api/v1/tokens).",
    auth=API_AUTH,
    urls_namespace="api",
    renderer=ReaderTimeRenderer(),  # every moment on the reader's clock, with its offset
)
api.add_router("", accounts_router)
api.add_router("", couples_router)
api.add_router("", coach_router)
api.add_router("/talk", talk_router)
api.add_router("/appreciate", appreciate_router)
api.add_router("/checkin", checkin_router)
# Published under /checkin before the support signal and intentions had their
# own apps; mobile clients call these paths, so they stay.
api.add_router("/checkin", support_router, tags=["checkin"])
api.add_router("/checkin", intentions_router, tags=["checkin"])
api.add_router("/assessment", assessment_router)
api.add_router("/dates", dates_router)
# Published under /dates before rituals and fun had their own apps; mobile
# clients call these paths, so they stay.
api.add_router("/dates", rituals_router, tags=["dates"])
api.add_router("/dates", fun_router, tags=["dates"])
api.add_router("/dreams", dreams_router)
api.add_router("/private", private_router)
api.add_router("/paths", paths_router)


errors.install(api)
