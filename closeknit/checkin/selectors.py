"""Reads for the check-in.

Check-ins are sealed: every read of a partner's check-in goes through
`visible_entries()`, so pages, the API, the home card and the export agree.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from closeknit.accounts.models import User
from closeknit.checkin import scoring
from closeknit.checkin.models import Checkin, Item
from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.couples.sealing import visible_entries
from closeknit.lib.weeks import week_start

TREND_WEEKS = 12
DIP_LOOKBACK = scoring.DIP_RUN + scoring.DIP_BASELINE_SPAN


def items() -> list[Item]:
    return list(Item.objects.all())


def this_week(person: User) -> date:
    """The week of the person's own today: partners in two zones each check in for the
    week they are living, and a week's two check-ins meet under its Monday's date."""
    return week_start(person.today())


@dataclass
class Week:
    """One check-in week as `viewer` may see it."""

    week: date
    mine: Checkin | None
    theirs: Checkin | None  # None while sealed
    partner_done: bool  # that they checked in is not sealed; what they said is

    @property
    def revealed(self) -> bool:
        return self.mine is not None and self.theirs is not None


def week_for(couple: Couple, viewer: User, week: date | None = None) -> Week:
    week = week or this_week(viewer)
    entries = list(for_couple(Checkin, couple).filter(week=week).select_related("author"))
    return _week(week, entries, viewer)


def _week(week: date, entries: list[Checkin], viewer: User) -> Week:
    seen = visible_entries(entries, viewer.id)
    partner_done = any(e.author_id != viewer.id for e in entries)
    return Week(week, seen["mine"], seen["theirs"], partner_done)


def history(couple: Couple, viewer: User) -> list[Week]:
    """Every week either partner checked in, oldest first, sealed rule applied per week."""
    by_week: dict[date, list[Checkin]] = defaultdict(list)
    for entry in for_couple(Checkin, couple).order_by("week"):
        by_week[entry.week].append(entry)
    return [_week(week, entries, viewer) for week, entries in by_week.items()]


@dataclass(frozen=True)
class TrendRow:
    """One week of the trend: each partner's closeness and satisfaction, and the gaps."""

    week: date
    label: str
    my_closeness: int | None
    their_closeness: int | None
    closeness_gap: float | None
    my_satisfaction: float | None
    their_satisfaction: float | None
    satisfaction_gap: float | None
    partner_sealed: bool


@dataclass
class Trend:
    """Weekly closeness and satisfaction for each partner, and the gap between them."""

    weeks: list[Week]
    rows: list[TrendRow] = field(default_factory=list)
    dip_me: bool = False
    dip_partner: bool = False

    @property
    def has_data(self) -> bool:
        return any(w.mine or w.theirs for w in self.weeks)

    def chart(self, partner: str) -> dict[str, Any]:
        """Plain numbers for Chart.js (through json_script)."""
        return {
            "labels": [r.label for r in self.rows],
            "names": ["You", partner],
            "closeness": [
                [r.my_closeness for r in self.rows],
                [r.their_closeness for r in self.rows],
                [r.closeness_gap for r in self.rows],
            ],
            "satisfaction": [
                [r.my_satisfaction for r in self.rows],
                [r.their_satisfaction for r in self.rows],
                [r.satisfaction_gap for r in self.rows],
            ],
        }

    @property
    def low_this_week(self) -> bool:
        """Either partner's visible check-in of this week is low."""
        current = self.weeks[-1]
        return is_low(current.mine) or is_low(current.theirs)


def trend(couple: Couple, viewer: User, weeks: int = TREND_WEEKS) -> Trend:
    """The last `weeks` weeks (this one included, 1 to 52) in one query, sealed rule per week."""
    weeks = max(1, min(weeks, 52))
    current = this_week(viewer)
    span = max(weeks, DIP_LOOKBACK)
    first = current - timedelta(weeks=span - 1)
    by_week: dict[date, list[Checkin]] = defaultdict(list)
    for entry in for_couple(Checkin, couple).filter(week__gte=first, week__lte=current):
        by_week[entry.week].append(entry)
    all_weeks = [
        _week(first + timedelta(weeks=i), by_week[first + timedelta(weeks=i)], viewer)
        for i in range(span)
    ]
    shown = all_weeks[-weeks:]
    return Trend(
        weeks=shown,
        rows=[_row(w) for w in shown],
        dip_me=scoring.sustained_dip([_score(w.mine) for w in all_weeks]),
        dip_partner=scoring.sustained_dip([_score(w.theirs) for w in all_weeks]),
    )


def _score(entry: Checkin | None) -> float | None:
    return scoring.week_score(entry.closeness, entry.scores) if entry else None


def _row(w: Week) -> TrendRow:
    mine_sat = scoring.satisfaction(w.mine.scores) if w.mine else None
    their_sat = scoring.satisfaction(w.theirs.scores) if w.theirs else None
    my_close = w.mine.closeness if w.mine else None
    their_close = w.theirs.closeness if w.theirs else None
    return TrendRow(
        week=w.week,
        label=f"{w.week.day} {w.week:%b}",
        my_closeness=my_close,
        their_closeness=their_close,
        closeness_gap=scoring.gap(my_close, their_close),
        my_satisfaction=mine_sat,
        their_satisfaction=their_sat,
        satisfaction_gap=scoring.gap(mine_sat, their_sat),
        partner_sealed=w.partner_done and w.theirs is None,
    )


def is_low(entry: Checkin | None) -> bool:
    return entry is not None and scoring.has_low_scores(entry.closeness, entry.scores)
