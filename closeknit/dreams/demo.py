"""The demo couple's dreams: a shared dream with a pledge and a celebrated milestone."""

from datetime import timedelta

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dreams import services
from closeknit.dreams.models import Dream, Milestone

SHARED = Dream.Visibility.SHARED


def seed(couple: Couple, a: User, b: User) -> None:
    dream = services.create_dream(
        couple,
        a,
        title="Write and illustrate a children's book",
        details="The one about the lighthouse cat I've been drawing in margins for years.",
        visibility=SHARED,
    )
    services.pledge(
        dream, b, "Sunday mornings are yours for drawing: I'll take the cooking and the shopping."
    )
    services.add_task(dream, b, "Sunday breakfast and the weekly shop", take_on=True)
    services.add_task(dream, a, "Answering the family group chat")
    first = services.add_milestone(dream, a, "Finish the story draft")
    services.reach_milestone(
        first, a, b, "The draft is done! Twelve pages, and the cat finds her way home."
    )
    Milestone.objects.filter(pk=first.pk).update(reached_at=timezone.now() - timedelta(days=9))
    services.celebrate(
        first, b, "Twelve pages! I'm so proud of you. Which scene was the most fun to write?"
    )
    services.add_milestone(
        dream, a, "Ten finished illustrations", couple.today() + timedelta(days=60)
    )
    services.create_dream(couple, b, title="Run a half marathon", kind=Dream.Kind.GOAL)
    services.create_dream(couple, b, title="Learn to sail together one summer", visibility=SHARED)
