from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.coaching.feedback import Feedback
from closeknit.dreams import services
from closeknit.dreams.models import Celebration, Dream, Pledge, Task
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase

SHARED = Dream.Visibility.SHARED


class PledgeAndTasksTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.dream = services.create_dream(
            self.couple, self.ana, title="Open a bakery", visibility=SHARED
        )

    def test_the_partner_pledges_and_the_dreamer_is_told_once(self) -> None:
        url = reverse("dreams:pledge", args=[self.dream.pk])
        with self.captureOnCommitCallbacks(execute=True):
            self.client_for(self.ben).post(
                url, {"message": "I'll do Saturday mornings with the kids."}
            )
            self.client_for(self.ben).post(url, {"message": "Saturdays and Sundays."})
        pledge = Pledge.objects.get(dream=self.dream)
        self.assertEqual((pledge.supporter, pledge.message), (self.ben, "Saturdays and Sundays."))
        note = Notification.objects.get(recipient=self.ana)
        self.assertEqual(note.text, "Ben pledged support for your dream.")
        r = self.client_for(self.ana).get(reverse("dreams:detail", args=[self.dream.pk]))
        self.assertContains(r, "Saturdays and Sundays.")

    def test_the_dreamer_cannot_pledge_to_their_own_dream(self) -> None:
        url = reverse("dreams:pledge", args=[self.dream.pk])
        r = self.client_for(self.ana).post(url, {"message": "me"})
        self.assertContains(r, "This is for your partner to do.", status_code=403)
        self.assertFalse(Pledge.objects.exists())

    def test_an_empty_pledge_is_explained(self) -> None:
        r = self.client_for(self.ben).post(
            reverse("dreams:pledge", args=[self.dream.pk]), {"message": ""}
        )
        self.assertContains(r, "Say how you&#x27;ll support them.", status_code=422)

    def test_withdrawing_a_pledge(self) -> None:
        services.pledge(self.dream, self.ben, "yes")
        self.client_for(self.ben).post(reverse("dreams:withdraw", args=[self.dream.pk]))
        self.assertFalse(Pledge.objects.exists())

    def test_the_dreamer_lists_a_task_and_the_partner_takes_it_on_and_does_it(self) -> None:
        self.client_for(self.ana).post(
            reverse("dreams:task_add", args=[self.dream.pk]), {"task-title": "School runs"}
        )
        task = Task.objects.get(dream=self.dream)
        self.assertIsNone(task.taken_by)
        r = self.client_for(self.ben).post(
            reverse("dreams:task_take", args=[task.pk]), headers={"HX-Request": "true"}
        )
        self.assertContains(r, 'id="tasks"')
        self.assertContains(r, "you took this on")
        self.assertNotContains(r, "<html")
        self.client_for(self.ben).post(reverse("dreams:task_done", args=[task.pk]), {"done": "1"})
        task.refresh_from_db()
        self.assertEqual(task.taken_by, self.ben)
        self.assertIsNotNone(task.done_at)

    def test_the_partner_adds_a_task_they_take_on(self) -> None:
        self.client_for(self.ben).post(
            reverse("dreams:task_add", args=[self.dream.pk]), {"task-title": "Cook weekdays"}
        )
        task = Task.objects.get(dream=self.dream)
        self.assertEqual((task.taken_by, task.created_by), (self.ben, self.ben))

    def test_the_dreamer_cannot_take_on_their_own_task(self) -> None:
        task = services.add_task(self.dream, self.ana, "Laundry")
        self.client_for(self.ana).post(reverse("dreams:task_take", args=[task.pk]))
        task.refresh_from_db()
        self.assertIsNone(task.taken_by)

    def test_the_detail_page_is_constant_in_queries(self) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.client_for(self.ben).get(reverse("dreams:detail", args=[self.dream.pk]))
            return len(ctx.captured_queries)

        small = count()
        services.pledge(self.dream, self.ben, "yes")
        for n in range(8):
            services.add_task(self.dream, self.ben, f"task {n}", take_on=True)
            m = services.add_milestone(self.dream, self.ana, f"step {n}")
            services.reach_milestone(m, self.ana, self.ben, "news")
            services.celebrate(m, self.ben, "Wonderful!")
        self.assertEqual(count(), small)

    def test_the_index_is_constant_in_queries(self) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.client_for(self.ana).get(reverse("dreams:index"))
            return len(ctx.captured_queries)

        services.create_dream(self.couple, self.ben, title="first", visibility=SHARED)
        small = count()
        for n in range(25):  # more than a page of the partner's dreams
            dream = services.create_dream(self.couple, self.ben, title=f"d{n}", visibility=SHARED)
            services.pledge(dream, self.ana, "yes")
            m = services.add_milestone(dream, self.ben, "step")
            services.reach_milestone(m, self.ben, self.ana)
        self.assertEqual(count(), small)


class MilestoneAndCelebrationTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.dream = services.create_dream(
            self.couple, self.ana, title="Run a marathon", visibility=SHARED
        )
        self.milestone = services.add_milestone(self.dream, self.ana, "First 10k")

    def reach(self, news: str = "Under an hour!") -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.client_for(self.ana).post(
                reverse("dreams:reach", args=[self.milestone.pk]), {"news": news}
            )

    def test_reaching_a_milestone_invites_the_partner_to_celebrate(self) -> None:
        self.reach()
        self.milestone.refresh_from_db()
        self.assertEqual(self.milestone.news, "Under an hour!")
        note = Notification.objects.get(recipient=self.ben)
        self.assertEqual(note.text, "Ana reached a milestone.")
        self.assertNotIn("10k", note.text)
        r = self.client_for(self.ben).get(reverse("dreams:index"))
        self.assertContains(r, "Ana reached a milestone")
        self.assertContains(r, reverse("dreams:celebrate", args=[self.milestone.pk]))

    def test_only_the_dreamer_marks_a_milestone_reached(self) -> None:
        r = self.client_for(self.ben).post(
            reverse("dreams:reach", args=[self.milestone.pk]), {"news": "x"}
        )
        self.assertEqual(r.status_code, 302)
        self.milestone.refresh_from_db()
        self.assertIsNone(self.milestone.reached_at)

    def test_the_partner_celebrates_with_the_coach_and_the_dreamer_is_told(self) -> None:
        self.reach()
        url = reverse("dreams:celebrate", args=[self.milestone.pk])
        r = self.client_for(self.ben).get(url)
        self.assertContains(r, "Under an hour!")
        self.assertContains(r, "Check with the coach")
        with self.captureOnCommitCallbacks(execute=True):
            r = self.client_for(self.ben).post(
                url, {"message": "That's amazing! How did the last km feel?"}
            )
        self.assertRedirects(r, reverse("dreams:detail", args=[self.dream.pk]))
        celebration = Celebration.objects.get(milestone=self.milestone)
        self.assertEqual(celebration.author, self.ben)
        self.assertEqual(
            Notification.objects.get(recipient=self.ana).text, "Ben celebrated your milestone."
        )
        r = self.client_for(self.ana).get(reverse("dreams:detail", args=[self.dream.pk]))
        self.assertContains(r, "How did the last km feel?")

    def test_the_coach_reads_the_reply_against_the_good_news_without_saving(self) -> None:
        self.reach()
        url = reverse("dreams:celebrate", args=[self.milestone.pk])
        found = Feedback([], "", None, [], "focused", None, [], True)
        with mock.patch("closeknit.coaching.feedback.read", return_value=found) as coach:
            r = self.client_for(self.ben).post(url, {"message": "Nice.", "coach": "1"})
        news = "Good news! Under an hour!"
        coach.assert_called_once_with(self.ben, "Nice.", news, field="message")
        self.assertContains(r, "only you see this")
        self.assertFalse(Celebration.objects.exists())

    def test_the_real_coach_recognises_an_active_constructive_reply(self) -> None:
        self.reach()
        url = reverse("dreams:celebrate", args=[self.milestone.pk])
        message = "That's amazing, I'm so proud of you! How did the last km feel?"
        r = self.client_for(self.ben).post(url, {"message": message, "coach": "1"})
        self.assertContains(r, "Celebrating with them")
        self.assertContains(r, "How did the last km feel?")  # kept in the box
        self.assertFalse(Celebration.objects.exists())

    def test_checking_a_blank_celebration_says_what_to_do(self) -> None:
        self.reach()
        url = reverse("dreams:celebrate", args=[self.milestone.pk])
        r = self.client_for(self.ben).post(url, {"message": "\n", "coach": "1"})
        self.assertContains(r, "Write your reply first", status_code=422)
        self.assertFalse(Celebration.objects.exists())

    def test_shrinking_a_milestone_is_answered_as_news(self) -> None:
        self.reach(news="")  # the milestone's title alone has no words of good news
        url = reverse("dreams:celebrate", args=[self.milestone.pk])
        r = self.client_for(self.ben).post(url, {"message": "Took you long enough", "coach": "1"})
        self.assertContains(r, "Their good news could get lost")
        self.assertNotContains(r, "sounds really hard")

    def test_a_milestone_not_reached_cannot_be_celebrated(self) -> None:
        url = reverse("dreams:celebrate", args=[self.milestone.pk])
        r = self.client_for(self.ben).post(url, {"message": "Yay"})
        self.assertRedirects(r, reverse("dreams:detail", args=[self.dream.pk]))
        self.assertFalse(Celebration.objects.exists())

    def test_the_dreamer_cannot_celebrate_themself(self) -> None:
        self.reach()
        r = self.client_for(self.ana).post(
            reverse("dreams:celebrate", args=[self.milestone.pk]), {"message": "me!"}
        )
        self.assertEqual(r.status_code, 302)
        self.assertFalse(Celebration.objects.exists())

    def test_an_empty_celebration_is_explained(self) -> None:
        self.reach()
        r = self.client_for(self.ben).post(
            reverse("dreams:celebrate", args=[self.milestone.pk]), {"message": ""}
        )
        self.assertContains(r, "Write your answer first.", status_code=422)


class DeleteADreamTestCase(BaseTestCase):
    """Deleting a dream takes the dreamer's words, never the partner's."""

    def setUp(self) -> None:
        from closeknit.dreams import services

        self.dream = services.create_dream(
            self.couple, self.ana, title="Walk the Camino", visibility="shared"
        )
        services.pledge(self.dream, self.ben, "I'll mind the dog for the whole month.")
        services.add_task(self.dream, self.ben, "Book the flights", take_on=True)
        milestone = services.add_milestone(self.dream, self.ana, "First 100 km")
        services.reach_milestone(milestone, self.ana, self.ben, "Blisters and joy.")
        services.celebrate(milestone, self.ben, "So proud of you!")

    def test_it_asks_once_saying_what_goes_and_what_stays(self) -> None:
        r = self.client_for(self.ana).get(reverse("dreams:delete", args=[self.dream.pk]))
        self.assertContains(r, "Delete “Walk the Camino”?")
        self.assertContains(r, "<title>Delete “Walk the Camino”? · Closeknit")
        self.assertContains(r, "What goes: the dream and its details, its 1 milestone.")
        self.assertContains(r, "Ben will no longer see your words on it.")
        self.assertContains(r, "What stays: what Ben wrote on it")
        self.assertContains(r, 'name="confirm" value="yes"')
        self.assertTrue(Dream.objects.filter(pk=self.dream.pk, author=self.ana).exists())

    def test_it_counts_the_milestones_and_the_dreamers_own_tasks(self) -> None:
        from closeknit.dreams import services

        services.add_task(self.dream, self.ana, "Buy boots")
        services.add_task(self.dream, self.ana, "Break them in")
        services.add_milestone(self.dream, self.ana, "Santiago")
        r = self.client_for(self.ana).get(reverse("dreams:delete", args=[self.dream.pk]))
        self.assertContains(r, "its 2 milestones, the 2 tasks you added.")
        self.assertContains(r, "1 task they added")

    def test_a_private_dream_says_nothing_of_the_partner(self) -> None:
        from closeknit.dreams import services

        lonely = services.create_dream(self.couple, self.ana, title="Learn the cello")
        r = self.client_for(self.ana).get(reverse("dreams:delete", args=[lonely.pk]))
        self.assertContains(r, "What goes: the dream and its details.")
        self.assertNotContains(r, "Ben will")
        self.assertNotContains(r, "What stays")

    def test_a_post_without_the_confirmation_only_asks(self) -> None:
        r = self.client_for(self.ana).post(reverse("dreams:delete", args=[self.dream.pk]))
        self.assertContains(r, "Delete “Walk the Camino”?")
        self.assertTrue(Dream.objects.filter(pk=self.dream.pk, author=self.ana).exists())

    def test_another_couple_gets_404(self) -> None:
        url = reverse("dreams:delete", args=[self.dream.pk])
        client = self.client_for(self.cora)
        self.assertEqual(client.get(url).status_code, 404)
        self.assertEqual(client.post(url, {"confirm": "yes"}).status_code, 404)
        self.assertTrue(Dream.objects.filter(pk=self.dream.pk, author=self.ana).exists())

    def test_the_partner_cannot_delete_it(self) -> None:
        url = reverse("dreams:delete", args=[self.dream.pk])
        client = self.client_for(self.ben)
        self.assertEqual(client.get(url).status_code, 404)
        self.assertEqual(client.post(url, {"confirm": "yes"}).status_code, 404)
        self.assertTrue(Dream.objects.filter(pk=self.dream.pk, author=self.ana).exists())

    def test_the_partners_pledge_task_and_celebration_stay(self) -> None:
        url = reverse("dreams:delete", args=[self.dream.pk])
        r = self.client_for(self.ana).post(url, {"confirm": "yes"})
        self.assertRedirects(r, reverse("dreams:index"))
        ben = self.client_for(self.ben).get(reverse("dreams:detail", args=[self.dream.pk]))
        self.assertContains(ben, "A dream Ana removed")
        for words in ("mind the dog", "Book the flights", "So proud of you!"):
            self.assertContains(ben, words)
        for words in ("Walk the Camino", "First 100 km", "Blisters and joy."):
            self.assertNotContains(ben, words)
        # Ana asked for it gone: it is, for her.
        ana = self.client_for(self.ana).get(reverse("dreams:detail", args=[self.dream.pk]))
        self.assertEqual(ana.status_code, 404)

    def test_a_dream_with_no_one_elses_words_goes_entirely(self) -> None:
        from closeknit.dreams import services

        lonely = services.create_dream(self.couple, self.ana, title="Learn the cello")
        self.client_for(self.ana).post(
            reverse("dreams:delete", args=[lonely.pk]), {"confirm": "yes"}
        )
        self.assertFalse(Dream.objects.filter(pk=lonely.pk).exists())

    def test_a_removed_dream_takes_no_new_pledges(self) -> None:
        from closeknit.dreams import services
        from closeknit.lib.errors import Conflict

        services.delete_dream(self.dream, self.ana)
        self.dream.refresh_from_db()
        with self.assertRaises(Conflict):
            services.pledge(self.dream, self.ben, "Again?")
