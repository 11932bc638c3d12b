"""schemathesis against /api/v1/openapi.json: no server error, no response that breaks the schema.

Every operation is called in-process (WSGI) with generated input, as a paired
partner of the demo couple (so lists and details have something in them) and
as someone who is not paired. A failure names the operation and the input.
"""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from closeknit.accounts.tokens import create_token
from closeknit.couples.demo import create_demo_couple
from closeknit.test import make_user
from closeknit.wsgi import application
from tests.trust import world

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
# 10-20 generated calls per operation and persona keep the whole file near half a minute.
PAIRED = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same inputs on every run: CI fails or passes, never flickers
)
UNPAIRED = settings(PAIRED, max_examples=3)


@pytest.fixture(scope="module")
def tokens(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, str]]:
    with django_db_blocker.unblock(), transaction.atomic():
        _, ana, _ = create_demo_couple()
        eli = make_user("eli")
        yield {
            "paired": create_token(ana, "schemathesis")[1],
            "unpaired": create_token(eli, "s")[1],
        }
        transaction.set_rollback(True)


# Loaded at collection, from the app itself (schemathesis' lazy fixture loader does not
# work with pytest 9 yet); fetching the document needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# Explicit examples and random fuzzing; the exhaustive boundary ("coverage") phase would
# triple the run for little more than the fuzzing finds here.
schema.config.phases.update(phases=["examples", "fuzzing"])


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Requests end by closing old connections, which would close the test's transaction.

    Django's own test client switches that off while it calls the app; the WSGI
    client schemathesis uses does not, so it is switched off here.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(case: Any, token: str) -> None:
    cache.clear()  # rate limits count per call here, or a long run would meet them
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)


@schema.parametrize()
@PAIRED
def test_the_api_keeps_its_promises_to_a_paired_partner(case: Any, tokens: dict[str, str]) -> None:
    call(case, tokens["paired"])


@schema.parametrize()
@UNPAIRED
def test_the_api_keeps_its_promises_to_someone_not_paired(
    case: Any, tokens: dict[str, str]
) -> None:
    call(case, tokens["unpaired"])


def test_every_api_schema_has_its_own_name() -> None:
    """django-ninja files schemas by class name: two apps' `RatingIn` would overwrite each other.

    The OpenAPI document would then describe one app's body for the other's
    operation (and clients generated from it would send the wrong thing).
    """
    from ninja import Schema

    import closeknit.api_root  # noqa: F401 (every router, so every schema, is imported)

    seen: dict[str, dict[str, Any]] = {}
    clashes = []
    for cls in _subclasses(Schema):
        if not cls.__module__.startswith("closeknit."):
            continue
        shape = cls.model_json_schema()
        shape.pop("title", None)
        if cls.__name__ in seen and seen[cls.__name__]["shape"] != shape:
            clashes.append(f"{cls.__name__}: {seen[cls.__name__]['module']} and {cls.__module__}")
        seen.setdefault(cls.__name__, {"shape": shape, "module": cls.__module__})
    assert not clashes, "rename one of each pair:\n" + "\n".join(clashes)
    assert world.openapi()["components"]["schemas"]


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def with_nul(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: with_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_nul(v) for v in value]
    if isinstance(value, str) and not _looks_formatted(value):
        return value + "\x00"
    return value


def _looks_formatted(value: str) -> bool:
    """Dates, times and identifiers keep their form (only free text gets the NUL)."""
    return value[:1].isdigit() or value in {"yes", "no", "maybe"}


def test_text_with_a_nul_is_refused_not_a_server_error(tokens: dict[str, str]) -> None:
    doc = world.openapi()
    crashed = []
    for op in world.discover_operations(doc):
        if op.method not in ("post", "put", "patch") or not op.body or op.params:
            continue
        plain = world.example(op.body, doc)
        if send(op, plain, tokens) >= 500:
            continue  # broken without a NUL too: the schemathesis tests above report it
        if send(op, with_nul(plain), tokens) >= 500:
            crashed.append(op.id)
    assert not crashed, crashed


def send(op: world.Operation, body: Any, tokens: dict[str, str]) -> int:
    from django.test import Client

    cache.clear()
    client = Client(raise_request_exception=False)
    response = getattr(client, op.method)(
        op.path,
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {tokens['paired']}"},
    )
    return int(response.status_code)
