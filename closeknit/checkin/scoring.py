"""Check-in scores: pure functions over plain numbers (no Django, no database).

Everything here describes; nothing diagnoses. A "dip" is a person's recent
check-ins compared with their own usual level, never with a norm.
"""

from collections.abc import Mapping, Sequence
from statistics import fmean
from typing import NamedTuple

STEPS = 7
LOW_END = 2  # a 1 or a 2 on the 1-7 scale sits at its low end
DIP_RUN = 3  # weeks in a row
DIP_DROP = 1.0  # points below the person's own usual level
DIP_BASELINE_MIN = 3  # earlier check-ins needed to know what "usual" is
DIP_BASELINE_SPAN = 8


def satisfaction(scores: Mapping[str, int]) -> float | None:
    """The mean of the satisfaction items answered, or None.

    >>> satisfaction({"a": 5, "b": 6, "c": 4, "d": 6})
    5.25
    """
    return round(fmean(scores.values()), 2) if scores else None


def week_score(closeness: int, scores: Mapping[str, int]) -> float:
    """One number for a week: closeness and the satisfaction mean, weighted equally.

    >>> week_score(4, {"a": 6, "b": 6})
    5.0
    """
    sat = satisfaction(scores)
    return float(closeness) if sat is None else round((closeness + sat) / 2, 2)


def gap(a: float | None, b: float | None) -> float | None:
    """How far apart two partners' numbers are (never who is "higher"), or None."""
    if a is None or b is None:
        return None
    return round(abs(a - b), 2)


def has_low_scores(closeness: int, scores: Mapping[str, int]) -> bool:
    """True when closeness, or the satisfaction items on average, sit at the scale's low end.

    Only used to offer the resources page; it is not a label for anyone.
    """
    sat = satisfaction(scores)
    return closeness <= LOW_END or (sat is not None and sat <= LOW_END + 0.5)


def sustained_dip(values: Sequence[float | None]) -> bool:
    """True when the last three weeks are each clearly below this person's usual level.

    `values` holds one week score per consecutive week, oldest first, None for
    a week without a check-in; a missing current week is ignored. "Usual" is
    the mean of up to eight earlier check-ins (at least three are needed), and
    "clearly below" is a full point under it, every week of the three.

    >>> sustained_dip([5, 5, 6, 5, 3.5, 3, 3.5])
    True
    >>> sustained_dip([5, 5, 6, 5, 3.5, 5, 3.5])
    False
    """
    series = list(values)
    if series and series[-1] is None:
        series.pop()
    recent = series[-DIP_RUN:]
    if len(recent) < DIP_RUN or any(v is None for v in recent):
        return False
    earlier = [v for v in series[:-DIP_RUN] if v is not None][-DIP_BASELINE_SPAN:]
    if len(earlier) < DIP_BASELINE_MIN:
        return False
    usual = fmean(earlier)
    return all(v is not None and v <= usual - DIP_DROP for v in recent)


class Circles(NamedTuple):
    """Two circles for the closeness picture, in an SVG of `width` x `height`."""

    step: int
    width: int
    height: int
    radius: int
    self_x: float
    partner_x: float
    y: float


def closeness_circles(step: int, radius: int = 18, pad: int = 3) -> Circles:
    """The overlapping-circles picture for one step: 1 apart, 7 almost one circle.

    The distance between centres shrinks evenly from a little more than two
    radii (a small gap) to a fifth of a radius.

    >>> c = closeness_circles(1); c.partner_x - c.self_x
    40.0
    >>> c = closeness_circles(7); round(c.partner_x - c.self_x, 1)
    3.6
    """
    if not 1 <= step <= STEPS:
        raise ValueError(f"step must be 1-{STEPS}")
    far, near = 2 * radius + 4, radius * 0.2
    distance = far - (far - near) * (step - 1) / (STEPS - 1)
    width = int(4 * radius + 4 + 2 * pad)
    middle = width / 2
    return Circles(
        step=step,
        width=width,
        height=2 * radius + 2 * pad,
        radius=radius,
        self_x=round(middle - distance / 2, 2),
        partner_x=round(middle + distance / 2, 2),
        y=radius + pad,
    )
