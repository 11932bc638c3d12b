"""Run the whole browser suite N times and print each test's pass count.

    make stress-browser            # 10 runs
    make stress-browser N=30

A flaky test shows as fewer than N passes. Nothing is rerun: a rerun would
hide exactly the failures this is for. Exits 1 when any test failed once.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "test-output" / "stress"  # each run's JUnit report, kept to read failures


def run_once(report: Path) -> None:
    """One run of the browser suite, its results written as JUnit XML."""
    subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "browser", "-q", f"--junitxml={report}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        check=False,
    )


def outcomes(report: Path) -> dict[str, bool]:
    """Each test case in a JUnit report, and whether it passed."""
    result = {}
    for case in ET.parse(report).iter("testcase"):
        name = f"{case.get('classname')}::{case.get('name')}"
        result[name] = not any(child.tag in ("failure", "error") for child in case)
    return result


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    passes: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    REPORTS.mkdir(parents=True, exist_ok=True)
    for i in range(1, runs + 1):
        report = REPORTS / f"run-{i}.xml"
        run_once(report)
        results = outcomes(report)
        for name, passed in results.items():
            seen[name] += 1
            passes[name] += passed
        failed = sorted(name for name, passed in results.items() if not passed)
        print(f"run {i}/{runs}: {len(results) - len(failed)}/{len(results)} passed", flush=True)
        for name in failed:
            print(f"  failed: {name} (see {report})", flush=True)
    width = max(len(name) for name in seen)
    for name in sorted(seen):
        print(f"{name:<{width}}  {passes[name]}/{runs}")
    flaky = [name for name in seen if passes[name] < runs or seen[name] < runs]
    print(f"{len(seen)} browser tests, {runs} runs: {len(flaky)} failed at least once")
    return 1 if flaky else 0


if __name__ == "__main__":
    sys.exit(main())
