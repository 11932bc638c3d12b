import uuid

from django.urls import reverse

from closeknit.test import BaseTestCase

# Old address -> new address, for pages that moved to their own app.
MOVED = {
    "/dates/rituals/": "/rituals/",
    "/dates/rituals/choose/": "/rituals/choose/",
    "/dates/fun/": "/fun/",
    "/dates/fun/jar/pick/": "/fun/jar/pick/",
}


class MovedPagesTestCase(BaseTestCase):
    def test_it_sends_old_addresses_to_the_new_ones_for_good(self) -> None:
        client = self.client_for(self.ana)
        for old, new in MOVED.items():
            r = client.get(old)
            self.assertRedirects(r, new, status_code=301, fetch_redirect_response=False)
            self.assertEqual(client.get(new).status_code, 200, new)

    def test_it_keeps_the_query_string(self) -> None:
        r = self.client_for(self.ana).get("/dates/rituals/", {"week": "2026-11-30"})
        self.assertEqual(r["Location"], "/rituals/?week=2026-11-30")

    def test_a_form_posted_to_an_old_address_is_posted_again_to_the_new_one(self) -> None:
        pk = uuid.uuid4()
        r = self.client_for(self.ana).post(f"/dates/rituals/{pk}/done/", {"done": "1"})
        self.assertEqual(r.status_code, 308)
        self.assertEqual(r["Location"], reverse("rituals:done", args=[pk]))

    def test_the_dates_pages_that_stayed_do_not_move(self) -> None:
        r = self.client_for(self.ana).get("/dates/")
        self.assertEqual(r.status_code, 200)
