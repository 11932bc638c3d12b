"""`closeknit coach`: single replies, --json and --batch."""

import json
from pathlib import Path
from typing import Any

import pytest

from closeknit.coach.cli import main


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_it_prints_feedback_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["I get that you're tired, but I was tired too."]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A \u201cbut\u201d here may take back what came before it")
    assert "Next: Let what came before the \u201cbut\u201d stand" in out
    assert 'Try: "I get that you\'re tired, and I was tired too."' in out
    assert "Listening level" not in out and "internal" not in out and "/2" not in out


def test_it_prints_plain_words_for_a_good_reply(capsys: pytest.CaptureFixture[str]) -> None:
    reply = "That sounds exhausting, no wonder you're drained. What was the worst part?"
    assert main(["--context", "Work was brutal today.", reply]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "You reflect how they feel and ask about it: that's listening at its fullest."
    )
    assert '+ "' in out  # the words of recognition are marked +


def test_it_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--context", "I got the job!!", "--json", "ok"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["signals"]["too_short"] is True
    assert "id" not in data


def test_words_without_quotes_are_one_reply(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "You", "never", "listen."]) == 0
    assert json.loads(capsys.readouterr().out)["signals"]["you_statement"] is True


@pytest.mark.parametrize(
    "argv",
    [[], ["--json"], ["--bogus", "hi"], ["--batch"], ["--batch", "f.jsonl", "text"], ["  "]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--batch" in capsys.readouterr().out


def test_a_missing_batch_file_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["--batch", str(tmp_path / "nope.jsonl")]) == 2


def test_batch_answers_every_line_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"id": "a", "text": "You never listen.", "context": None},
        "not json at all",
        {"id": 2, "text": ""},
        {"id": 3, "text": "x" * 5001},
        {"id": 4, "text": 12},
        {"id": 5, "text": "ok", "context": 7},
        "",
        ["not", "an", "object"],
        {"id": {"nested": True}, "text": "That makes sense.", "context": "I'm so tired."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    assert main(["--batch", str(source)]) == 0
    out = _lines(capsys.readouterr().out)
    assert [o["id"] for o in out] == ["a", None, 2, 3, 4, 5, None, None, {"nested": True}]
    assert out[0]["signals"]["you_statement"] is True and "error" not in out[0]
    assert ["error" in o for o in out] == [False, True, True, True, True, True, True, True, False]
    assert "5,001 characters" in out[3]["error"]
    assert out[-1]["signals"]["validation"] is True


def test_batch_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 1, "text": "ok"}\n'))
    assert main(["--batch", "-"]) == 0
    assert _lines(capsys.readouterr().out)[0]["id"] == 1


def test_batch_keeps_unicode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "é", "text": "Café? \U0001f97a"}) + "\n", encoding="utf-8")
    assert main(["--batch", str(source)]) == 0
    assert _lines(capsys.readouterr().out)[0]["id"] == "é"
