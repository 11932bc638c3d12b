"""The listening coach: reads a reply to a partner and shows how it listens.

A plain library (no Django): rules first, then one MiniLM pass on the CPU and a
few small learned heads. See engine.py for the order of work.

    >>> from closeknit.coach import analyze
    >>> analyze("That makes sense. What was the hardest part?").signals["open_question"]
    True
"""

from closeknit.coach.engine import Analysis, Finding, analyze, warm_up
from closeknit.coach.text import CoachInputError

__all__ = ["Analysis", "CoachInputError", "Finding", "analyze", "warm_up"]
