"""Paths in the JSON API: the same rules as the pages, in the one error shape."""

from typing import Any

from closeknit.paths.models import PathRun, Reflection, RunWeek
from closeknit.paths.tests.helpers import PathTestCase, current_week, start_path

BODY = {"understood": 4, "validated": 5, "cared": 6, "note": "zqsealed from the app"}


class PathsApiTestCase(PathTestCase):
    def test_it_lists_the_paths_and_one_paths_weeks(self) -> None:
        r = self.api("get", "/paths", self.ana)
        self.assertEqual(r.status_code, 200)
        keys = [p["key"] for p in r.json()]
        self.assertIn("both-true", keys)
        self.assertNotIn("close-in-body", keys)
        r = self.api("get", "/paths/curious-about-you", self.ana)
        self.assertEqual(r.json()["path"]["weeks"], 5)
        self.assertEqual(r.json()["weeks"][0]["title"], "The map you carry")
        r = self.api("get", "/paths/close-in-body", self.ana)
        self.assertEqual(r.status_code, 404)
        self.assertEqual(r.json()["code"], "not_found")

    def test_propose_accept_and_the_week_view(self) -> None:
        r = self.api("post", "/paths/time-for-us/propose", self.ana)
        self.assertEqual(r.status_code, 201, r.content)
        run_id = r.json()["id"]
        self.assertEqual((r.json()["status"], r.json()["proposed_by_me"]), ("proposed", True))
        r = self.api("post", f"/paths/runs/{run_id}/accept", self.ana)
        self.assertEqual((r.status_code, r.json()["code"]), (403, "forbidden"))
        r = self.api("post", f"/paths/runs/{run_id}/accept", self.ben)
        self.assertEqual(r.status_code, 200)
        week = r.json()["current"]
        self.assertEqual((week["number"], week["total"], week["day"]), (1, 4, 1))
        self.assertEqual(week["content"]["practice"]["url"], "/dates/new/")
        self.assertEqual(week["content"]["idea"]["title"], "Indoor picnic")
        self.assertFalse(week["reflection_open"])
        r = self.api("get", "/paths/current", self.ana)
        self.assertEqual(r.json()["run"]["id"], run_id)
        self.assertIsNone(r.json()["offer"])

    def test_one_path_at_a_time_is_a_conflict(self) -> None:
        start_path(self.couple, self.ana, self.ben)
        r = self.api("post", "/paths/time-for-us/propose", self.ben)
        self.assertEqual(r.status_code, 409)
        self.assertEqual(r.json()["code"], "conflict")
        self.assertIn("One at a time", r.json()["detail"])
        self.assertEqual(PathRun.objects.count(), 1)

    def test_reflections_are_sealed_until_both_are_in(self) -> None:
        run = self.on_path()
        week = current_week(run)
        r = self.api("post", f"/paths/weeks/{week.pk}/reflection", self.ana, BODY)
        self.assertEqual((r.status_code, r.json()["code"]), (409, "conflict"))
        self.later(days=6)
        r = self.api("post", f"/paths/weeks/{week.pk}/reflection", self.ana, BODY)
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual(r.json()["mine"]["cared"], 6)
        self.assertIsNone(r.json()["theirs"])
        seen = self.api("get", f"/paths/weeks/{week.pk}", self.ben).json()
        self.assertIsNone(seen["theirs"])
        self.assertTrue(seen["partner_reflected"])
        self.assertNotIn(
            "zqsealed", str(self.api("get", f"/paths/runs/{run.pk}", self.ben).json())
        )
        self.assertNotIn("zqsealed", str(self.api("get", "/paths/current", self.ben).json()))
        body = {"understood": 7, "validated": 7, "cared": 7}
        r = self.api("post", f"/paths/weeks/{week.pk}/reflection", self.ben, body)
        self.assertEqual(r.json()["theirs"]["note"], "zqsealed from the app")
        self.assertTrue(r.json()["revealed"])

    def test_bad_reflections_are_refused_and_nothing_is_saved(self) -> None:
        week = current_week(self.on_path())
        self.later(days=6)
        for body, field in [
            ({**BODY, "understood": 0}, "understood"),
            ({**BODY, "cared": 8}, "cared"),
            ({**BODY, "note": "x" * 281}, "note"),
        ]:
            r = self.api("post", f"/paths/weeks/{week.pk}/reflection", self.ana, body)
            self.assertEqual(r.status_code, 422)
            self.assertEqual((r.json()["code"], r.json()["field"]), ("invalid", field))
        self.assertFalse(Reflection.objects.exists())

    def test_pause_resume_repeat_and_skip(self) -> None:
        run = self.on_path()
        week = current_week(run)
        r = self.api("post", f"/paths/runs/{run.pk}/pause", self.ben)
        self.assertEqual(r.json()["status"], "paused")
        r = self.api("post", f"/paths/weeks/{week.pk}/skip", self.ben)
        self.assertEqual(r.status_code, 409)
        r = self.api("post", f"/paths/runs/{run.pk}/resume", self.ana)
        self.assertEqual(r.json()["status"], "active")
        r = self.api("post", f"/paths/weeks/{week.pk}/repeat", self.ana)
        self.assertEqual((r.json()["current"]["number"], r.json()["current"]["again"]), (1, True))
        again = current_week(run)
        r = self.api("post", f"/paths/weeks/{again.pk}/skip", self.ana)
        self.assertEqual(r.json()["current"]["number"], 2)
        statuses = list(RunWeek.objects.filter(run=run).values_list("status", flat=True))
        self.assertEqual(statuses, ["repeated", "skipped", "current"])
        r = self.api("post", f"/paths/weeks/{current_week(run).pk}/next", self.ana)
        self.assertEqual(r.status_code, 409)
        self.assertIn("runs until", r.json()["detail"])

    def test_not_now_leave_and_the_history_in_pages(self) -> None:
        for key in ("both-true", "time-for-us", "listen-first"):
            run_id = self.api("post", f"/paths/{key}/propose", self.ana).json()["id"]
            self.api("post", f"/paths/runs/{run_id}/not-now", self.ben)
            self.later(minutes=1)  # newest first needs them apart: the clock is held
        run = start_path(self.couple, self.ben, self.ana, "curious-about-you")
        r = self.api("post", f"/paths/runs/{run.pk}/leave", self.ana)
        self.assertEqual(r.json()["status"], "left")
        r = self.api("get", "/paths/runs?limit=2", self.ana)
        self.assertEqual(r.json()["count"], 4)
        self.assertEqual(
            [i["title"] for i in r.json()["items"]], ["Curious about you", "Listen first"]
        )
        r = self.api("get", "/paths/runs?limit=2&offset=2", self.ana)
        self.assertEqual([i["status"] for i in r.json()["items"]], ["declined", "declined"])

    def test_another_couples_paths_are_not_found(self) -> None:
        theirs = start_path(self.other_couple, self.cora, self.dev)
        week = current_week(theirs)
        for method, url in [
            ("get", f"/paths/runs/{theirs.pk}"),
            ("post", f"/paths/runs/{theirs.pk}/pause"),
            ("post", f"/paths/runs/{theirs.pk}/leave"),
            ("get", f"/paths/weeks/{week.pk}"),
            ("post", f"/paths/weeks/{week.pk}/skip"),
        ]:
            r = self.api(method, url, self.ana)
            self.assertEqual((r.status_code, r.json()["code"]), (404, "not_found"), url)
        r = self.api("post", f"/paths/weeks/{week.pk}/reflection", self.ana, BODY)
        self.assertEqual(r.status_code, 404)
        theirs.refresh_from_db()
        self.assertEqual(theirs.status, "active")
        self.assertEqual(self.api("get", "/paths", self.eli).status_code, 403)


class OpenApiTestCase(PathTestCase):
    def test_no_other_app_publishes_a_schema_under_a_name_of_ours(self) -> None:
        """The API names schemas by class, so two with one name share one entry in the
        OpenAPI document: one app's answers would be described by the other's schema."""
        from importlib import import_module

        from ninja import Schema

        from closeknit.lib.features import hooks

        def schema_names(module: Any) -> set[str]:
            return {
                name
                for name, v in vars(module).items()
                if isinstance(v, type)
                and issubclass(v, Schema)
                and v.__module__ == module.__name__
            }

        ours = schema_names(import_module("closeknit.paths.schemas"))
        self.assertGreater(len(ours), 10)
        for feature, module in hooks("schemas"):
            if feature != "paths":
                with self.subTest(feature=feature):
                    self.assertEqual(ours & schema_names(module), set())
