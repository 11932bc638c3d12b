"""The settled rule on its own: sealing.settle() with a plain object, no database."""

from dataclasses import dataclass

import pytest

from closeknit.couples.sealing import settle
from closeknit.lib.errors import Conflict


@dataclass
class Entry:
    text: str = "first"
    stars: int = 3
    edited_after_reveal: bool = False
    first_shared: str = ""


def test_it_replaces_silently_before_the_reveal() -> None:
    entry = Entry()
    assert settle(entry, revealed=False, words=("text", "second"), numbers={"stars": 5}) == [
        "stars",
        "text",
    ]
    assert entry == Entry(text="second", stars=5)


def test_it_keeps_the_first_words_once_after_the_reveal() -> None:
    entry = Entry()
    settle(entry, revealed=True, words=("text", "second"))
    changed = settle(entry, revealed=True, words=("text", "third"))
    assert changed == ["text"]
    assert entry == Entry(text="third", edited_after_reveal=True, first_shared="first")


def test_the_same_words_change_nothing() -> None:
    entry = Entry()
    assert settle(entry, revealed=True, words=("text", "first"), numbers={"stars": 3}) == []
    assert entry == Entry()


def test_words_filled_in_after_an_empty_reveal_are_not_an_edit() -> None:
    entry = Entry(text="")
    settle(entry, revealed=True, words=("text", "later"))
    assert entry == Entry(text="later")


def test_numbers_are_refused_after_the_reveal_and_nothing_changes() -> None:
    entry = Entry()
    with pytest.raises(Conflict, match="settled"):
        settle(
            entry,
            revealed=True,
            words=("text", "second"),
            numbers={"stars": 5},
            settled_message="These are settled.",
        )
    assert entry == Entry()
