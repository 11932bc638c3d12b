"""The personas of the trust tests: ana & ben, cora & dev (who own one of everything), eli."""

import time
from dataclasses import dataclass, field
from typing import Any

from django.test import Client

from closeknit.accounts.models import User
from closeknit.accounts.tokens import create_token
from closeknit.couples.models import Couple
from closeknit.test import make_couple, make_user
from tests.trust import world


@dataclass
class Personas:
    ana: User
    ben: User
    couple: Couple
    cora: User
    dev: User
    other_couple: Couple
    eli: User
    theirs: world.Built  # one object of every model, owned by cora & dev
    tokens: dict[str, str] = field(default_factory=dict)

    def user(self, name: str) -> User:
        return getattr(self, name)  # type: ignore[no-any-return]

    def page_client(self, name: str) -> Client:
        """Signed in, and recently re-authenticated: allauth's account pages then
        look their objects up instead of asking for the password first."""
        client = Client()
        user = self.user(name)
        client.force_login(user)
        session = client.session
        session["account_authentication_methods_user"] = str(user.pk)
        session["account_authentication_methods"] = [
            {"method": "password", "at": time.time(), "reauthenticated": True}
        ]
        session.save()
        return client

    def api(self, name: str, method: str, path: str, body: Any = None) -> Any:
        """Call the API as a mobile client does: a bearer token and a JSON body."""
        headers = {"Authorization": f"Bearer {self.tokens[name]}"}
        kwargs: dict[str, Any] = {"headers": headers}
        if body is not None:
            kwargs.update(data=body, content_type="application/json")
        return getattr(Client(), method.lower())(path, **kwargs)


THEIR_MARKER = "zqtheirs"


def make_personas() -> Personas:
    ana, ben, couple = make_couple("ana", "ben")
    cora, dev, other = make_couple("cora", "dev")
    eli = make_user("eli")
    theirs = world.build_world(other, (cora, dev), THEIR_MARKER)
    people = Personas(ana, ben, couple, cora, dev, other, eli, theirs)
    for name in ("ana", "ben", "cora", "dev", "eli"):
        people.tokens[name] = create_token(people.user(name), "trust tests")[1]
    return people
