import pytest

from closeknit.coach import warm_up


@pytest.fixture(scope="session", autouse=True)
def _model() -> None:
    """Load MiniLM and the heads once for the whole session."""
    warm_up()
