from closeknit.api.tests.base import ApiTestCase
from closeknit.dreams import services
from closeknit.dreams.models import Celebration, Dream, Pledge
from closeknit.nudges.models import Notification


class DreamsApiTestCase(ApiTestCase):
    def test_a_shared_dream_gets_a_pledge_a_task_and_a_celebrated_milestone(self) -> None:
        r = self.api(
            "post", "/dreams", self.ana, {"title": "Learn Italian", "visibility": "shared"}
        )
        self.assertEqual(r.status_code, 201)
        dream_id = r.json()["id"]
        r = self.api(
            "put",
            f"/dreams/{dream_id}/pledge",
            self.ben,
            {"message": "I'll cover Tuesday dinners."},
        )
        self.assertEqual(r.json()["pledges"][0]["mine"], True)
        task = self.api(
            "post", f"/dreams/{dream_id}/tasks", self.ben, {"title": "Tuesday dinners"}
        ).json()
        self.assertEqual(task["taken_by"], "me")
        milestone = self.api(
            "post", f"/dreams/{dream_id}/milestones", self.ana, {"title": "A1 exam"}
        ).json()
        r = self.api(
            "post", f"/dreams/milestones/{milestone['id']}/reached", self.ana, {"news": "Passed!"}
        )
        self.assertIsNotNone(r.json()["reached_at"])
        waiting = self.api("get", "/dreams/celebrations/waiting", self.ben).json()
        self.assertEqual([m["id"] for m in waiting], [milestone["id"]])
        coach = self.api(
            "post",
            f"/dreams/milestones/{milestone['id']}/celebration/coach",
            self.ben,
            {"message": "Amazing, I'm so proud of you! What was the hardest question?"},
        ).json()
        self.assertIn("Celebrating with them", [n["label"] for n in coach["notes"]])
        self.assertFalse(Celebration.objects.exists())
        r = self.api(
            "put",
            f"/dreams/milestones/{milestone['id']}/celebration",
            self.ben,
            {"message": "Bravissima!"},
        )
        self.assertEqual(r.json()["celebration"]["message"], "Bravissima!")
        detail = self.api("get", f"/dreams/{dream_id}", self.ana).json()
        self.assertEqual(detail["milestones"][0]["celebration"]["mine"], False)
        self.assertEqual(self.api("get", "/dreams/celebrations/waiting", self.ben).json(), [])

    def test_a_private_dream_is_404_for_the_partner_on_every_operation(self) -> None:
        dream = services.create_dream(self.couple, self.ana, title="Secret novel")
        task = services.add_task(dream, self.ana, "x")
        milestone = services.add_milestone(dream, self.ana, "m")
        services.reach_milestone(milestone, self.ana, self.ben)
        calls = [
            ("get", f"/dreams/{dream.pk}"),
            ("patch", f"/dreams/{dream.pk}"),
            ("delete", f"/dreams/{dream.pk}"),
            ("put", f"/dreams/{dream.pk}/pledge"),
            ("delete", f"/dreams/{dream.pk}/pledge"),
            ("post", f"/dreams/{dream.pk}/tasks"),
            ("post", f"/dreams/{dream.pk}/milestones"),
            ("post", f"/dreams/tasks/{task.pk}/take"),
            ("put", f"/dreams/tasks/{task.pk}/done"),
            ("delete", f"/dreams/tasks/{task.pk}"),
            ("post", f"/dreams/milestones/{milestone.pk}/reached"),
            ("delete", f"/dreams/milestones/{milestone.pk}"),
            ("post", f"/dreams/milestones/{milestone.pk}/celebration/coach"),
            ("put", f"/dreams/milestones/{milestone.pk}/celebration"),
        ]
        body = {"message": "x", "title": "x", "done": True, "news": ""}
        for user in [self.ben, self.cora]:
            for method, path in calls:
                r = self.api(method, path, user, body)
                self.assertEqual(r.status_code, 404, (user, method, path))
        listed = self.api("get", "/dreams", self.ben).json()
        self.assertEqual(listed, [])
        self.assertTrue(Dream.objects.filter(pk=dream.pk).exists())
        self.assertFalse(Pledge.objects.exists())

    def test_roles_are_enforced_with_clear_refusals(self) -> None:
        dream = services.create_dream(self.couple, self.ana, title="d", visibility="shared")
        r = self.api("put", f"/dreams/{dream.pk}/pledge", self.ana, {"message": "me"})
        self.assertEqual(
            (r.status_code, r.json()["detail"]), (403, "This is for your partner to do.")
        )
        milestone = services.add_milestone(dream, self.ana, "m")
        r = self.api(
            "put", f"/dreams/milestones/{milestone.pk}/celebration", self.ben, {"message": "yay"}
        )
        self.assertEqual(
            (r.status_code, r.json()["detail"]), (409, "This milestone hasn't been reached yet.")
        )
        r = self.api("patch", f"/dreams/{dream.pk}", self.ben, {"title": "mine now"})
        self.assertEqual(r.status_code, 404)
        r = self.api("post", "/dreams", self.ana, {"title": " "})
        self.assertEqual((r.status_code, r.json()["field"]), (422, "title"))

    def test_making_a_dream_private_hides_it(self) -> None:
        dream = services.create_dream(self.couple, self.ana, title="d", visibility="shared")
        r = self.api(
            "patch",
            f"/dreams/{dream.pk}",
            self.ana,
            {"visibility": "private", "status": "set_aside"},
        )
        self.assertEqual((r.json()["visibility"], r.json()["status"]), ("private", "set_aside"))
        self.assertEqual(self.api("get", f"/dreams/{dream.pk}", self.ben).status_code, 404)

    def test_notifications_carry_no_dream_text(self) -> None:
        dream = services.create_dream(
            self.couple, self.ana, title="Climb Kilimanjaro", visibility="shared"
        )
        with self.captureOnCommitCallbacks(execute=True):
            self.api(
                "put", f"/dreams/{dream.pk}/pledge", self.ben, {"message": "Training partner!"}
            )
        texts = " ".join(Notification.objects.values_list("text", flat=True))
        self.assertNotIn("Kilimanjaro", texts)
        self.assertNotIn("Training", texts)

    def test_the_dreams_api_is_documented(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in [
            "/api/v1/dreams",
            "/api/v1/dreams/{dream_id}/pledge",
            "/api/v1/dreams/milestones/{milestone_id}/celebration",
        ]:
            self.assertIn(path, paths)
