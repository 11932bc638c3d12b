from datetime import timedelta

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.talk.models import Answer, DailyQuestion, Prompt
from closeknit.test import BaseTestCase


class TalkTestCase(BaseTestCase):
    def question(
        self, days_ago: int = 0, couple: Couple | None = None, key: str = "values-001"
    ) -> DailyQuestion:
        couple = couple or self.couple
        return DailyQuestion.objects.create(
            couple=couple,
            date=couple.today() - timedelta(days=days_ago),
            prompt=Prompt.objects.get(key=key),
        )

    def answer(self, question: DailyQuestion, user: User, text: str = "My answer") -> Answer:
        return Answer.objects.create(
            question=question, couple=question.couple, author=user, text=text
        )
