"""The hand-labelled kinds of the partners' messages (corpus/coach/MESSAGES.md)."""

import json
from pathlib import Path

from closeknit.coach.engine import MESSAGE_KINDS

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "coach"


def _contexts(pattern: str) -> set[str]:
    found = set()
    for path in CORPUS.glob(pattern):
        for line in path.read_text(encoding="utf-8").splitlines():
            context = (json.loads(line).get("context") or "").strip()
            if context:
                found.add(context)
    return found


def _kinds(name: str) -> dict[str, str]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    kinds = {r["context"]: r["kind"] for r in records}
    assert len(kinds) == len(records), f"{name} labels a message twice"
    return kinds


def test_every_message_has_one_known_kind() -> None:
    for name in ("messages.jsonl", "messages-test.jsonl"):
        assert set(_kinds(name).values()) <= set(MESSAGE_KINDS)


def test_training_labels_cover_the_training_messages_and_never_a_test_one() -> None:
    held_out = _contexts("test*.jsonl")
    training = _kinds("messages.jsonl")
    assert not set(training) & held_out
    assert set(training) == _contexts("train-*.jsonl") - held_out
    assert set(_kinds("messages-test.jsonl")) == held_out
