"""Fixtures of the trust tests: the personas and the other couple's world, built once per module.

Building one object of every model takes a few hundred queries, so it happens
once per module inside a transaction that is rolled back at the end; each test
still runs in its own nested transaction (pytest-django's `db`).
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction

from tests.trust.personas import Personas, make_personas


@pytest.fixture(scope="module")
def personas(django_db_setup: None, django_db_blocker: Any) -> Iterator[Personas]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_personas()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Rate limits count per test, so hundreds of requests in one test never hit them."""
    cache.clear()
    yield
    cache.clear()
