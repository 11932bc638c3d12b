import uuid

from django.urls import reverse

from closeknit.nudges.models import Notification
from closeknit.nudges.notify import notify
from closeknit.test import BaseTestCase

# Old address -> new address, for pages that moved to their own app.
MOVED = {
    "/dates/rituals/": "/rituals/",
    "/dates/rituals/choose/": "/rituals/choose/",
    "/dates/fun/": "/fun/",
    "/dates/fun/jar/pick/": "/fun/jar/pick/",
    "/check-in/support/": "/support/",
    "/check-in/intentions/": "/intentions/",
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

    def test_the_pages_that_stayed_do_not_move(self) -> None:
        for url in ["/dates/", "/check-in/", "/check-in/resources/"]:
            self.assertEqual(self.client_for(self.ana).get(url).status_code, 200, url)

    def test_an_inbox_item_stored_before_the_move_still_opens_its_page(self) -> None:
        notify(self.ben, "support", "/check-in/support/", key="old-link", partner=self.ana)
        item = Notification.objects.get(recipient=self.ben)
        # Opening an inbox item is a POST (it marks it read), then its page.
        r = self.client_for(self.ben).post(
            reverse("open_notification", args=[item.pk]), follow=True
        )
        self.assertEqual(r.redirect_chain[-1], ("/support/", 301))
        self.assertContains(r, "<h1>Support</h1>")
