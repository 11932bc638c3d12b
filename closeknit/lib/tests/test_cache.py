"""The Redis cache backend reuses one client per pool, and still reads and writes.

Redis runs on every developer and CI machine (see the README).
"""

import os
import uuid
from collections.abc import Iterator

import pytest

from closeknit.lib.cache import RedisCache

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache() -> Iterator[RedisCache]:
    backend = RedisCache(REDIS, {"KEY_PREFIX": f"cache-test-{uuid.uuid4().hex}"})
    yield backend
    backend.delete_many(["page", "a", "b"])


def test_one_client_serves_every_call_on_the_same_pool(redis_cache: RedisCache) -> None:
    clients = getattr(redis_cache, "_cache")  # noqa: B009 (private in django-stubs)
    client = clients.get_client()
    assert clients.get_client() is client
    assert clients.get_client(write=True) is clients.get_client(write=True)


def test_values_round_trip_through_the_reused_client(redis_cache: RedisCache) -> None:
    redis_cache.set("page", {"body": "<p>hi</p>"}, 60)
    redis_cache.set_many({"a": "1", "b": "2"})
    assert redis_cache.get("page") == {"body": "<p>hi</p>"}
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": "1", "b": "2"}
