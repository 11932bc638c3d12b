"""Which paths to offer: from an assessment report's biggest gaps, and after a check-in dip.

An offer describes what the two of you said; it never labels anyone. A path
lists in `fits` what it answers, strongest first: a kind of intimacy where
you'd both like more ("emotional", "physical"...), "responsiveness" (care
given and care felt a point or more apart) or "lovemap" (many love-map
answers new to you).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from closeknit.accounts.models import User
from closeknit.checkin import selectors as checkin
from closeknit.couples.models import Couple
from closeknit.paths import selectors
from closeknit.paths.selectors import PathCard
from closeknit.private import selectors as just_us

# A path's first fit counts fully, the next ones a little less.
WEIGHTS = (1.0, 0.75, 0.5)
# Under half of the other's love-map answers predicted counts as "new to you".
LOVEMAP_SHARE = 0.5
LIMIT = 3

REASONS = {
    "emotional": "you'd both like more emotional closeness",
    "intellectual": "you'd both like more sharing of ideas",
    "physical": "you'd both like more physical affection",
    "sexual": "you'd both like more closeness in your sex life",
    "spiritual": "you'd both like more shared meaning",
    "recreational": "you'd both like more fun together",
    "social": "you'd both like more of a shared social life",
    "responsiveness": "care given and care felt are a point or more apart",
    "lovemap": "many love-map answers were new to you",
}


@dataclass
class Offer:
    path: PathCard
    reasons: list[str]
    score: float


def report_signals(report: Any) -> dict[str, float]:
    """How strongly the report points to each fit (closeknit.assessment.selectors.Report)."""
    signals = {g["kind"]: float(g["gap"].together) for g in report.gaps}
    resp = report.responsiveness
    if resp and (resp["to_me_differs"] or resp["to_them_differs"]):
        apart = max(
            abs(resp["mine"].felt - resp["theirs"].given),
            abs(resp["theirs"].felt - resp["mine"].given),
        )
        signals["responsiveness"] = round(apart, 2)
    shares = [a.share for a in report.lovemap_totals if a.total]
    if shares and min(shares) < LOVEMAP_SHARE:
        signals["lovemap"] = round(1 + (LOVEMAP_SHARE - min(shares)) * 4, 2)
    return signals


def rank(
    cards: list[PathCard], fits: Mapping[str, list[str]], signals: Mapping[str, float]
) -> list[Offer]:
    """Paths that answer the signals, strongest first; ties keep the catalogue's order.

    >>> a = PathCard("a", "A", "", "", 4, False, False)
    >>> b = PathCard("b", "B", "", "", 4, False, False)
    >>> [o.path.key for o in rank([a, b], {"a": ["social"], "b": ["lovemap"]}, {"lovemap": 2})]
    ['b']
    """
    offers = []
    for path in cards:
        wanted = fits.get(path.key, [])[: len(WEIGHTS)]
        scores = [signals.get(f, 0.0) * w for f, w in zip(wanted, WEIGHTS, strict=False)]
        if scores and max(scores) > 0:
            reasons = [REASONS[f] for f in wanted if signals.get(f, 0) > 0 and f in REASONS]
            offers.append(Offer(path, reasons, round(max(scores), 2)))
    return sorted(offers, key=lambda o: -o.score)


def for_report(couple: Couple, report: Any, limit: int = LIMIT) -> list[Offer]:
    """The two or three paths that fit a revealed report's biggest gaps.

    "Just us" is asked about only when the private path would be offered.
    """
    paths = list(selectors.with_week_counts())
    cards = [selectors.card(p, p.week_count) for p in paths]  # type: ignore[attr-defined]
    ranked = rank(cards, {p.key: list(p.fits) for p in paths}, report_signals(report))
    if any(o.path.private for o in ranked[:limit]) and not just_us.is_open(couple):
        ranked = [o for o in ranked if not o.path.private]
    return ranked[:limit]


@dataclass
class Current:
    run: selectors.RunView | None
    offer: PathCard | None


def current(couple: Couple, viewer: User) -> Current:
    """The couple's open path as the viewer sees it, or an offer after a dip."""
    run = selectors.open_run(couple)
    return Current(
        run=selectors.run_view(run, viewer) if run else None, offer=after_dip(couple, viewer)
    )


@dataclass
class ReportOffers:
    offers: list[Offer]
    busy: bool  # a path is open, so none can be suggested now


def for_report_page(couple: Couple, report: Any) -> ReportOffers:
    return ReportOffers(for_report(couple, report), selectors.open_run(couple) is not None)


def after_dip(couple: Couple, viewer: User) -> PathCard | None:
    """A reconnecting path, when the check-ins the viewer may see show a sustained dip.

    Only while no path is open; the dip is the viewer's own or the partner's
    revealed check-ins (never a sealed one), and it is never named as anyone's.
    """
    if selectors.open_run(couple) is not None:
        return None
    trend = checkin.trend(couple, viewer)
    if not (trend.dip_me or trend.dip_partner):
        return None
    path = selectors.with_week_counts().filter(reconnect=True, private=False).first()
    return selectors.card(path, path.week_count) if path else None  # type: ignore[attr-defined]
