from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dates.models import DatePlan


def make_date(
    couple: Couple,
    proposer: User,
    *,
    days: float = 3,
    status: str = DatePlan.Status.PROPOSED,
    title: str = "Picnic by the river",
    **fields: Any,
) -> DatePlan:
    """A date `days` from now (negative: in the past)."""
    starts_at: datetime = timezone.now() + timedelta(days=days)
    return DatePlan.objects.create(
        couple=couple,
        proposed_by=proposer,
        title=title,
        starts_at=starts_at,
        status=status,
        **fields,
    )
