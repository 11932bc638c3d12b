"""Paging in the selectors: a long list is read one page at a time, in the database.

A selector that lists a collection returns `Rows`: it counts with one query
and reads only the slice a page asks for, turning just those rows into read
models. Django's `Paginator` (pages) and django-ninja's pagination (the API)
both take it as it is, so a page and an API list cost the same few queries
with ten rows or ten thousand.

    >>> rows = Rows([3, 1, 2], lambda batch: [n * 10 for n in batch])
    >>> rows.count(), rows[1:3]
    (3, [10, 20])
"""

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

from django.db.models import QuerySet

S = TypeVar("S")
T = TypeVar("T")


class Rows(Generic[S, T]):
    """`source` (a query, or a list such as matching ids) read as `build(batch)` per slice."""

    def __init__(
        self, source: "QuerySet[Any, S] | Sequence[S]", build: Callable[[list[S]], list[T]]
    ) -> None:
        self.source = source
        self.build = build

    def count(self) -> int:
        if isinstance(self.source, QuerySet):
            return self.source.count()
        return len(self.source)

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, int):
            return self.build([self.source[index]])[0]
        return self.build(list(self.source[index]))

    def __iter__(self) -> Iterator[T]:
        # For a whole short list (an export, a test); pages slice instead.
        return iter(self.build(list(self.source)))
