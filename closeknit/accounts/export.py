"""Everything a person may see, as one JSON document.

Each feature adds a section here, built with that feature's own selectors so
the export obeys the same privacy rules (sealed, private, mutual-only) as the
pages do.
"""

from typing import Any

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Membership
from closeknit.lib.features import hooks


def export_for(user: User) -> dict[str, Any]:
    memberships = (
        Membership.objects.filter(user=user).select_related("couple").order_by("joined_at")
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "name": user.display_name,
            "timezone": user.timezone,
            "joined": user.date_joined.isoformat(),
        },
        "couples": [_couple_section(user, m) for m in memberships],
    }


def _couple_section(user: User, membership: Membership) -> dict[str, Any]:
    couple = membership.couple
    partners = couple.memberships.exclude(user=user).select_related("user")
    section: dict[str, Any] = {
        "id": str(couple.id),
        "timezone": couple.timezone,
        "joined_at": membership.joined_at.isoformat(),
        "left_at": membership.left_at.isoformat() if membership.left_at else None,
        "partner": [m.user.display_name for m in partners],
    }
    for name, module in hooks("export"):
        section[name] = module.section(user, couple)
    return section
