"""Requests per second and latency of Closeknit's busiest pages, served for real.

    .venv/bin/python benchmarks/throughput.py [--couples 200] [--seconds 10] [--concurrency 16]

Starts `closeknit serve` (gunicorn, the production server) against a fresh
PostgreSQL database and Redis, seeds couples with a little history (every
feature's demo), signs them in (a session cookie for pages, a token for the
API) and drives concurrent load from this machine at:

- the couple home page, the daily question page (/talk/), the coach
  (POST /api/v1/coach), and the bare /health/ view, served the same way in the
  same run, for comparison;
- then the home page again with 1, 2 and 4 app processes, to see it scale.

It prints figures; it asserts nothing. The client shares the machine's CPUs
with the server, so absolute numbers are a floor.
"""

import sys
from pathlib import Path

# Run as a script: the project root (for `load.stack`) goes on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import itertools
import time
from dataclasses import dataclass

from load.stack import SimCouple, Stack, log, running, seed_couples

REPLIES = [
    "That sounds really hard. What was the worst part of it for you?",
    "I hear you, but you always do this when you're tired.",
    "Congratulations! Tell me everything, how did it feel when they said yes?",
    "You should just talk to your boss tomorrow and sort it out.",
    "It makes sense you're upset. I'd feel the same. What would help tonight?",
]
CONTEXT = "I had a rough day at work and I feel like nobody listened in the meeting."


@dataclass
class Result:
    name: str
    count: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.count / self.seconds

    def pct(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    def row(self) -> str:
        return (
            f"{self.name:<28} {self.rps:>9.1f} {self.pct(50):>9.1f} {self.pct(99):>9.1f}"
            f" {self.count:>8} {self.errors:>7}"
        )


HEADER = f"{'target':<28} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'requests':>8} {'errors':>7}"


def requests_for(target: str, base: str, couples: list[SimCouple]) -> itertools.cycle:
    """An endless round of (method, url, headers, json) as different signed-in people."""
    people = [p for c in couples for p in (c.a, c.b)]
    out = []
    for i, person in enumerate(people):
        cookie = {"Cookie": f"sessionid={person.session}; csrftoken={person.csrf}"}
        token = {"Authorization": f"Bearer {person.token}"}
        if target == "home":
            out.append(("GET", f"{base}/", cookie, None))
        elif target == "talk":
            out.append(("GET", f"{base}/talk/", cookie, None))
        elif target == "coach":
            body = {"text": REPLIES[i % len(REPLIES)], "context": CONTEXT}
            out.append(("POST", f"{base}/api/v1/coach", token, body))
        else:
            out.append(("GET", f"{base}/health/", {}, None))
    return itertools.cycle(out)


async def drive(name: str, requests: itertools.cycle, seconds: float, concurrency: int) -> Result:
    import aiohttp

    latencies: list[float] = []
    errors = 0
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=True)
    async with aiohttp.ClientSession(connector=connector) as session:
        deadline = time.perf_counter() + seconds

        async def one_client() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                method, url, headers, body = next(requests)
                start = time.perf_counter()
                try:
                    async with session.request(
                        method, url, headers=headers, json=body, allow_redirects=False
                    ) as response:
                        await response.read()
                        ok = response.status == 200
                except aiohttp.ClientError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += not ok

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return Result(name, len(latencies), errors, elapsed, latencies)


def measure(
    name: str, target: str, base: str, couples: list[SimCouple], args: argparse.Namespace
) -> Result:
    requests = requests_for(target, base, couples)
    asyncio.run(drive(name, requests, args.warmup, args.concurrency))  # warm caches and workers
    return asyncio.run(drive(name, requests, args.seconds, args.concurrency))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--couples", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="app processes for the first part")
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    stack = Stack("closeknit_bench_http", redis_db=11, port=args.port)
    log(f"Preparing PostgreSQL ({stack.name}), Redis (db {stack.redis_db}) in {stack.data_dir}")
    stack.prepare()
    stack.setup_django()
    started = time.perf_counter()
    couples = seed_couples(args.couples, prefix="bench")
    log(f"Seeded {len(couples)} couples with history in {time.perf_counter() - started:.0f} s")
    base = f"http://127.0.0.1:{args.port}"
    try:
        with running(stack):
            server = stack.serve(args.port, args.workers)
            log(
                f"\nSame run, {args.workers} app processes (gunicorn workers), "
                f"{args.concurrency} concurrent clients, {args.seconds:.0f} s each:\n"
            )
            log(HEADER)
            results = {}
            # The home page twice: the first pass (with its warm-up) renders and
            # keeps each person's page, the second serves the kept pages
            # (closeknit/couples/homecache.py).
            for name, key, target in [
                ("bare view /health/", "health", "health"),
                ("home page /, first pass", "home", "home"),
                ("home page /, kept pages", "home-cached", "home"),
                ("daily question /talk/", "talk", "talk"),
                ("coach POST /api/v1/coach", "coach", "coach"),
            ]:
                results[key] = measure(name, target, base, couples, args)
                log(results[key].row())
            for key, what in (("home", "first pass"), ("home-cached", "kept pages")):
                ratio = results[key].rps / results["health"].rps
                log(f"\nHome page ({what}) to bare view: {ratio:.2f} of its requests per second")
            log("(target: at least 0.50 with kept pages)")
            stack.stop(server)

            log("\nScaling: the home page (kept pages) with 1, 2 and 4 app processes\n")
            log(f"{'processes':<28}" + HEADER[28:])
            scaling = []
            for workers in (1, 2, 4):
                server = stack.serve(args.port, workers)
                result = measure(f"{workers}", "home", base, couples, args)
                scaling.append(result)
                log(result.row())
                stack.stop(server)
            base_rps = scaling[0].rps
            log(
                "speed-up: "
                + ", ".join(
                    f"{w}: x{r.rps / base_rps:.2f}"
                    for w, r in zip((1, 2, 4), scaling, strict=True)
                )
            )
    finally:
        stack.cleanup(keep=args.keep)


if __name__ == "__main__":
    main()
