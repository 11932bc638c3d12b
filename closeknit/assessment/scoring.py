"""Scoring the couples' assessment: pure functions over plain dicts (no Django, no database).

Everything is descriptive: means on the 1-7 scale the partners answered on,
gaps between "as it is now" and "as I'd like it", and where the two partners'
views differ. There are no norms, cut-offs or labels.

The noise level. Each kind's mean comes from six items on a 1-7 scale, and two
people read a scale differently and answer on different days. A difference
smaller than NOISE (one full point between two means) is treated as the same
view, never shown as a difference. The same point marks a now-versus-ideal
gap as worth looking at.

Prefer not to say. A sensitive item may be skipped (its answer is None). A
skipped item counts for nothing: a kind's mean is over the items answered,
never with a 0 in their place, and a kind with no answer has no mean, so it
is left out of the overall means, the gaps and the differences.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

NOISE = 1.0
SCALE = (1, 7)

Answers = Mapping[str, Sequence[int]]  # {item key: [first rating, second rating]}
# Intimacy answers may hold None for a skipped item ("prefer not to say").
MaybeAnswers = Mapping[str, Sequence[int] | None]


def _mean(values: Sequence[float]) -> float | None:
    return round(fmean(values), 2) if values else None


@dataclass(frozen=True)
class KindScore:
    """One person's view of one kind of intimacy: means of "now" and "as I'd like it"."""

    now: float
    ideal: float

    @property
    def gap(self) -> float:
        """How much more (or, if negative, less) the person would like than they have."""
        return round(self.ideal - self.now, 2)


def kind_scores(answers: MaybeAnswers, kinds: Mapping[str, Sequence[str]]) -> dict[str, KindScore]:
    """Mean "now" and "ideal" per kind, over the items answered (skipped ones left out).

    >>> kind_scores({"e1": [4, 6], "e2": [5, 7]}, {"emotional": ["e1", "e2"]})
    {'emotional': KindScore(now=4.5, ideal=6.5)}
    >>> kind_scores({"s1": [2, 6], "s2": None}, {"sexual": ["s1", "s2"]})
    {'sexual': KindScore(now=2.0, ideal=6.0)}
    >>> kind_scores({"s1": None, "s2": None}, {"sexual": ["s1", "s2"]})
    {}
    """
    out = {}
    for kind, keys in kinds.items():
        pairs = [p for k in keys if (p := answers.get(k)) is not None]
        now, ideal = _mean([p[0] for p in pairs]), _mean([p[1] for p in pairs])
        if now is not None and ideal is not None:
            out[kind] = KindScore(now, ideal)
    return out


def skipped(answers: MaybeAnswers, kinds: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """How many items of each kind were skipped ("prefer not to say"); kinds with none left out.

    >>> skipped({"s1": None, "s2": [3, 5], "e1": [4, 4]}, {"sexual": ["s1", "s2"], "e": ["e1"]})
    {'sexual': 1}
    """
    counts = {
        kind: sum(1 for k in keys if k in answers and answers[k] is None)
        for kind, keys in kinds.items()
    }
    return {kind: n for kind, n in counts.items() if n}


def overall(scores: Mapping[str, KindScore]) -> KindScore | None:
    """The mean of the kinds' means (each kind counts the same)."""
    if not scores:
        return None
    now = _mean([s.now for s in scores.values()])
    ideal = _mean([s.ideal for s in scores.values()])
    assert now is not None and ideal is not None
    return KindScore(now, ideal)


def is_difference(a: float, b: float, noise: float = NOISE) -> bool:
    """True when two means are at least `noise` apart (under that, they're the same view).

    >>> is_difference(4.5, 5.33), is_difference(4.5, 5.5)
    (False, True)
    """
    return abs(a - b) >= noise - 1e-9


@dataclass(frozen=True)
class Gap:
    kind: str
    mine: float
    theirs: float

    @property
    def together(self) -> float:
        return round((self.mine + self.theirs) / 2, 2)


def biggest_gaps(
    mine: Mapping[str, KindScore], theirs: Mapping[str, KindScore], limit: int = 3
) -> list[Gap]:
    """The kinds where the two of you, on average, would most like more than you have.

    Only gaps of at least NOISE (on the average of the two) are listed, largest
    first, at most `limit`; ties keep the order of the kinds.

    >>> a = {"x": KindScore(4, 6), "y": KindScore(5, 5.5), "z": KindScore(3, 6)}
    >>> b = {"x": KindScore(5, 6), "y": KindScore(5, 6), "z": KindScore(4, 5)}
    >>> [(g.kind, g.together) for g in biggest_gaps(a, b)]
    [('z', 2.0), ('x', 1.5)]
    """
    gaps = [Gap(k, mine[k].gap, theirs[k].gap) for k in mine if k in theirs]
    gaps = [g for g in gaps if g.together >= NOISE - 1e-9]
    return sorted(gaps, key=lambda g: -g.together)[:limit]


@dataclass(frozen=True)
class Difference:
    kind: str
    aspect: str  # "now" or "ideal"
    mine: float
    theirs: float


def differences(
    mine: Mapping[str, KindScore], theirs: Mapping[str, KindScore], noise: float = NOISE
) -> list[Difference]:
    """Where the two views differ by at least the noise level: now, and as each would like it.

    >>> a, b = {"x": KindScore(3, 6)}, {"x": KindScore(5, 6.5)}
    >>> differences(a, b)
    [Difference(kind='x', aspect='now', mine=3, theirs=5)]
    """
    out = []
    for kind in mine:
        if kind not in theirs:
            continue
        for aspect in ("now", "ideal"):
            a, b = getattr(mine[kind], aspect), getattr(theirs[kind], aspect)
            if is_difference(a, b, noise):
                out.append(Difference(kind, aspect, a, b))
    return out


@dataclass(frozen=True)
class Responsiveness:
    felt: float  # how responsive my partner is to me, as I experience it
    given: float  # how responsive I am to my partner, as I see myself


def responsiveness(answers: Answers) -> Responsiveness | None:
    """Means of the two ways of answering: felt (to me) and given (from me).

    >>> responsiveness({"r1": [5, 6], "r2": [4, 7]})
    Responsiveness(felt=4.5, given=6.5)
    """
    felt = _mean([a[0] for a in answers.values()])
    given = _mean([a[1] for a in answers.values()])
    if felt is None or given is None:
        return None
    return Responsiveness(felt, given)


@dataclass(frozen=True)
class Accuracy:
    correct: int
    total: int

    @property
    def share(self) -> float:
        return round(self.correct / self.total, 2) if self.total else 0.0


def lovemap_accuracy(
    guesser: Answers, answerer: Answers, topics: Mapping[str, Sequence[str]]
) -> dict[str, Accuracy]:
    """Per topic: how many of `answerer`'s own answers `guesser` predicted.

    Love-map answers are [my own answer, my guess of my partner's] (option indexes).

    >>> ana = {"q1": [0, 2], "q2": [1, 1]}
    >>> ben = {"q1": [2, 0], "q2": [3, 4]}
    >>> lovemap_accuracy(ana, ben, {"people": ["q1", "q2"]})
    {'people': Accuracy(correct=1, total=2)}
    """
    out = {}
    for topic, keys in topics.items():
        asked = [k for k in keys if k in guesser and k in answerer]
        correct = sum(1 for k in asked if guesser[k][1] == answerer[k][0])
        out[topic] = Accuracy(correct, len(asked))
    return out


def total_accuracy(per_topic: Mapping[str, Accuracy]) -> Accuracy:
    return Accuracy(
        sum(a.correct for a in per_topic.values()), sum(a.total for a in per_topic.values())
    )
