from django.db import connection
from django.urls import reverse

from closeknit.dreams import services
from closeknit.dreams.models import Dream, Milestone, Task
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase

PRIVATE = Dream.Visibility.PRIVATE
SHARED = Dream.Visibility.SHARED


class DreamPrivacyTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.private = services.create_dream(self.couple, self.ana, title="Ana's private dream")
        self.shared = services.create_dream(
            self.couple, self.ana, title="Ana's shared dream", visibility=SHARED
        )
        self.task = services.add_task(self.private, self.ana, "Private task")
        self.milestone = services.add_milestone(self.private, self.ana, "Private step")

    def test_a_dream_is_written_encrypted(self) -> None:
        r = self.client_for(self.ben).post(
            reverse("dreams:new"),
            {
                "title": "Learn the cello",
                "details": "Since I was nine",
                "kind": "dream",
                "visibility": "private",
            },
        )
        dream = Dream.objects.get(author=self.ben)
        self.assertRedirects(r, reverse("dreams:detail", args=[dream.pk]))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT title, details FROM dreams_dream WHERE author_id = %s", [self.ben.pk.hex]
            )
            title, details = cursor.fetchone()
        self.assertNotIn("cello", title + details)

    def test_the_partner_sees_shared_dreams_only(self) -> None:
        r = self.client_for(self.ben).get(reverse("dreams:index"))
        self.assertContains(r, "Ana&#x27;s shared dream")
        self.assertNotContains(r, "Ana&#x27;s private dream")
        r = self.client_for(self.ana).get(reverse("dreams:index"))
        self.assertContains(r, "Ana&#x27;s private dream")
        self.assertContains(r, "Just for me")

    def test_every_url_of_a_private_dream_is_404_for_the_partner(self) -> None:
        client = self.client_for(self.ben)
        gets = [
            reverse("dreams:detail", args=[self.private.pk]),
            reverse("dreams:edit", args=[self.private.pk]),
            reverse("dreams:reach", args=[self.milestone.pk]),
            reverse("dreams:celebrate", args=[self.milestone.pk]),
        ]
        posts = [
            reverse("dreams:pledge", args=[self.private.pk]),
            reverse("dreams:withdraw", args=[self.private.pk]),
            reverse("dreams:task_add", args=[self.private.pk]),
            reverse("dreams:milestone_add", args=[self.private.pk]),
            reverse("dreams:delete", args=[self.private.pk]),
            reverse("dreams:task_take", args=[self.task.pk]),
            reverse("dreams:task_done", args=[self.task.pk]),
            reverse("dreams:task_remove", args=[self.task.pk]),
            reverse("dreams:milestone_remove", args=[self.milestone.pk]),
        ]
        for url in gets:
            self.assertEqual(client.get(url).status_code, 404, url)
        for url in posts:
            data = {"message": "x", "task-title": "x", "milestone-title": "x", "done": "1"}
            data["confirm"] = "yes"
            r = client.post(url, data, headers={"HX-Request": "true"})
            self.assertEqual(r.status_code, 404, url)
        self.assertTrue(Dream.objects.filter(pk=self.private.pk).exists())
        self.assertEqual(Task.objects.get(pk=self.task.pk).taken_by, None)

    def test_another_couple_gets_404_on_shared_dreams_too(self) -> None:
        client = self.client_for(self.cora)
        self.assertEqual(
            client.get(reverse("dreams:detail", args=[self.shared.pk])).status_code, 404
        )
        r = client.post(reverse("dreams:pledge", args=[self.shared.pk]), {"message": "hi"})
        self.assertEqual(r.status_code, 404)
        self.assertNotContains(client.get(reverse("dreams:index")), "Ana&#x27;s")

    def test_the_partner_cannot_edit_or_delete_a_shared_dream(self) -> None:
        client = self.client_for(self.ben)
        self.assertEqual(
            client.get(reverse("dreams:edit", args=[self.shared.pk])).status_code, 404
        )
        self.assertEqual(
            client.post(
                reverse("dreams:delete", args=[self.shared.pk]), {"confirm": "yes"}
            ).status_code,
            404,
        )
        self.assertTrue(Dream.objects.filter(pk=self.shared.pk).exists())

    def test_making_a_shared_dream_private_hides_it_again(self) -> None:
        data = {
            "title": "Ana's shared dream",
            "details": "",
            "kind": "dream",
            "visibility": "private",
            "status": "active",
        }
        self.client_for(self.ana).post(reverse("dreams:edit", args=[self.shared.pk]), data)
        self.shared.refresh_from_db()
        self.assertEqual(self.shared.visibility, PRIVATE)
        r = self.client_for(self.ben).get(reverse("dreams:detail", args=[self.shared.pk]))
        self.assertEqual(r.status_code, 404)

    def test_a_private_milestone_tells_nobody(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.client_for(self.ana).post(
                reverse("dreams:reach", args=[self.milestone.pk]), {"news": "yay"}
            )
        self.milestone.refresh_from_db()
        self.assertIsNotNone(self.milestone.reached_at)
        self.assertFalse(Notification.objects.filter(recipient=self.ben).exists())
        self.assertFalse(
            Milestone.objects.filter(pk=self.milestone.pk, celebration__isnull=False).exists()
        )

    def test_a_bad_dream_keeps_the_input_and_explains(self) -> None:
        url = reverse("dreams:new")
        data = {"title": " ", "details": "keep me", "kind": "dream", "visibility": "private"}
        r = self.client_for(self.ben).post(url, data)
        self.assertContains(r, "Name your dream or goal.", status_code=422)
        self.assertContains(r, "keep me", status_code=422)
        r = self.client_for(self.ben).post(url, {**data, "title": "Sail", "visibility": "nope"})
        self.assertContains(r, "Select a valid choice", status_code=422)
        self.assertFalse(Dream.objects.filter(author=self.ben).exists())
