from typing import Any

from django.urls import reverse

from closeknit.nudges.models import Notification
from closeknit.nudges.notify import notify
from closeknit.test import BaseTestCase


class InboxTestCase(BaseTestCase):
    def test_notify_is_once_per_key(self) -> None:
        self.assertTrue(notify(self.ben, "daily_answered", "/", key="k1", partner=self.ana))
        self.assertFalse(notify(self.ben, "daily_answered", "/", key="k1", partner=self.ana))
        self.assertEqual(Notification.objects.get().text, "Ana answered today's question.")

    def test_notify_refuses_unknown_kinds(self) -> None:
        with self.assertRaises(ValueError):
            notify(self.ben, "free text here", "/", key="k2")

    def test_inbox_lists_only_my_items_with_unread_count(self) -> None:
        notify(self.ben, "appreciation", "/appreciate/", key="k3", partner=self.ana)
        notify(self.cora, "appreciation", "/appreciate/", key="k4", partner=self.dev)
        r = self.client_for(self.ben).get(reverse("inbox"))
        self.assertContains(r, "Ana sent you an appreciation.")
        self.assertNotContains(r, "Dev sent")
        badge = '<span aria-hidden="true">1</span><span class="visually-hidden">1 unread</span>'
        self.assertContains(r, f'<span class="badge">{badge}</span>', html=True)

    def test_opening_marks_read_and_follows_the_link(self) -> None:
        notify(self.ben, "appreciation", "/appreciate/", key="k5", partner=self.ana)
        item = Notification.objects.get()
        r = self.client_for(self.ben).post(reverse("open_notification", args=[item.id]))
        self.assertRedirects(r, "/appreciate/", fetch_redirect_response=False)
        item.refresh_from_db()
        self.assertIsNotNone(item.read_at)

    def test_another_persons_notification_is_404(self) -> None:
        notify(self.cora, "appreciation", "/", key="k6", partner=self.dev)
        item = Notification.objects.get()
        r = self.client_for(self.ben).post(reverse("open_notification", args=[item.id]))
        self.assertEqual(r.status_code, 404)
        item.refresh_from_db()
        self.assertIsNone(item.read_at)


class GoneTestCase(BaseTestCase):
    """A notice whose thing was removed, or made private since, opens a kind page."""

    def open(self, url: str) -> Any:
        notify(self.ben, "dream_pledge", url, key=url, partner=self.ana)
        item = Notification.objects.get(key=url)
        return self.client_for(self.ben).post(reverse("open_notification", args=[item.id]))

    def test_a_dream_made_private_since_opens_a_kind_page(self) -> None:
        from closeknit.dreams import services

        dream = services.create_dream(self.couple, self.ana, title="Sail", visibility="shared")
        url = reverse("dreams:detail", args=[dream.pk])
        self.assertEqual(self.open(url).status_code, 302)  # shared: it opens
        services.update_dream(dream, self.ana, visibility="private")
        r = self.open(url + "?again")
        self.assertContains(r, "This isn't here any more")
        self.assertNotContains(r, "Sail")

    def test_a_removed_thing_opens_a_kind_page(self) -> None:
        r = self.open(reverse("dreams:detail", args=["6f1c9b7e-4b1e-4d43-9a0f-2d0a4d7f0b11"]))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Nothing is wrong on your side")
