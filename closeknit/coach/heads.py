"""The small learned heads: plain numpy over weights trained by scripts/train_coach.py.

The weights file holds, per head, a matrix `<head>.w` (classes x features, or
1 x features for a yes/no head), a bias `<head>.b` and, for yes/no heads, a
decision threshold `<head>.t`; a sentence signal also has a reply head
`<head>.reply.*` and the weight `<head>.mix` of the reply head in their mean.
Standardisation was folded into the weights when they were saved, so a head
is one matrix product and a softmax.
"""

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).parent / "weights" / "heads.npz"
_lock = threading.Lock()


class Heads:
    """The trained heads, read from one .npz file."""

    def __init__(self, path: Path = WEIGHTS) -> None:
        with np.load(path, allow_pickle=False) as data:
            self.arrays = {name: np.asarray(data[name]) for name in data.files}

    def __contains__(self, head: str) -> bool:
        return f"{head}.w" in self.arrays

    def threshold(self, head: str) -> float:
        return float(self.arrays[f"{head}.t"][0])

    def news_cutoff(self, head: str) -> float:
        """The good-news probability below which `head` is not asked (0 without one).

        >>> h = Heads.__new__(Heads)
        >>> h.arrays = {"x.news": np.array([0.4])}
        >>> h.news_cutoff("x"), h.news_cutoff("y")
        (0.4, 0.0)
        """
        key = f"{head}.news"
        return float(self.arrays[key][0]) if key in self.arrays else 0.0

    def mix(self, head: str) -> float:
        """How much the reply head weighs against the sentence head (0..1)."""
        return float(self.arrays[f"{head}.mix"][0]) if f"{head}.mix" in self.arrays else 0.5

    def yes(self, head: str, rows: np.ndarray) -> np.ndarray:
        """Probability of "yes" for each row.

        >>> h = Heads.__new__(Heads)
        >>> h.arrays = {"x.w": np.array([[2.0]]), "x.b": np.array([-1.0])}
        >>> h.yes("x", np.array([[0.5], [2.0]])).round(3).tolist()
        [0.5, 0.953]
        """
        if not len(rows):
            return np.zeros(0, np.float32)
        logits = rows @ self.arrays[f"{head}.w"][0] + self.arrays[f"{head}.b"][0]
        probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-logits))
        return probabilities

    def probabilities(self, head: str, row: np.ndarray) -> np.ndarray:
        """Each class's probability under a multinomial head, for one row.

        >>> h = Heads.__new__(Heads)
        >>> h.arrays = {"x.w": np.eye(2), "x.b": np.zeros(2)}
        >>> h.probabilities("x", np.array([0.0, np.log(3)])).round(3).tolist()
        [0.25, 0.75]
        """
        logits = self.arrays[f"{head}.w"] @ row + self.arrays[f"{head}.b"]
        exp = np.exp(logits - logits.max())
        probabilities: np.ndarray = exp / exp.sum()
        return probabilities

    def level(self, head: str, row: np.ndarray, allowed: tuple[int, ...] = (0, 1, 2)) -> int:
        """The most likely class of a multinomial head for one row, among `allowed`.

        >>> h = Heads.__new__(Heads)
        >>> h.arrays = {"x.w": np.eye(3), "x.b": np.zeros(3)}
        >>> row = np.array([0.1, 0.9, 0.5])
        >>> h.level("x", row), h.level("x", row, allowed=(0, 2))
        (1, 2)
        """
        logits = self.arrays[f"{head}.w"] @ row + self.arrays[f"{head}.b"]
        return max(allowed, key=lambda level: float(logits[level]))


@lru_cache(maxsize=1)
def _load() -> Heads:
    return Heads()


def get_heads() -> Heads:
    with _lock:
        return _load()
