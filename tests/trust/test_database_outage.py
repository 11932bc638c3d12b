"""While the database cannot be reached, requests get a 503 to retry, not a 500.

The fault test (make faults) restarts PostgreSQL under load; here the same
moment is reproduced in-process: a view whose database connection is gone.
"""

from collections.abc import Iterator
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from closeknit.lib import middleware
from closeknit.test import make_couple

pytestmark = pytest.mark.django_db

GONE = OperationalError("connection failed: the database system is shutting down")


@pytest.fixture
def client() -> Iterator[Client]:
    ana, _, _ = make_couple("ana", "ben")
    client = Client(raise_request_exception=False)
    client.force_login(ana)
    yield client


def test_it_answers_503_with_retry_after_when_the_database_is_gone(client: Client) -> None:
    with (
        mock.patch("closeknit.couples.views.render", side_effect=GONE),
        mock.patch.object(middleware, "_database_up", return_value=False),
    ):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert "try again" in response.content.decode()


def test_the_api_says_so_in_json(client: Client) -> None:
    with (
        mock.patch("closeknit.couples.api.api_couple", side_effect=GONE),
        mock.patch.object(middleware, "_database_up", return_value=False),
    ):
        response = client.get("/api/v1/couple")
    assert response.status_code == 503
    assert response.json()["detail"].startswith("Closeknit is reconnecting")


def test_other_database_errors_stay_errors(client: Client) -> None:
    """A query that fails on a working connection is a bug to see, not a retry."""
    with mock.patch("closeknit.couples.views.render", side_effect=GONE):
        response = client.get("/")
    assert response.status_code == 500


def test_it_knows_a_working_connection() -> None:
    assert middleware._database_up()
