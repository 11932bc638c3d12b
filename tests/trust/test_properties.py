"""Property-based tests: the coach and the scoring functions on arbitrary input.

The coach reads whatever a person types (any Unicode, HTML, emoji, control
characters); it may refuse with a kind CoachInputError, and nothing else.
The scoring functions take any answers within their documented scales.
"""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from closeknit.assessment import scoring as assessment
from closeknit.checkin import scoring as checkin
from closeknit.coach import CoachInputError, analyze
from closeknit.coach.engine import MECHANISMS, SIGNALS
from closeknit.coach.text import MAX_CHARS

# The coach runs a small model on the CPU; a few dozen texts per property keep
# this file well under 30 seconds while still finding the odd corner.
COACH = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=150, deadline=None)

LEVELS = {"internal", "focused", "global"}
KEYS = {"signals", "empathy", "listening_level", "findings", "notice"}

texts = st.text(max_size=400) | st.text(
    alphabet=st.sampled_from(list("ab ,.!?'\n<>&;but you I and what how 😊é\u200b\u0301")),
    max_size=300,
)
contexts = st.none() | st.text(max_size=200)


def check_result(text: str, result: dict[str, object]) -> None:
    assert set(result) == KEYS
    signals, empathy, findings = result["signals"], result["empathy"], result["findings"]
    assert isinstance(signals, dict) and set(signals) == set(SIGNALS)
    assert all(isinstance(v, bool) for v in signals.values())
    assert isinstance(empathy, dict) and set(empathy) == set(MECHANISMS)
    assert all(isinstance(v, int) and 0 <= v <= 2 for v in empathy.values())
    assert result["listening_level"] in LEVELS
    assert result["notice"] is None or isinstance(result["notice"], str)
    assert isinstance(findings, list)
    starts = []
    for finding in findings:
        assert set(finding) == {"signal", "start", "end", "message", "suggestion"}
        assert finding["signal"] in SIGNALS and signals[finding["signal"]]
        assert 0 <= finding["start"] < finding["end"] <= len(text), finding
        assert isinstance(finding["message"], str) and finding["message"]
        assert finding["suggestion"] is None or isinstance(finding["suggestion"], str)
        starts.append(finding["start"])
    assert starts == sorted(starts), "findings come in the order of the text"


@COACH
@given(text=texts, context=contexts)
@example(text="I hear you, but you always do this.", context=None)
@example(text="<p>That&nbsp;sounds <b>hard</b>.</p> What happened?", context="Rough day.")
@example(text="x" * (MAX_CHARS + 1), context=None)
@example(text=" \n\t\u200b ", context=None)
@example(text="\x00\x01 but \ud7ff", context="\x00")
def test_the_coach_reads_anything_or_says_kindly_why_not(text: str, context: str | None) -> None:
    try:
        first = analyze(text, context).to_dict()
    except CoachInputError as error:
        assert str(error), "a refusal says why"
        return
    check_result(text, first)
    assert analyze(text, context).to_dict() == first, "the same text gets the same reading"


@FAST
@given(value=st.integers() | st.floats() | st.binary() | st.lists(st.text()) | st.none())
def test_the_coach_refuses_what_is_not_text(value: object) -> None:
    with pytest.raises(CoachInputError):
        analyze(value)  # type: ignore[arg-type]


# --- assessment scoring ---------------------------------------------------------------

scale = st.integers(min_value=1, max_value=7)
keys = st.text(alphabet="abcdefgh", min_size=1, max_size=3)
answers = st.dictionaries(keys, st.lists(scale, min_size=2, max_size=2), max_size=12)
kinds = st.dictionaries(st.sampled_from(["emotional", "physical", "fun"]), st.lists(keys))


@FAST
@given(answers=answers, kinds=kinds, theirs=answers)
def test_assessment_scores_stay_on_the_scale(answers: dict, kinds: dict, theirs: dict) -> None:
    scoring = assessment
    mine_scores = scoring.kind_scores(answers, kinds)
    their_scores = scoring.kind_scores(theirs, kinds)
    for score in [*mine_scores.values(), *their_scores.values()]:
        assert 1 <= score.now <= 7, score
        assert 1 <= score.ideal <= 7, score
        assert -6 <= score.gap <= 6
    total = scoring.overall(mine_scores)
    assert (total is None) == (not mine_scores)
    if total is not None:
        assert 1 <= total.now <= 7, total
        assert 1 <= total.ideal <= 7, total
    gaps = scoring.biggest_gaps(mine_scores, their_scores)
    assert len(gaps) <= 3
    assert [g.together for g in gaps] == sorted((g.together for g in gaps), reverse=True)
    assert all(g.together >= scoring.NOISE - 1e-9 for g in gaps)
    for diff in scoring.differences(mine_scores, their_scores):
        assert abs(diff.mine - diff.theirs) >= scoring.NOISE - 1e-9
        assert diff.aspect in ("now", "ideal")
    felt = scoring.responsiveness(answers)
    assert (felt is None) == (not answers)
    if felt is not None:
        assert 1 <= felt.felt <= 7, felt
        assert 1 <= felt.given <= 7, felt


options = st.integers(min_value=0, max_value=4)
lovemap = st.dictionaries(keys, st.lists(options, min_size=2, max_size=2), max_size=10)


@FAST
@given(guesser=lovemap, answerer=lovemap, topics=kinds)
def test_lovemap_accuracy_counts_within_bounds(
    guesser: dict, answerer: dict, topics: dict
) -> None:
    scoring = assessment
    per_topic = scoring.lovemap_accuracy(guesser, answerer, topics)
    assert set(per_topic) == set(topics)
    for accuracy in per_topic.values():
        assert 0 <= accuracy.correct <= accuracy.total
        assert 0 <= accuracy.share <= 1
    total = scoring.total_accuracy(per_topic)
    assert total.correct == sum(a.correct for a in per_topic.values())
    # Someone who guesses every one of their partner's answers right scores them all.
    perfect = {k: [v[1], answerer[k][0]] for k, v in guesser.items() if k in answerer}
    for accuracy in scoring.lovemap_accuracy(perfect, answerer, topics).values():
        assert accuracy.correct == accuracy.total


# --- check-in scoring -----------------------------------------------------------------

item_scores = st.dictionaries(keys, scale, max_size=6)
weeks = st.lists(st.none() | st.floats(min_value=1, max_value=7), max_size=20)


@FAST
@given(closeness=scale, scores=item_scores, other=st.none() | st.floats(1, 7))
def test_checkin_scores_stay_on_the_scale(closeness: int, scores: dict, other: float) -> None:
    scoring = checkin
    sat = scoring.satisfaction(scores)
    assert (sat is None) == (not scores)
    assert sat is None or 1 <= sat <= 7
    week = scoring.week_score(closeness, scores)
    assert 1 <= week <= 7
    assert isinstance(scoring.has_low_scores(closeness, scores), bool)
    gap = scoring.gap(week, other)
    assert gap is None if other is None else 0 <= gap <= 6
    assert scoring.gap(week, other) == scoring.gap(other, week)


@FAST
@given(values=weeks)
def test_a_dip_needs_three_low_weeks_after_a_usual_level(values: list) -> None:
    scoring = checkin
    dip = scoring.sustained_dip(values)
    assert isinstance(dip, bool)
    known = [v for v in values if v is not None]
    if len(known) < scoring.DIP_RUN + scoring.DIP_BASELINE_MIN:
        assert not dip
    if dip:
        series = values[:-1] if values and values[-1] is None else values
        assert all(v is not None for v in series[-scoring.DIP_RUN :])


@FAST
@given(step=st.integers(min_value=-5, max_value=12), radius=st.integers(min_value=4, max_value=60))
def test_the_closeness_circles_come_closer_step_by_step(step: int, radius: int) -> None:
    scoring = checkin
    if not 1 <= step <= scoring.STEPS:
        with pytest.raises(ValueError):
            scoring.closeness_circles(step, radius)
        return
    circles = scoring.closeness_circles(step, radius)
    distance = circles.partner_x - circles.self_x
    assert distance > 0
    assert circles.self_x - radius >= 0 and circles.partner_x + radius <= circles.width
    if step < scoring.STEPS:
        closer = scoring.closeness_circles(step + 1, radius)
        assert closer.partner_x - closer.self_x < distance
