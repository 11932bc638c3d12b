from typing import Any

from django.test import Client

from closeknit.accounts.models import User
from closeknit.accounts.tokens import create_token
from closeknit.test import BaseTestCase


class ApiTestCase(BaseTestCase):
    """Calls the API the way a mobile client does: a bearer token, JSON bodies."""

    def token_for(self, user: User) -> str:
        return create_token(user, "tests")[1]

    def api(self, method: str, path: str, user: User | None, body: Any = None) -> Any:
        headers = {"Authorization": f"Bearer {self.token_for(user)}"} if user else {}
        return getattr(Client(), method)(
            f"/api/v1{path}", data=body, content_type="application/json", headers=headers
        )
