"""`closeknit coach`: the listening coach from the command line, without Django.

    closeknit coach "I hear you, but you always do this."
    closeknit coach --context "I got the job!" --json "Congrats!! Tell me everything."
    closeknit coach --batch replies.jsonl > results.jsonl

--batch reads JSON Lines, {"id": ..., "text": "...", "context": "..." | null},
and writes one JSON object per input line, in order, echoing "id". A line the
coach cannot read gets {"id": ..., "error": "..."} and the batch goes on.
Exit status: 0 when done, 2 for a usage error (including a single TEXT the
coach cannot read).
"""

import argparse
import json
import sys
from collections.abc import Iterable
from typing import IO, Any

from closeknit.coach.engine import Analysis, analyze, warm_up
from closeknit.coach.summary import summarise
from closeknit.coach.text import CoachInputError

USAGE_ERROR = 2
POSITIVE = {"validation", "open_question", "active_constructive", "i_statement"}


def main(argv: list[str]) -> int:
    """Run the command; return the exit status instead of exiting."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help and on errors
        return int(stop.code or 0)
    if args.batch:
        if args.text or args.context is not None:
            parser.print_usage(sys.stderr)
            print("closeknit coach: --batch takes no TEXT or --context", file=sys.stderr)
            return USAGE_ERROR
        return _batch(args.batch, sys.stdout)
    if not args.text:
        parser.print_usage(sys.stderr)
        print("closeknit coach: give a TEXT to read, or --batch FILE", file=sys.stderr)
        return USAGE_ERROR
    return _single(" ".join(args.text), args.context, args.json)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="closeknit coach",
        description="Read a reply to your partner and see how it listens.",
    )
    parser.add_argument("text", nargs="*", metavar="TEXT", help="the reply to read")
    parser.add_argument("--context", metavar="TEXT", help="what your partner shared")
    parser.add_argument("--json", action="store_true", help="print the JSON object")
    parser.add_argument(
        "--batch", metavar="FILE", help="JSON Lines in, JSON Lines out ('-' for stdin)"
    )
    return parser


def _single(text: str, context: str | None, as_json: bool) -> int:
    try:
        analysis = analyze(text, context)
    except CoachInputError as error:
        if as_json:
            print(json.dumps({"error": str(error)}))
        else:
            print(f"closeknit coach: {error}", file=sys.stderr)
        return USAGE_ERROR
    if as_json:
        print(json.dumps(analysis.to_dict(), ensure_ascii=False))
    else:
        print(render(text, analysis))
    return 0


def _batch(path: str, out: IO[str]) -> int:
    try:
        source = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        print(f"closeknit coach: cannot read {path}: {error.strerror}", file=sys.stderr)
        return USAGE_ERROR
    warm_up()  # once, before the first line, so every line costs the same
    with source:
        for result in run_batch(source):
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
    return 0


def run_batch(lines: Iterable[str]) -> Iterable[dict[str, Any]]:
    """One result per line: the analysis with the line's id, or an error.

    >>> [r.get("error") for r in run_batch(['{"id": 7, "text": ""}', "not json"])]
    ['There is nothing to read yet: write a reply first.', 'This line is not valid JSON.']
    """
    for line in lines:
        yield _batch_line(line.rstrip("\r\n"))


def _batch_line(line: str) -> dict[str, Any]:
    if not line.strip():
        return {"id": None, "error": "This line is empty."}
    try:
        item = json.loads(line)
    except ValueError:
        return {"id": None, "error": "This line is not valid JSON."}
    if not isinstance(item, dict):
        return {
            "id": None,
            "error": 'Each line should be an object like {"id": 1, "text": "..."}.',
        }
    result: dict[str, Any] = {"id": item.get("id")}
    context = item.get("context")
    if context is not None and not isinstance(context, str):
        result["error"] = "The context should be text or null."
        return result
    try:
        result.update(analyze(item.get("text"), context).to_dict())  # type: ignore[arg-type]
    except CoachInputError as error:
        result["error"] = str(error)
    return result


def render(text: str, analysis: Analysis) -> str:
    """The analysis as a few lines for a person to read (--json has the levels).

    >>> print(render("ok", analyze("ok")).splitlines()[0])
    A word or two gives them little to hold on to.
    """
    summary = summarise(analysis)
    lines = [summary.text]
    if summary.next_step:
        lines.append(f"Next: {summary.next_step}")
    if analysis.notice:
        lines.append(f"Note: {analysis.notice}")
    for finding in analysis.findings:
        mark = "+" if finding.signal in POSITIVE else "*"
        quoted = text[finding.start : finding.end]
        lines.append(f'\n{mark} "{quoted}"')
        if finding.signal != summary.signal:  # else the summary has just said it
            lines.append(f"  {finding.message}")
        if finding.suggestion:
            lines.append(f'  Try: "{finding.suggestion}"')
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
