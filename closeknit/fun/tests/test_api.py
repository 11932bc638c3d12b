from typing import get_args

from closeknit.api.tests.base import ApiTestCase
from closeknit.fun import schemas
from closeknit.fun.models import Show


class FunApiTestCase(ApiTestCase):
    def test_shows_and_jokes(self) -> None:
        show = self.api("post", "/dates/shows", self.ana, {"title": "Severance"}).json()
        self.assertEqual(show["status"], "want")
        r = self.api("patch", f"/dates/shows/{show['id']}", self.ben, {"status": "done"})
        self.assertEqual(r.json()["status"], "done")
        self.assertEqual(
            self.api(
                "patch", f"/dates/shows/{show['id']}", self.cora, {"status": "want"}
            ).status_code,
            404,
        )
        self.assertEqual(Show.objects.get().status, "done")
        self.assertEqual(self.api("get", "/dates/jokes/random", self.ana).status_code, 404)
        joke = self.api("post", "/dates/jokes", self.ana, {"text": "The goose"}).json()
        self.assertEqual(
            self.api("get", "/dates/jokes/random", self.ben).json()["text"], "The goose"
        )
        self.assertEqual(
            self.api("delete", f"/dates/jokes/{joke['id']}", self.ben).status_code, 404
        )
        self.assertEqual(
            self.api("delete", f"/dates/jokes/{joke['id']}", self.ana).status_code, 204
        )

    def test_api_choices_match_the_models(self) -> None:
        self.assertEqual(set(get_args(schemas.ShowStatus)), set(Show.Status.values))

    def test_they_are_served_where_they_were_published(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in ["/api/v1/dates/shows", "/api/v1/dates/shows/{show_id}"]:
            self.assertIn(path, paths)
        for path in ["/api/v1/dates/jokes", "/api/v1/dates/jokes/random"]:
            self.assertEqual(paths[path]["get"]["tags"], ["dates"], path)
