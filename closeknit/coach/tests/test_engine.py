"""The public API: the JSON shape, determinism, threads, and no Django."""

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from closeknit.coach import Analysis, analyze
from closeknit.coach.engine import FINDING_KINDS, MECHANISMS, SIGNALS, listening_level
from closeknit.coach.heads import WEIGHTS, get_heads

REPLY = "I hear you, but you always do this. Just ignore her. What happened?"


def test_to_dict_has_exactly_the_issues_keys() -> None:
    data: dict[str, Any] = analyze(REPLY, "My sister was rude again.").to_dict()
    assert set(data) == {"signals", "empathy", "listening_level", "findings", "notice"}
    assert list(data["signals"]) == list(SIGNALS)
    assert {"self_focus", "good_news_dismissed"} <= set(SIGNALS)
    assert all(isinstance(v, bool) for v in data["signals"].values())
    assert list(data["empathy"]) == list(MECHANISMS)
    assert all(v in (0, 1, 2) and isinstance(v, int) for v in data["empathy"].values())
    assert data["listening_level"] in ("internal", "focused", "global")
    for finding in data["findings"]:
        assert set(finding) == {"signal", "start", "end", "message", "suggestion"}
        assert finding["signal"] in FINDING_KINDS
    json.dumps(data)  # plain JSON types only


def test_every_flagged_signal_has_a_finding() -> None:
    for text, context in [
        (REPLY, None),
        (
            "That's nothing, my day was way worse. My boss yelled at me twice.",
            "I had a rough day.",
        ),
        ("Cool. Anyway, what's for dinner?", "I got the job!!"),
    ]:
        result = analyze(text, context)
        flagged = {s for s, on in result.signals.items() if on}
        assert flagged == {f.signal for f in result.findings} - {"i_statement"}


def test_output_is_deterministic() -> None:
    first = analyze(REPLY, "context").to_dict()
    assert all(analyze(REPLY, "context").to_dict() == first for _ in range(3))


def test_threads_get_the_same_answers() -> None:
    texts = [REPLY, "That makes sense. What was the hardest part?", "ok", "You're overreacting."]
    expected = [analyze(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: analyze(t).to_dict(), texts * 5))
    assert results == expected * 5


def test_analysis_is_immutable() -> None:
    result = analyze("ok")
    assert isinstance(result, Analysis)
    try:
        result.listening_level = "global"  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("Analysis should be frozen")


def test_listening_levels() -> None:
    warm = {"validation": True, "open_question": True}
    assert listening_level(warm, {"interpretations": 2}) == "global"
    assert listening_level(warm, {"interpretations": 1}) == "focused"
    assert listening_level({**warm, "advice": True}, {"interpretations": 2}) == "focused"
    assert listening_level({**warm, "dismissive_but": True}, {"interpretations": 2}) == "internal"
    assert listening_level({}, {"interpretations": 0}) == "internal"
    assert listening_level({**warm, "self_focus": True}, {"interpretations": 2}) == "internal"
    assert listening_level({**warm, "good_news_dismissed": True}, {}) == "internal"


def test_weights_are_small_and_complete() -> None:
    assert WEIGHTS.stat().st_size < 600_000  # committed to git: keep it well under a megabyte
    heads = get_heads()
    for name in (*SIGNALS, *MECHANISMS):
        assert name in heads, name


def test_importing_and_running_the_coach_loads_no_django_and_no_sklearn() -> None:
    code = (
        "import sys, json\n"
        "import closeknit.coach\n"
        "assert 'django' not in sys.modules, 'import loaded django'\n"
        "from closeknit.cli import main\n"
        "main(['coach', '--json', 'You never listen.'])\n"
        "loaded = [m for m in ('django', 'sklearn', 'torch') if m in sys.modules]\n"
        "print(json.dumps(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.splitlines()
    assert json.loads(out[0])["signals"]["you_statement"] is True
    assert json.loads(out[-1]) == []


def test_empathy_heads_see_the_questions_on_their_own() -> None:
    from closeknit.coach.encoder import get_encoder
    from closeknit.coach.features import GRAM_BUCKETS, VECTOR_DIM, read
    from closeknit.coach.text import prepare

    def questions(text: str) -> Any:
        row = read(prepare(text), None, get_encoder()).empathy_row()
        return row[-GRAM_BUCKETS - VECTOR_DIM - 2 : -GRAM_BUCKETS]

    plain = questions("That sounds so hard. I'm here.")
    assert not plain.any()
    asked = questions("That sounds so hard. What part of the week weighed on you most?")
    assert abs(float((asked[:VECTOR_DIM] ** 2).sum()) - 1.0) < 1e-4  # a unit vector
    assert [round(float(v), 3) for v in asked[VECTOR_DIM:]] == [0.333, 1.0]  # one, to them
    heads = get_heads()
    assert heads.arrays["explorations.w"].shape[1] == len(
        read(prepare("ok"), None, get_encoder()).empathy_row()
    )


def test_a_bare_i_know_is_general_understanding() -> None:
    # Level 1 of interpretations is said in general words; "I know, babe" is one.
    context = "Work was brutal and the car broke down."
    assert analyze("I know, babe. It's a lot.", context).empathy["interpretations"] == 1
    assert analyze("I know the garage shuts at six.", context).empathy["interpretations"] != 1
