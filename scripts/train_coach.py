"""Train the listening coach's small heads on the project's own corpus.

    .venv/bin/python scripts/train_coach.py            # writes closeknit/coach/weights/heads.npz

Reads only corpus/coach/train-*.jsonl and the kinds of their messages
(messages.jsonl): never test.jsonl (kept for measuring)
and never EPITOME (its terms allow evaluation only). Uses scikit-learn, which
is a development dependency; the app reads the saved numpy arrays alone.

Deterministic: files and records in a fixed order, a fixed fold split, lbfgs
(no random state involved), and an .npz written with fixed zip timestamps, so
running it twice on the same corpus gives byte-identical weights. It prints the
sha256 of the file it writes.

What it trains (see closeknit/coach/features.py for the features):
- two yes/no heads per sentence signal (dismissive_but, you_statement,
  open_question, closed_question, advice, minimizing, validation), whose mean
  decides: one over the whole reply, one over each candidate sentence. Labels
  are per reply, so a reply labelled "yes" with several candidate sentences is
  a bag: first every candidate counts with weight 1/k, then only the candidate
  the head scores highest (multiple-instance learning, two rounds);
- too_short, on short replies;
- good_news, over each distinct partner's message (its MiniLM vector and news
  cues), a gate tuned to let 95% of good news through; then
  active_constructive and good_news_dismissed on the replies the gate lets
  through, and self_focus on replies that speak of the writer, each reading
  the gate's out-of-fold probability as a feature;
- one three-level head per EPITOME mechanism;
- message, over each distinct partner's message labelled in messages.jsonl
  (the good-news head's row): what it is (engine.MESSAGE_KINDS), for the
  notes' words.
Each head's regularisation and decision threshold are chosen by
cross-validation that leaves one writer's file out at a time: the test set
comes from another writer, so this is the honest way to choose.
"""

import os

# One BLAS thread: the same sums in the same order on every run.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import pickle  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from closeknit.coach import features  # noqa: E402
from closeknit.coach.encoder import Encoded, Encoder, get_encoder  # noqa: E402
from closeknit.coach.heads import WEIGHTS  # noqa: E402
from closeknit.coach.text import CoachInputError, check, prepare  # noqa: E402

CORPUS = ROOT / "corpus" / "coach"
MESSAGES = CORPUS / "messages.jsonl"  # what each training message is, labelled by hand
MECHANISMS = ("emotional_reactions", "interpretations", "explorations")
C_GRID = (0.001, 0.003, 0.01, 0.03)
RULE_SCALE = float(os.environ.get("COACH_RULE_SCALE", 3.0))
GRAM_SCALE = float(os.environ.get("COACH_GRAM_SCALE", 40.0))
MIX_GRID = (0.25, 0.5, 0.75)


@dataclass
class Example:
    record: dict
    reading: features.Reading
    writer: str  # the file's letter: folds leave one writer out


class CachingEncoder:
    """An Encoder that remembers results on disk (development loops only)."""

    def __init__(self, encoder: Encoder, path: Path | None) -> None:
        self.encoder, self.path = encoder, path
        self.memory: dict[str, Encoded] = {}
        if path and path.exists():
            self.memory = pickle.loads(path.read_bytes())

    def encode(self, text: str) -> Encoded:
        if text not in self.memory:
            self.memory[text] = self.encoder.encode(text)
        return self.memory[text]

    def save(self) -> None:
        if self.path:
            self.path.write_bytes(pickle.dumps(self.memory))


def load_records(paths: list[Path]) -> list[dict]:
    """Records from JSON Lines files, in file then line order; bad lines skipped."""
    records = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                print(f"skipped {path.name}:{number}: not JSON (still being written?)")
    return records


def build_examples(records: list[dict], encoder: CachingEncoder) -> list[Example]:
    examples = []
    for record in records:
        try:
            prepared = prepare(check(record["text"]))
        except CoachInputError:
            continue
        context = record.get("context")
        reading = features.read(prepared, context, encoder)  # type: ignore[arg-type]
        examples.append(Example(record, reading, str(record["id"])[:1]))
    return examples


# --- fitting -----------------------------------------------------------------------


def fit(
    rows: np.ndarray,
    y: np.ndarray,
    c: float,
    weights: np.ndarray | None = None,
    balanced: bool = True,
) -> LogisticRegression:
    model = LogisticRegression(
        C=c, class_weight="balanced" if balanced else None, max_iter=1000, tol=1e-5
    )
    model.fit(rows, y, sample_weight=weights)
    return model


class Scaler:
    """Standardise the dense columns; folded into the weights when saved.

    Three blocks are scaled differently because an L2 penalty treats every
    column alike: the MiniLM dimensions are standardised; the rule patterns
    are standardised then multiplied by RULE_SCALE (a rule is one column
    against 384 of meaning, and a larger scale is a smaller penalty on it);
    the n-gram buckets, already L2-normalised per row and mostly zero, are
    not centred and are multiplied by GRAM_SCALE. Both scales were chosen by
    leave-one-writer-out cross-validation.
    """

    def __init__(self, rows: np.ndarray) -> None:
        dense = rows.shape[1] - features.GRAM_BUCKETS
        self.mean = rows.mean(axis=0, dtype=np.float64)
        self.std = rows.std(axis=0, dtype=np.float64) + 1e-6
        self.std[features.RULES] /= RULE_SCALE
        self.mean[dense:] = 0.0
        self.std[dense:] = 1.0 / GRAM_SCALE

    def __call__(self, rows: np.ndarray) -> sparse.csr_matrix:
        """Scaled rows, sparse: the n-gram block is mostly zeros, which keeps fitting fast."""
        dense = rows.shape[1] - features.GRAM_BUCKETS
        head = (rows[:, :dense] - self.mean[:dense]) / self.std[:dense]
        tail = sparse.csr_matrix(rows[:, dense:], dtype=np.float64) * GRAM_SCALE
        return sparse.hstack([sparse.csr_matrix(head), tail], format="csr")

    def fold(self, model: LogisticRegression) -> tuple[np.ndarray, np.ndarray]:
        w = model.coef_ / self.std
        b = model.intercept_ - w @ self.mean
        return w.astype(np.float32), b.astype(np.float32)


@dataclass
class Bags:
    """The candidate sentences of many replies, stacked into one matrix.

    Labels are per reply, so a reply is a bag of candidates: `owner` says
    which reply each row belongs to (rows of a reply are contiguous).
    """

    rows: np.ndarray  # (candidates, features)
    owner: np.ndarray  # (candidates,) index of the reply
    labels: np.ndarray  # (replies,) 0/1

    def subset(self, index: np.ndarray) -> "Bags":
        keep = np.isin(self.owner, index)
        renumber = np.full(len(self.labels), -1)
        renumber[index] = np.arange(len(index))
        return Bags(self.rows[keep], renumber[self.owner[keep]], self.labels[index])

    def has_candidate(self) -> np.ndarray:
        return np.bincount(self.owner, minlength=len(self.labels)) > 0


def sentence_bags(examples: list[Example], signal: str) -> Bags:
    rows, owner = [], []
    for i, ex in enumerate(examples):
        matrix = ex.reading.sentence_matrix()[ex.reading.gate(signal)]
        rows.append(matrix)
        owner += [i] * len(matrix)
    labels = np.array([int(ex.record["signals"][signal]) for ex in examples])
    return Bags(np.vstack(rows), np.array(owner, dtype=np.int64), labels)


def fit_bags(bags: Bags, c: float, scaler: Scaler) -> LogisticRegression:
    """Multiple-instance training: all candidates, then each bag's best one.

    Round one: every candidate of a "yes" reply counts as "yes" with weight
    1/k. Round two: only the candidate round one scores highest counts.
    """
    rows = scaler(bags.rows)
    label = bags.labels[bags.owner]
    size = np.bincount(bags.owner, minlength=len(bags.labels))[bags.owner]
    model = fit(rows, label, c, np.where(label == 1, 1.0 / size, 1.0))
    score = model.decision_function(rows)
    keep = label == 0
    for bag in np.unique(bags.owner[label == 1]):
        members = np.flatnonzero(bags.owner == bag)
        keep[members[int(np.argmax(score[members]))]] = True
    return fit(rows[keep], label[keep], c, np.ones(int(keep.sum())))


def bag_scores(model: LogisticRegression, scaler: Scaler, bags: Bags) -> np.ndarray:
    """Per reply, the highest probability among its candidates (0 with none)."""
    out = np.zeros(len(bags.labels))
    if len(bags.rows):
        np.maximum.at(out, bags.owner, model.predict_proba(scaler(bags.rows))[:, 1])
    return out


def best_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1 (ties: the one nearest 0.5)."""
    grid = np.round(np.arange(0.2, 0.81, 0.025), 3)
    results = [(f1_score(y, scores >= t, zero_division=0), -abs(t - 0.5), t) for t in grid]
    f1, _, t = max(results)
    return float(t), float(f1)


def best_mix(reply: np.ndarray, sentence: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """The weight of the reply head and the threshold with the best F1: (f1, mix, t).

    A long reply dilutes the reply head; a sentence can need its neighbours.
    Which matters more differs by signal.
    """
    results = []
    for mix in MIX_GRID:
        t, f1 = best_threshold(mix * reply + (1 - mix) * sentence, y)
        results.append((f1, -abs(mix - 0.5), mix, t))
    f1, _, mix, t = max(results)
    return f1, mix, t


def cross_validate(
    n: int,
    groups: np.ndarray,
    run: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> np.ndarray:
    """Out-of-fold scores: run(train index, test index) -> scores for test."""
    out: np.ndarray | None = None
    folds = min(len(set(groups.tolist())), 4)
    for train, test in GroupKFold(n_splits=folds).split(np.zeros(n), groups=groups):
        scores = run(train, test)
        if out is None:
            out = np.zeros((n, *scores.shape[1:]))
        out[test] = scores
    assert out is not None
    return out


def train_sentence_head(examples: list[Example], signal: str, report: dict) -> dict:
    """Two heads whose weighted mean decides: one over the reply, one over its sentences.

    The reply head sees the whole reply (a sentence can count as minimising
    because of the one before it); the sentence head says which sentence it is.
    """
    bags = sentence_bags(examples, signal)
    replies = np.array([ex.reading.reply_row() for ex in examples])
    y = bags.labels
    groups = np.array([ex.writer for ex in examples])

    def run(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        """Scores of the test replies for every C: (replies, C, reply/sentence head)."""
        scaler = Scaler(replies[train])
        train_rows, test_rows = scaler(replies[train]), scaler(replies[test])
        train_bags, test_bags = bags.subset(train), bags.subset(test)
        parts = Scaler(train_bags.rows)
        out = np.zeros((len(test), len(C_GRID), 2))
        for k, c in enumerate(C_GRID):
            out[:, k, 0] = fit(train_rows, y[train], c).predict_proba(test_rows)[:, 1]
            out[:, k, 1] = bag_scores(fit_bags(train_bags, c, parts), parts, test_bags)
        # Replies with no candidate sentence are "no" whatever the mix.
        return np.where(test_bags.has_candidate()[:, None, None], out, 0.0)

    scores = cross_validate(len(y), groups, run)
    best = None
    for k, c in enumerate(C_GRID):
        f1, mix, t = best_mix(scores[:, k, 0], scores[:, k, 1], y)
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, c, t, mix)
    assert best is not None
    f1, c, t, mix = best
    report[signal] = {
        "cv_f1": round(f1, 3),
        "C": c,
        "threshold": t,
        "mix": mix,
        "ungated_positives": int((y.astype(bool) & ~bags.has_candidate()).sum()),
    }
    scaler = Scaler(replies)
    w_reply, b_reply = scaler.fold(fit(scaler(replies), y, c))
    parts = Scaler(bags.rows)
    w, b = parts.fold(fit_bags(bags, c, parts))
    return {
        f"{signal}.w": w,
        f"{signal}.b": b,
        f"{signal}.t": np.array([t], np.float32),
        f"{signal}.mix": np.array([mix], np.float32),
        f"{signal}.reply.w": w_reply,
        f"{signal}.reply.b": b_reply,
    }


def scores_for_each_c(
    rows: np.ndarray, y: np.ndarray, groups: np.ndarray, output: Callable
) -> np.ndarray:
    """Out-of-fold outputs for every C in C_GRID: (rows, C, ...)."""

    def run(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        scaler = Scaler(rows[train])
        train_rows, test_rows = scaler(rows[train]), scaler(rows[test])
        return np.stack([output(fit(train_rows, y[train], c), test_rows) for c in C_GRID], axis=1)

    return cross_validate(len(y), groups, run)


def train_yes_no(
    name: str, rows: np.ndarray, y: np.ndarray, groups: np.ndarray, report: dict
) -> dict:
    scores = scores_for_each_c(rows, y, groups, lambda m, r: m.predict_proba(r)[:, 1])
    best = None
    for k, c in enumerate(C_GRID):
        t, f1 = best_threshold(scores[:, k], y)
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, c, t)
    assert best is not None
    f1, c, t = best
    report[name] = {"cv_f1": round(f1, 3), "C": c, "threshold": t, "rows": len(y)}
    scaler = Scaler(rows)
    w, b = scaler.fold(fit(scaler(rows), y, c))
    return {f"{name}.w": w, f"{name}.b": b, f"{name}.t": np.array([t], np.float32)}


def train_levels(
    name: str, rows: np.ndarray, y: np.ndarray, groups: np.ndarray, report: dict
) -> dict:
    predicted = scores_for_each_c(rows, y, groups, lambda m, r: m.predict(r).astype(float))
    best = None
    for k, c in enumerate(C_GRID):
        f1 = f1_score(y, predicted[:, k], average="macro")
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, c)
    assert best is not None
    f1, c = best
    report[name] = {"cv_macro_f1": round(f1, 3), "C": c}
    scaler = Scaler(rows)
    w, b = scaler.fold(fit(scaler(rows), y, c))
    return {f"{name}.w": w, f"{name}.b": b}


# --- the reply-level heads ------------------------------------------------------------


def train_too_short(examples: list[Example], report: dict) -> dict:
    from closeknit.coach.engine import short_enough

    chosen = [ex for ex in examples if short_enough(ex.reading.prepared)]
    rows = np.array([ex.reading.reply_row() for ex in chosen])
    y = np.array([int(ex.record["signals"]["too_short"]) for ex in chosen])
    missed = sum(
        1
        for ex in examples
        if ex.record["signals"]["too_short"] and not short_enough(ex.reading.prepared)
    )
    out = train_yes_no("too_short", rows, y, np.array([ex.writer for ex in chosen]), report)
    report["too_short"]["ungated_positives"] = missed
    return out


def train_on_news_rows(
    name: str,
    examples: list[Example],
    asked: Callable[[Example], bool],
    good: dict[str, float],
    report: dict,
) -> dict:
    """A yes/no head over the replies the engine asks it about, read with news and focus.

    `good` holds the good-news head's out-of-fold probability per message:
    the probability a head sees in training is one from a model that never
    saw that message, as it will be in use.
    """
    chosen = [ex for ex in examples if asked(ex)]
    rows = np.array([ex.reading.news_row(good.get(ex.record["context"], 0.0)) for ex in chosen])
    y = np.array([int(ex.record["signals"][name]) for ex in chosen])
    groups = np.array([ex.writer for ex in chosen])
    out = train_yes_no(name, rows, y, groups, report)
    report[name]["ungated_positives"] = sum(
        1 for ex in examples if ex.record["signals"][name] and not asked(ex)
    )
    return out


def shares_good_news(ex: Example, good: dict[str, float], threshold: float) -> bool:
    """The reply answers a message the engine's good-news gate lets through (out of fold)."""
    from closeknit.coach import engine

    probability = good.get(ex.record["context"], 0.0)
    return bool(ex.reading.context) and engine.shares_good_news(
        probability, ex.reading.context or "", threshold
    )


def good_news_contexts(examples: list[Example]) -> set[str]:
    """Messages the labels call good news: some reply to them is labelled
    active-constructive or good-news-dismissed, which only good news allows."""
    return {
        ex.record["context"]
        for ex in examples
        if ex.record["signals"]["active_constructive"]
        or ex.record["signals"].get("good_news_dismissed")
    }


def train_good_news(examples: list[Example], report: dict) -> tuple[dict, dict[str, float]]:
    """Is the partner's message good news? One row per distinct message.

    Returns the weights and each message's out-of-fold probability: the reply
    heads below train on the replies the gate lets through, and read the
    probability as a feature.
    """
    good = good_news_contexts(examples)
    seen: dict[str, Example] = {}
    for ex in examples:
        if ex.reading.context and ex.record["context"] not in seen:
            seen[ex.record["context"]] = ex
    chosen = list(seen.values())
    rows = np.array([ex.reading.good_news_row() for ex in chosen])
    y = np.array([int(ex.record["context"] in good) for ex in chosen])
    groups = np.array([ex.writer for ex in chosen])
    arrays, scores = train_gate("good_news", rows, y, groups, report)
    return arrays, {ex.record["context"]: float(p) for ex, p in zip(chosen, scores, strict=True)}


GATE_RECALL = 0.95


def train_gate(
    name: str, rows: np.ndarray, y: np.ndarray, groups: np.ndarray, report: dict
) -> tuple[dict, np.ndarray]:
    """A yes/no head used as a gate: its threshold keeps GATE_RECALL of the yeses.

    A gate that shuts wrongly silences the heads behind it, which cannot
    recover; one that opens wrongly only asks them a question they can
    answer "no" to. So the gate's C is chosen by cross-validated average
    precision, and its threshold is the highest that still lets GATE_RECALL
    of the yeses through.
    """
    from sklearn.metrics import average_precision_score

    scores = scores_for_each_c(rows, y, groups, lambda m, r: m.predict_proba(r)[:, 1])
    k = max(range(len(C_GRID)), key=lambda i: average_precision_score(y, scores[:, i]))
    grid = np.round(np.arange(0.05, 0.81, 0.025), 3)
    t = max(t for t in grid if t == grid[0] or (scores[:, k][y == 1] >= t).mean() >= GATE_RECALL)
    passed = scores[:, k] >= t
    report[name] = {
        "C": C_GRID[k],
        "threshold": float(t),
        "cv_recall": round(float(passed[y == 1].mean()), 3),
        "cv_pass_rate": round(float(passed.mean()), 3),
        "rows": len(y),
    }
    scaler = Scaler(rows)
    w, b = scaler.fold(fit(scaler(rows), y, C_GRID[k]))
    arrays = {f"{name}.w": w, f"{name}.b": b, f"{name}.t": np.array([t], np.float32)}
    return arrays, scores[:, k]


def train_active_constructive(
    examples: list[Example], good: dict[str, float], threshold: float, report: dict
) -> dict:
    """On replies to good news: the reply plus the context's news cues."""
    return train_on_news_rows(
        "active_constructive",
        examples,
        lambda ex: shares_good_news(ex, good, threshold),
        good,
        report,
    )


def train_self_focus(examples: list[Example], good: dict[str, float], report: dict) -> dict:
    """On every reply that speaks of the writer (the engine asks no other)."""
    from closeknit.coach import rules

    def asked(ex: Example) -> bool:
        return bool(rules.FEATURES["first_person"].search(ex.reading.prepared.clean))

    return train_on_news_rows("self_focus", examples, asked, good, report)


NEWS_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6)


def train_good_news_dismissed(
    examples: list[Example], good: dict[str, float], threshold: float, report: dict
) -> dict:
    """On replies to good news (the engine asks no other), with a surer gate of its own.

    The shared gate lets almost every piece of good news through, and about
    half of all messages with it (complaints, daily questions, bad news told
    lightly). Enthusiasm is rare in a reply to those, so active-constructive
    loses little; a curt or self-turning reply to them is common, and would
    read as dismissed good news. So this head also has a cutoff on the
    good-news probability, chosen with its threshold and C from NEWS_GRID by
    the same leave-one-writer-out F1 (positives the gate shuts out count as
    misses), on out-of-fold good-news probabilities.
    """
    name = "good_news_dismissed"
    chosen = [ex for ex in examples if shares_good_news(ex, good, threshold)]
    rows = np.array([ex.reading.news_row(good.get(ex.record["context"], 0.0)) for ex in chosen])
    y = np.array([int(ex.record["signals"][name]) for ex in chosen])
    groups = np.array([ex.writer for ex in chosen])
    news = np.array([good.get(ex.record["context"], 0.0) for ex in chosen])
    ungated = sum(1 for ex in examples if ex.record["signals"][name]) - int(y.sum())
    scores = scores_for_each_c(rows, y, groups, lambda m, r: m.predict_proba(r)[:, 1])
    grid = np.round(np.arange(0.2, 0.81, 0.025), 3)
    best = None
    for k, c in enumerate(C_GRID):
        for cut in NEWS_GRID:
            for t in grid:
                said = (scores[:, k] >= t) & (news >= cut)
                tp = int((said & (y == 1)).sum())
                wrong = int((said & (y == 0)).sum()) + int((~said & (y == 1)).sum()) + ungated
                f1 = 2 * tp / (2 * tp + wrong) if tp else 0.0
                key = (f1, -cut, -abs(t - 0.5))
                if best is None or key > best[0]:
                    best = (key, c, float(t), float(cut))
    assert best is not None
    (f1, _, _), c, t, cut = best
    report[name] = {
        "cv_f1": round(f1, 3),
        "C": c,
        "threshold": t,
        "news_cutoff": cut,
        "rows": len(y),
        "ungated_positives": ungated,
    }
    scaler = Scaler(rows)
    w, b = scaler.fold(fit(scaler(rows), y, c))
    return {
        f"{name}.w": w,
        f"{name}.b": b,
        f"{name}.t": np.array([t], np.float32),
        f"{name}.news": np.array([cut], np.float32),
    }


def message_kinds(path: Path = MESSAGES) -> dict[str, str]:
    """Each labelled partner's message and its kind (`MESSAGES.md`)."""
    return {r["context"].strip(): r["kind"] for r in load_records([path])}


def train_message(examples: list[Example], report: dict) -> dict:
    """What the partner's message is (engine.MESSAGE_KINDS): one row per labelled message.

    The notes' words depend on it (a hard time, light talk, a complaint...),
    and advice only through engine._join_in. Its rows are the good-news head's:
    the message's vector and its news cues.
    """
    from closeknit.coach.engine import MESSAGE_KINDS

    kinds = message_kinds()
    seen: dict[str, Example] = {}
    for ex in examples:
        context = (ex.record.get("context") or "").strip()
        if ex.reading.context and context in kinds and context not in seen:
            seen[context] = ex
    rows = np.array([ex.reading.good_news_row() for ex in seen.values()])
    y = np.array([MESSAGE_KINDS.index(kinds[context]) for context in seen])
    groups = np.array([ex.writer for ex in seen.values()])
    out = train_levels("message", rows, y, groups, report)
    report["message"]["rows"] = len(y)
    return out


def train_empathy(examples: list[Example], report: dict) -> dict:
    rows = np.array([ex.reading.empathy_row() for ex in examples])
    groups = np.array([ex.writer for ex in examples])
    out = {}
    for mechanism in MECHANISMS:
        y = np.array([int(ex.record["empathy"][mechanism]) for ex in examples])
        out.update(train_levels(mechanism, rows, y, groups, report))
    return out


def train_all(examples: list[Example], report: dict, only: str | None = None) -> dict:
    """Every head (or those named in `only`, a comma-separated list), choosing C and thresholds."""
    names = [n.strip() for n in only.split(",")] if only else []

    def wanted(*heads: str) -> bool:
        return not names or any(n in head for n in names for head in heads)

    arrays: dict[str, np.ndarray] = {}
    for signal in features.SENTENCE_SIGNALS:
        if wanted(signal):
            arrays.update(train_sentence_head(examples, signal, report))
    if wanted("too_short"):
        arrays.update(train_too_short(examples, report))
    if wanted("good_news", "active_constructive", "good_news_dismissed", "self_focus"):
        news, good = train_good_news(examples, report)
        gate = float(news["good_news.t"][0])
        arrays.update(news)
        arrays.update(train_active_constructive(examples, good, gate, report))
        arrays.update(train_good_news_dismissed(examples, good, gate, report))
        arrays.update(train_self_focus(examples, good, report))
    if wanted(*MECHANISMS):
        arrays.update(train_empathy(examples, report))
    if wanted("message"):
        arrays.update(train_message(examples, report))
    return arrays


# --- saving ---------------------------------------------------------------------------


def save(arrays: dict[str, np.ndarray], path: Path) -> str:
    """Write an .npz np.load can read, byte-identical for identical arrays."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(
                member, np.ascontiguousarray(arrays[name]), allow_pickle=False
            )
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--cache", type=Path, help="remember embeddings here (development)")
    parser.add_argument(
        "--only", help="train only heads whose names contain these, comma-separated (development)"
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="with --only: write the new heads into the existing weights (development)",
    )
    args = parser.parse_args(argv)

    paths = sorted(CORPUS.glob("train-*.jsonl"))
    records = load_records(paths)
    encoder = CachingEncoder(get_encoder(), args.cache)
    examples = build_examples(records, encoder)
    encoder.save()
    print(f"{len(examples)} training replies from {', '.join(p.name for p in paths)}")

    report: dict = {}
    arrays = train_all(examples, report, args.only)
    for name, figures in report.items():
        print(f"  {name:22} {figures}")
    if args.only and not args.update:
        return 0
    if args.only:
        with np.load(args.out, allow_pickle=False) as old:
            arrays = {
                **{name[:-4] if name.endswith(".npy") else name: old[name] for name in old.files},
                **arrays,
            }
    digest = save(arrays, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    print(f"sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
