"""Once is once: a repeated submission (double tap, Back then Send, an API retry) runs once."""

import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.test import Client, TransactionTestCase
from django.urls import reverse

from closeknit.accounts.models import ApiToken
from closeknit.api.tests.base import ApiTestCase
from closeknit.appreciate.models import Appreciation, JournalEntry
from closeknit.dates.models import DatePlan
from closeknit.dreams.models import Dream
from closeknit.lib.once import FIELD
from closeknit.nudges.models import Notification
from closeknit.talk import prompts
from closeknit.talk.models import Answer
from closeknit.test import BaseTestCase, make_couple

APPRECIATION = {"did": "You fixed the tap.", "felt": "Relieved.", "shows": "You're thoughtful."}


def page_key(client: Client, url: str) -> str:
    """The form key of the page as the browser got it."""
    found = re.search(rf'name="{FIELD}" value="([^"]+)"', client.get(url).content.decode())
    assert found is not None, f"no form key on {url}"
    return found.group(1)


class PageFormsTestCase(BaseTestCase):
    def setUp(self) -> None:
        cache.clear()

    def twice(self, url: str, form_url: str, data: dict[str, str]) -> tuple[object, object]:
        ana = self.client_for(self.ana)
        data = {**data, FIELD: page_key(ana, form_url)}
        return ana.post(url, data), ana.post(url, data)

    def test_a_double_tap_sends_one_appreciation_and_one_notice(self) -> None:
        url = reverse("appreciate:new")
        first, second = self.twice(url, url, APPRECIATION)
        self.assertEqual(Appreciation.objects.count(), 1)
        self.assertEqual(Notification.objects.filter(recipient=self.ben).count(), 1)
        self.assertEqual(first["Location"], second["Location"])  # type: ignore[index]
        self.assertEqual(second["Idempotent-Replay"], "true")  # type: ignore[index]

    def test_each_create_form_repeated_creates_once(self) -> None:
        question = prompts.todays_question(self.couple)
        cases = [
            (
                reverse("appreciate:journal"),
                reverse("appreciate:journal"),
                {"text": "Grateful."},
                JournalEntry,
            ),
            (
                reverse("dreams:new"),
                reverse("dreams:new"),
                {"title": "Sail", "kind": "dream", "visibility": "shared"},
                Dream,
            ),
            (
                reverse("talk:answer", args=[question.pk]),
                reverse("talk:index"),
                {"answer-text": "The sea."},
                Answer,
            ),
            (
                reverse("dates:propose"),
                reverse("dates:propose"),
                {
                    "title": "Picnic",
                    "starts_at": "2031-06-14T19:30",
                    "duration": "120",
                    "planner": "both",
                },
                DatePlan,
            ),
        ]
        for url, form_url, data, model in cases:
            with self.subTest(url=url):
                before = model._default_manager.count()
                self.twice(url, form_url, data)
                self.assertEqual(model._default_manager.count(), before + 1)

    def test_back_then_send_returns_the_first_result(self) -> None:
        ana = self.client_for(self.ana)
        url = reverse("appreciate:new")
        key = page_key(ana, url)  # the page the browser goes Back to
        first = ana.post(url, {**APPRECIATION, FIELD: key})
        ana.get(first["Location"])
        again = ana.post(url, {**APPRECIATION, FIELD: key})
        self.assertEqual(again.status_code, 302)
        self.assertEqual(Appreciation.objects.count(), 1)

    def test_a_new_page_is_a_new_submission(self) -> None:
        ana = self.client_for(self.ana)
        url = reverse("appreciate:new")
        ana.post(url, {**APPRECIATION, FIELD: page_key(ana, url)})
        ana.post(url, {**APPRECIATION, FIELD: page_key(ana, url)})
        self.assertEqual(Appreciation.objects.count(), 2)

    def test_the_key_is_the_senders_own(self) -> None:
        url = reverse("appreciate:new")
        key = page_key(self.client_for(self.ana), url)
        self.client_for(self.ana).post(url, {**APPRECIATION, FIELD: key})
        r = self.client_for(self.cora).post(url, {**APPRECIATION, FIELD: key})
        self.assertEqual(r.status_code, 302)
        self.assertEqual(Appreciation.objects.filter(author=self.cora).count(), 1)

    def test_a_refused_form_is_answered_the_same_again(self) -> None:
        url = reverse("appreciate:new")
        first, second = self.twice(url, url, {"did": "", "felt": "", "shows": ""})
        self.assertEqual(first.status_code, second.status_code)  # type: ignore[attr-defined]
        self.assertFalse(Appreciation.objects.exists())


class ApiTestCaseOnce(ApiTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.token = self.token_for(self.ana)

    def send(self, path: str, body: Mapping[str, object], key: str) -> Any:
        headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": key}
        return Client().post(
            f"/api/v1{path}", data=body, content_type="application/json", headers=headers
        )

    def test_a_retried_create_returns_the_first_result(self) -> None:
        first = self.send("/appreciate/appreciations", APPRECIATION, "k-1")
        second = self.send("/appreciate/appreciations", APPRECIATION, "k-1")
        self.assertEqual(first.status_code, 201)
        self.assertEqual(second.json(), first.json())
        self.assertEqual(Appreciation.objects.count(), 1)
        self.assertEqual(Notification.objects.filter(recipient=self.ben).count(), 1)

    def test_each_api_create_retried_creates_once(self) -> None:
        cases = [
            ("/appreciate/journal", {"text": "Grateful."}, JournalEntry),
            ("/dreams", {"title": "Sail", "visibility": "shared"}, Dream),
            (
                "/dates/plans",
                {"title": "Picnic", "starts_at": "2031-06-14T19:30:00+01:00"},
                DatePlan,
            ),
        ]
        for path, body, model in cases:
            with self.subTest(path=path):
                before = model._default_manager.count()
                codes = {self.send(path, body, f"key-{path}").status_code for _ in range(2)}
                self.assertEqual(model._default_manager.count(), before + 1, codes)

    def test_an_api_token_is_made_once(self) -> None:
        body = {"email": "ben@example.org", "password": "password-for-tests"}
        headers = {"Idempotency-Key": "token-1"}
        client = Client()
        first = client.post(
            "/api/v1/tokens", body, content_type="application/json", headers=headers
        )
        # Signed out, the key has no owner to be kept under: each call is its own.
        self.assertEqual(first.status_code, 201)
        self.assertEqual(ApiToken.objects.filter(user=self.ben).count(), 1)

    def test_the_same_key_for_another_request_is_refused(self) -> None:
        self.send("/appreciate/journal", {"text": "One."}, "k-2")
        r = self.send("/appreciate/journal", {"text": "Two."}, "k-2")
        self.assertEqual(r.status_code, 422)
        self.assertEqual(r.json()["code"], "invalid")
        self.assertEqual(JournalEntry.objects.count(), 1)


class SimultaneousTestCase(TransactionTestCase):
    """Two taps at once: the second waits for the first and gets its answer."""

    def test_two_at_once_create_one(self) -> None:
        ana, _, _ = make_couple("ana", "ben")
        clients = [Client(), Client()]
        for client in clients:
            client.force_login(ana)
        data = {**APPRECIATION, FIELD: "same-page-key"}
        codes: list[int] = []

        def tap(client: Client) -> None:
            codes.append(client.post(reverse("appreciate:new"), data).status_code)
            connection.close()

        threads = [threading.Thread(target=tap, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(codes, [302, 302])
        self.assertEqual(Appreciation.objects.count(), 1)


def test_every_post_form_carries_a_key() -> None:
    """A form without {% once %} would create twice on a double tap."""
    root = Path(__file__).resolve().parents[2]
    missing = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text()
        if text.count("{% csrf_token %}") != text.count("{% csrf_token %}{% once %}"):
            missing.append(str(template.relative_to(root)))
    assert not missing, f"POST forms without {{% once %}}: {missing}"
