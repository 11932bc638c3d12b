from datetime import timedelta

import time_machine
from allauth.usersessions.models import UserSession
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.devices import device_name, public_id
from closeknit.test import PASSWORD, BaseTestCase

PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


class DevicesTestCase(BaseTestCase):
    def setUp(self) -> None:
        cache.clear()

    def sign_in(self, email: str, user_agent: str) -> Client:
        client = Client(HTTP_USER_AGENT=user_agent)
        client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
        return client

    def test_it_lists_each_signed_in_browser_by_name(self) -> None:
        laptop = self.sign_in("ana@example.org", LAPTOP)
        self.sign_in("ana@example.org", PHONE)
        r = laptop.get(reverse("tokens"))
        self.assertContains(r, "Firefox on Linux")
        self.assertContains(r, "Mobile Safari on iOS")
        self.assertContains(r, "this device", count=1)
        self.assertNotContains(r, "cora")

    def test_allauths_sessions_page_names_browsers_too(self) -> None:
        laptop = self.sign_in("ana@example.org", LAPTOP)
        r = laptop.get(reverse("usersessions_list"))
        self.assertContains(r, '<h2 class="session-device">Firefox on Linux</h2>', html=True)
        self.assertNotContains(r, "Gecko/20100101")

    def test_it_signs_another_device_out(self) -> None:
        laptop = self.sign_in("ana@example.org", LAPTOP)
        phone = self.sign_in("ana@example.org", PHONE)
        session = UserSession.objects.get(user=self.ana, user_agent=PHONE)
        r = laptop.post(reverse("end_device", args=[public_id(session)]))
        self.assertRedirects(r, reverse("tokens"))
        self.assertEqual(phone.get(reverse("settings")).status_code, 302)  # to the login page
        self.assertEqual(laptop.get(reverse("settings")).status_code, 200)
        self.assertFalse(UserSession.objects.filter(pk=session.pk).exists())

    def test_it_cannot_sign_out_someone_elses_device(self) -> None:
        self.sign_in("cora@example.org", PHONE)
        laptop = self.sign_in("ana@example.org", LAPTOP)
        cora_session = UserSession.objects.get(user=self.cora)
        r = laptop.post(reverse("end_device", args=[public_id(cora_session)]))
        self.assertEqual(r.status_code, 404)
        self.assertTrue(UserSession.objects.filter(pk=cora_session.pk).exists())

    def test_last_seen_follows_use_at_most_every_few_minutes(self) -> None:
        laptop = self.sign_in("ana@example.org", LAPTOP)
        start = timezone.now()

        def last_seen() -> object:
            return laptop.get(reverse("tokens")).context["devices"][0].last_seen

        with time_machine.travel(start + timedelta(minutes=2), tick=False):
            first = last_seen()
        with time_machine.travel(start + timedelta(minutes=4), tick=False):
            self.assertEqual(last_seen(), first)  # within five minutes: not noted again
        with time_machine.travel(start + timedelta(minutes=8), tick=False):
            self.assertEqual(last_seen(), start + timedelta(minutes=8))

    def test_a_page_view_writes_nothing_to_the_database(self) -> None:
        laptop = self.sign_in("ana@example.org", LAPTOP)
        laptop.get(reverse("settings"))
        with CaptureQueriesContext(connection) as queries:
            laptop.get(reverse("settings"))
        writes = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith("SELECT")]
        self.assertEqual(writes, [])

    def test_an_unknown_browser_has_a_plain_name(self) -> None:
        self.assertEqual(device_name(""), "A browser or app")
        self.assertEqual(device_name(LAPTOP), "Firefox on Linux")
