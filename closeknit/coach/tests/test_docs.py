"""The examples in the coach's docstrings run and hold."""

import doctest
import importlib

import pytest

MODULES = [
    "text",
    "rules",
    "suggest",
    "int8",
    "heads",
    "engine",
    "cli",
    "features",
    "encoder",
    "summary",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"closeknit.coach.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
