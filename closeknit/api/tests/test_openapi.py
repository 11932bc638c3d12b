from closeknit.api.tests.base import ApiTestCase


class OpenApiTestCase(ApiTestCase):
    def test_the_document_lists_the_operations(self) -> None:
        r = self.client.get("/api/v1/openapi.json")
        self.assertEqual(r.status_code, 200)
        doc = r.json()
        self.assertTrue(doc["openapi"].startswith("3."))
        for path in ["/api/v1/me", "/api/v1/couple", "/api/v1/invites", "/api/v1/invites/accept"]:
            self.assertIn(path, doc["paths"])
        schemes = doc["components"]["securitySchemes"]
        self.assertEqual(schemes["TokenAuth"], {"type": "http", "scheme": "bearer"})
        self.assertEqual(doc["paths"]["/api/v1/tokens"]["post"].get("security"), None)
