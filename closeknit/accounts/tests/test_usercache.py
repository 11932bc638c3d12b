import importlib
import uuid

from django.apps import apps
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.accounts.services import delete_account
from closeknit.accounts.usercache import _key, cached_user
from closeknit.test import BaseTestCase


class KeptUserRowTestCase(BaseTestCase):
    """The signed-in person's row comes from the cache, and never outlives a change to it."""

    def signed_in_twice(self) -> tuple[Client, Client]:
        """Ana on two devices, each having visited once (so her row is kept)."""
        phone, laptop = self.client_for(self.ana), self.client_for(self.ana)
        for client in (phone, laptop):
            self.assertEqual(client.get(reverse("settings")).status_code, 200)
        return phone, laptop

    def test_a_visit_after_the_first_reads_no_user_row(self) -> None:
        self.signed_in_twice()
        laptop = self.client_for(self.ana)
        laptop.get(reverse("home"))
        laptop.get(reverse("home"))  # kept now
        with CaptureQueriesContext(connection) as kept:
            r = laptop.get(reverse("home"))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(len(kept), 0, [q["sql"] for q in kept])

    def test_a_new_password_signs_every_session_out_at_once(self) -> None:
        phone, laptop = self.signed_in_twice()
        user = User.objects.get(pk=self.ana.pk)
        user.set_password("a whole new sentence 42")
        user.save()
        for device in (phone, laptop):
            r = device.get(reverse("settings"))
            self.assertRedirects(r, f"{reverse('account_login')}?next={reverse('settings')}")

    def test_a_deactivated_account_is_signed_out_at_once(self) -> None:
        phone, _ = self.signed_in_twice()
        user = User.objects.get(pk=self.ana.pk)
        user.is_active = False
        user.save(update_fields=["is_active"])
        self.assertFalse(phone.get(reverse("home")).wsgi_request.user.is_authenticated)

    def test_a_deleted_account_is_signed_out_everywhere(self) -> None:
        phone, laptop = self.signed_in_twice()
        delete_account(User.objects.get(pk=self.ana.pk))
        for device in (phone, laptop):
            self.assertFalse(device.get(reverse("home")).wsgi_request.user.is_authenticated)

    def test_a_new_name_shows_on_the_next_page(self) -> None:
        phone, laptop = self.signed_in_twice()
        r = laptop.post(reverse("settings"), {"display_name": "Anabel", "timezone": "Asia/Tokyo"})
        self.assertEqual(r.status_code, 302)
        shown = phone.get(reverse("settings")).wsgi_request.user
        assert isinstance(shown, User)
        self.assertEqual((shown.display_name, shown.timezone), ("Anabel", "Asia/Tokyo"))

    def test_a_row_kept_while_a_change_was_in_flight_goes_when_it_commits(self) -> None:
        # Another request may read the old row before the change commits and keep it;
        # the commit drops it again.
        with self.captureOnCommitCallbacks(execute=True), transaction.atomic():
            user = User.objects.get(pk=self.ana.pk)
            user.display_name = "Anabel"
            user.save()
            cache.set(_key(self.ana.pk), "the old row, kept by another request", 60)
        self.assertIsNone(cache.get(_key(self.ana.pk)))
        self.assertEqual(cached_user(self.ana.pk).display_name, "Anabel")

    def test_a_missing_user_is_none_and_nothing_is_kept(self) -> None:
        nobody = uuid.uuid4()
        self.assertIsNone(cached_user(nobody))
        self.assertIsNone(cache.get(_key(nobody)))


class SignedInBeforeTheUpgradeTestCase(BaseTestCase):
    """Sessions that name Django's or allauth's own backend stay signed in after migrating."""

    def old_session(self, backend: str) -> Client:
        store = SessionStore()
        store[SESSION_KEY] = str(self.ana.pk)
        store[BACKEND_SESSION_KEY] = backend
        store[HASH_SESSION_KEY] = self.ana.get_session_auth_hash()
        store.create()
        client = Client()
        client.cookies["sessionid"] = str(store.session_key)
        return client

    def test_the_migration_keeps_both_kinds_signed_in(self) -> None:
        migration = importlib.import_module(
            "closeknit.accounts.migrations.0003_sessions_name_cached_backends"
        )
        clients = [self.old_session(path) for path in migration.RENAMED]
        for client in clients:  # no longer a listed backend: signed out, as Django does
            self.assertFalse(client.get(reverse("home")).wsgi_request.user.is_authenticated)
        migration.forwards(apps, None)
        for client in clients:
            self.assertTrue(client.get(reverse("home")).wsgi_request.user.is_authenticated)
