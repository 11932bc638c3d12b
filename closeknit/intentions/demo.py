"""Intentions for the demo couple: Ana rewrote hers lately, Ben confirmed his."""

from datetime import timedelta

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.intentions.models import Intention


def seed(couple: Couple, a: User, b: User) -> None:
    now = timezone.now()
    Intention.objects.bulk_create(
        [
            Intention(
                couple=couple,
                author=a,
                created=now - timedelta(days=70),
                want="To feel like a team again after a hectic year.",
                willing="Put my phone away at dinner.",
            ),
            Intention(
                couple=couple,
                author=a,
                created=now - timedelta(days=12),
                want="To feel like a team, and to laugh more together.",
                willing="Put my phone away at dinner, and plan one small date a month.",
            ),
            Intention(
                couple=couple,
                author=b,
                created=now - timedelta(days=65),
                reviewed_at=now - timedelta(days=20),
                want="To talk about the real things, not only logistics.",
                willing="Ask how your day really was, and listen to the answer.",
            ),
        ]
    )
