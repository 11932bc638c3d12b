"""Paths in a person's data export, through the same selectors as the pages.

A partner's reflection is there only once the person has reflected on that
week too (the sealed rule), and the path behind "Just us" is unnamed while
it is off.
"""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.paths import selectors
from closeknit.paths.selectors import ReflectionView, WeekView


def _reflection(r: ReflectionView | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "understood": r.understood,
        "validated": r.validated,
        "cared_for": r.cared,
        "note": r.note,
        "at": r.created.isoformat(),
    }


def _week(w: WeekView) -> dict[str, Any]:
    return {
        "week": w.number,
        "title": w.title,
        "again": w.again,
        "status": w.status_label,
        "started_on": w.started_on.isoformat(),
        "my_reflection": _reflection(w.mine),
        "partner_reflection": _reflection(w.theirs),
    }


def section(user: User, couple: Couple) -> dict[str, Any]:
    runs = []
    for run in selectors.runs_for(couple).order_by("created"):
        view = selectors.run_view(run, user)
        runs.append(
            {
                "path": view.title,
                "status": view.status_label,
                "suggested_by_me": view.proposed_by_me,
                "suggested_at": view.created.isoformat(),
                "started_at": view.accepted_at.isoformat() if view.accepted_at else None,
                "ended_at": view.ended_at.isoformat() if view.ended_at else None,
                "weeks": [_week(w) for w in view.weeks],
            }
        )
    return {"paths": runs}
