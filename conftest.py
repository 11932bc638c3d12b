"""Project-wide test set-up."""

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _product_content(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests get the product's content back before they start.

    Tests that use threads, other processes or the live server run outside a
    rolled-back transaction, and the database is emptied after each of them;
    the prompts, ideas and items come from data migrations, so they are loaded
    again here through each feature's `content` hook.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        from django.apps import apps

        from closeknit.lib.features import hooks

        for _, module in hooks("content"):
            module.load(apps)
    yield


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache: no cached home cards or rate-limit counts."""
    from django.core.cache import cache

    cache.clear()
    yield
