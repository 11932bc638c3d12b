"""What the learned heads see: one definition for training and for the app.

A sentence is seen as its MiniLM vector (pooled from the reply's one forward
pass), the rule patterns it matches, and its words and short phrases. A reply
is seen as its vector, the rules any of its sentences match, its length, and
its words and phrases; for active-constructive replies, also the good- and
bad-news cues in what the partner shared.

Words and phrases (1- to 3-word n-grams) are hashed into a fixed number of
buckets, so no vocabulary is stored: MiniLM's mean vector blurs small
function phrases ("at least", "just ignore", "you always") that decide many
signals, and n-grams keep them. Cross-validation over the writers: they raise
the reply-level F1 of dismissive_but, you_statement, advice and minimizing by
three to seven points.

`scripts/train_coach.py` builds its matrices with these same functions, so a
feature can never mean one thing in training and another in use.
"""

import math
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from closeknit.coach import rules
from closeknit.coach.encoder import Encoder
from closeknit.coach.text import MAX_CHARS, Prepared, clean

# Which sentences a sentence head may look at: the rest are "no" without asking.
GATES: dict[str, Callable[[str], bool]] = {
    "dismissive_but": rules.has_contrast,
    "you_statement": rules.has_second_person,
    "open_question": rules.is_question,
    "closed_question": rules.is_question,
    "advice": lambda sentence: True,
    "minimizing": lambda sentence: True,
    "validation": lambda sentence: True,
}
SENTENCE_SIGNALS = tuple(GATES)
# Sentences the guide rules out by name, whatever the heads say.
VETOES: dict[str, Callable[[str], bool]] = {
    "dismissive_but": rules.discounts_nothing,
    "you_statement": rules.no_blaming_you,
    "advice": rules.no_fix,
    "minimizing": rules.takes_a_task,
    "open_question": rules.hostile,
    "closed_question": rules.not_closed,
}
# Sentences the guide names as plain examples of a signal: "yes" without asking.
SURE = {
    "open_question": rules.clearly_open,
    "you_statement": rules.surely_blames,
    "validation": rules.validates,
    "minimizing": rules.plainly_minimizes,
    "advice": rules.plainly_advises,
}


# Hashed n-gram buckets: enough that collisions cost nothing measurable in
# cross-validation, few enough that the weights stay small.
GRAM_BUCKETS = 4096
# Column layout shared by every row: the MiniLM vector, then the rule patterns;
# n-gram buckets always come last (training scales each block differently).
VECTOR_DIM = 384
# How much of the partner's message the model reads (about 130 tokens).
CONTEXT_CHARS = 600
RULES = slice(VECTOR_DIM, VECTOR_DIM + len(rules.NAMES))
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]")


def grams(text: str) -> np.ndarray:
    """The L2-normalised presence vector of the text's hashed 1- to 3-grams.

    Hashing with crc32 (not Python's salted hash) gives the same buckets in
    every process.

    >>> v = grams("Just ignore her.")
    >>> int((v > 0).sum()), round(float(v @ v), 3)
    (12, 1.0)
    """
    tokens = ["<s>", *_TOKEN.findall(text.lower()), "</s>"]
    buckets = {
        zlib.crc32(" ".join(tokens[i : i + n]).encode()) % GRAM_BUCKETS
        for n in (1, 2, 3)
        for i in range(len(tokens) - n + 1)
    }
    vector = np.zeros(GRAM_BUCKETS, np.float32)
    vector[sorted(buckets)] = 1.0
    return vector / np.float32(math.sqrt(len(buckets)))


@dataclass
class Reading:
    """A reply as the heads see it."""

    prepared: Prepared
    reply_vector: np.ndarray  # (384,)
    sentence_vectors: np.ndarray  # (sentences, 384)
    sentence_rules: np.ndarray  # (sentences, len(rules.NAMES))
    context: str | None  # the partner's message, cleaned
    context_vector: np.ndarray | None = None  # (384,) its MiniLM vector, when there is one
    _reply_row: np.ndarray | None = field(default=None, repr=False)
    _good_news_row: np.ndarray | None = field(default=None, repr=False)
    _sentence_matrix: np.ndarray | None = field(default=None, repr=False)

    def sentence_matrix(self) -> np.ndarray:
        """One row per sentence: its vector, its rule patterns, its n-grams."""
        if self._sentence_matrix is None:
            texts = self.prepared.sentence_texts() or [self.prepared.clean]
            self._sentence_matrix = np.hstack(
                [self.sentence_vectors, self.sentence_rules, np.array([grams(t) for t in texts])]
            )
        return self._sentence_matrix

    def gate(self, signal: str) -> np.ndarray:
        """Which sentences may carry `signal`, by the rules alone."""
        check, veto = GATES[signal], VETOES.get(signal)
        texts = self.prepared.sentence_texts()
        return np.array([check(s) and not (veto and veto(s)) for s in texts], dtype=bool)

    def reply_row(self) -> np.ndarray:
        """One row for the reply: vector, rule patterns of any sentence, shape, n-grams."""
        if self._reply_row is None:  # several heads read it; build it once
            self._reply_row = np.concatenate([self._reply_dense(), grams(self.prepared.clean)])
        return self._reply_row

    def news_row(self, good_news: float = 0.0) -> np.ndarray:
        """The reply's row with the news in the partner's message and the reply's focus.

        `good_news` is the good-news head's probability for the message (0
        without one). The heads that weigh the reply against what was shared
        read this row: active_constructive, good_news_dismissed, self_focus.
        """
        news = rules.news_features(self.context or "")
        dense = len(self.reply_row()) - GRAM_BUCKETS
        extra = [news, np.array([good_news], np.float32), focus_features(self.prepared)]
        return np.concatenate([self.reply_row()[:dense], *extra, self.reply_row()[dense:]])

    def empathy_row(self) -> np.ndarray:
        """The reply's row with its questions seen on their own, for the empathy heads.

        Exploring is done in questions, and in a long reply the one question
        that asks about the partner is a small part of the mean vector. So
        the three EPITOME heads also read the mean vector of the reply's
        question sentences (zeros without one), the share of its questions
        that speak to the partner, and whether it asks anything. (Leaving one
        writer out over train-a..f: explorations macro-F1 0.758 to 0.774, and
        0.688 to 0.738 on the forum-register writer; the other two mechanisms
        within a point. EPITOME explorations 59.5 to 62.0.)
        """
        texts = self.prepared.sentence_texts()
        asks = np.array([rules.is_question(t) for t in texts], dtype=bool)
        vector = np.zeros(VECTOR_DIM, np.float32)
        if len(texts) == len(self.sentence_vectors) and asks.any():
            vector = _unit(self.sentence_vectors[asks].mean(axis=0))
        to_them = sum(
            1 for t, a in zip(texts, asks, strict=True) if a and rules.has_second_person(t)
        )
        extra = np.array([min(to_them, 3) / 3, float(asks.any())], np.float32)
        dense = len(self.reply_row()) - GRAM_BUCKETS
        return np.concatenate([self.reply_row()[:dense], vector, extra, self.reply_row()[dense:]])

    def good_news_row(self) -> np.ndarray:
        """What the partner shared, for the head that says whether it is good news.

        Its vector and its good- and bad-news cues: "Today was a good day, not a
        single panic attack" is good news that the word lists alone call bad.
        """
        if self._good_news_row is None:  # the good-news and message heads both read it
            vector = self.context_vector
            if vector is None:
                vector = np.zeros(VECTOR_DIM)
            cues = rules.news_features(self.context or "")
            self._good_news_row = np.concatenate([vector, cues]).astype(np.float32)
        return self._good_news_row

    def _reply_dense(self) -> np.ndarray:
        return np.concatenate([self.reply_vector, self._any_rules(), self._shape()])

    def _any_rules(self) -> np.ndarray:
        if not len(self.sentence_rules):
            return np.zeros(len(rules.NAMES), np.float32)
        strongest: np.ndarray = self.sentence_rules.max(axis=0)
        return strongest

    def _shape(self) -> np.ndarray:
        text = self.prepared.clean
        return np.array(
            [
                math.log1p(len(text.strip())) / 8,
                math.log1p(len(text.split())) / 6,
                min(len(self.prepared.sentences), 10) / 10,
                min(int(self.gate("open_question").sum()), 5) / 5,
            ],
            np.float32,
        )


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm > 0 else vector).astype(np.float32)


_FIRST = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself|im|ive)\b", re.I)
_SECOND = re.compile(r"\b(?:you|your|you're|youre|you've|you'd|yours|yourself|u|ur)\b", re.I)


def focus_features(prepared: Prepared) -> np.ndarray:
    """Whose story the reply tells, and whether it comes back to the partner.

    Self-focus is about the balance of the whole reply: a short "I felt that
    too" followed by a question about theirs, or a line reflecting their
    feeling, hands the focus back; a story about the writer with nothing
    after it about them keeps the floor.

    Columns: share of first-person pronouns; share of sentences led by the
    writer; the last sentence asks them something; the last sentence speaks
    to them; the last sentence is the writer's; a sentence tells the writer's
    own story or compares; that story is in the last sentence; a sentence
    reflects their feeling; a sentence speaks to them kindly (no blame).

    >>> from closeknit.coach.text import prepare
    >>> focus_features(prepare("Same happened to me. I just got over it.")).tolist()
    [1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0]
    >>> focus_features(prepare("I felt that too. How are you doing?")).tolist()
    [0.5, 0.5, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0]
    """
    texts = prepared.sentence_texts() or [prepared.clean]
    first = [len(_FIRST.findall(t)) for t in texts]
    second = [len(_SECOND.findall(t)) for t in texts]
    writer_led = [f > 0 and s == 0 for f, s in zip(first, second, strict=True)]
    story = [_tells_own_story(t) for t in texts]
    kind = [s > 0 and not rules.clearly_blames(t) for s, t in zip(second, texts, strict=True)]
    return np.array(
        [
            sum(first) / max(sum(first) + sum(second), 1),
            sum(writer_led) / len(texts),
            float(second[-1] > 0 and rules.is_question(texts[-1])),
            float(second[-1] > 0),
            float(writer_led[-1]),
            float(any(story)),
            float(story[-1]),
            float(any(rules.reflects_feeling(t) for t in texts)),
            float(any(kind)),
        ],
        np.float32,
    )


_STORY = ("one_up", "own_story", "experience_share", "self_turn")


def _tells_own_story(sentence: str) -> bool:
    return any(rules.FEATURES[name].search(sentence) for name in _STORY)


def read(prepared: Prepared, context: str | None, encoder: Encoder) -> Reading:
    """Run the model once over the reply (pooled per sentence) and once over its context.

    The partner's message is read up to CONTEXT_CHARS: whether it shares
    good news decides two signals, and word lists alone misread news told
    with hard words ("not a single panic attack today"). Its opening says
    what kind of news it is, and a cap keeps a long post from doubling the
    cost of a reply.
    """
    encoded = encoder.encode(prepared.clean)
    sentences = prepared.sentences or ((0, len(prepared.clean)),)
    texts = [prepared.clean[s:e] for s, e in sentences]
    shared = clean(context[:MAX_CHARS]) if context and context.strip() else None
    return Reading(
        prepared=prepared,
        reply_vector=encoded.mean(),
        sentence_vectors=np.array([encoded.mean_between(s, e) for s, e in sentences]),
        sentence_rules=np.array([rules.sentence_features(t) for t in texts]),
        context=shared,
        context_vector=encoder.encode(shared[:CONTEXT_CHARS]).mean() if shared else None,
    )
