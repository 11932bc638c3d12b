"""Export and deletion: what the person may see, and authorship decides what goes."""

import json
from typing import Any

from django.test import Client
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.paths.models import PathRun, Reflection
from closeknit.paths.tests.helpers import PathTestCase, current_week, reflection


class ExportAndDeletionTestCase(PathTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.path_run = self.on_path()
        self.week = current_week(self.path_run)
        self.later(days=6)
        url = reverse("paths:reflect", args=[self.week.pk])
        self.page(self.ana).post(url, reflection(2, 3, 4, "zqana her own words"))

    def export(self, user: User) -> dict[str, Any]:
        data = json.loads(self.page(user).post(reverse("export")).content)
        section: dict[str, Any] = data["couples"][0]["paths"]
        return section

    def test_the_export_holds_mine_and_the_partners_only_once_revealed(self) -> None:
        ana = self.export(self.ana)["paths"][0]
        self.assertEqual((ana["path"], ana["suggested_by_me"]), ("Both true", True))
        week = ana["weeks"][0]
        self.assertEqual(week["my_reflection"]["note"], "zqana her own words")
        self.assertIsNone(week["partner_reflection"])
        ben = self.export(self.ben)["paths"][0]["weeks"][0]
        self.assertIsNone(ben["my_reflection"])
        self.assertIsNone(ben["partner_reflection"])
        self.page(self.ben).post(
            reverse("paths:reflect", args=[self.week.pk]), reflection(note="zqben")
        )
        ben = self.export(self.ben)["paths"][0]["weeks"][0]
        self.assertEqual(ben["partner_reflection"]["cared_for"], 4)
        r = self.page(self.ben).get(reverse("export_page"))
        self.assertContains(r, "zqana her own words")

    def test_deleting_an_account_removes_its_reflections_and_keeps_the_partners(self) -> None:
        self.page(self.ben).post(
            reverse("paths:reflect", args=[self.week.pk]), reflection(note="zqben stays")
        )
        client = Client()
        client.force_login(self.ana)
        client.post(reverse("delete_account"), {"confirm": "DELETE"})
        self.assertEqual(list(Reflection.objects.values_list("note", flat=True)), ["zqben stays"])
        run = PathRun.objects.get(pk=self.path_run.pk)
        self.assertIsNone(run.proposed_by)
        week = self.export(self.ben)["paths"][0]["weeks"][0]
        self.assertEqual(week["my_reflection"]["note"], "zqben stays")
        self.assertIsNone(week["partner_reflection"])
