"""A day of a few hundred couples, through the API (run by load/run.py; locust, headless).

Each simulated user is one couple, both partners' tokens in hand. Its first
round is the day's ritual: both answer the daily question, each reads the
other's answer (which must be exactly what the partner sent), they reply,
one sends an appreciation, both check in. Later rounds add replies,
appreciations, journal entries and check-in changes. Every write the server
acknowledges (2xx) is written down with the identifier it returned, so
run.py can find each one in the database afterwards.

Requests go round-robin to every app process (LOAD_HOSTS). A request that got
no response at all (the process died under it), or a 503 (the server says
the database was unreachable and nothing was done), is retried after a
short wait; any other answer counts.
"""

import itertools
import json
import os
import random
import time
import uuid
from typing import Any

from locust import HttpUser, between, events, task

COUPLES = json.loads(open(os.environ["LOAD_COUPLES"]).read())  # noqa: SIM115
HOSTS = os.environ["LOAD_HOSTS"].split(",")
ACK_FILE = os.environ["LOAD_ACKS"]
FEATURES = set(os.environ.get("LOAD_FEATURES", "").split(","))
RETRIES = 30
_next_couple = itertools.count()
_next_host = itertools.cycle(HOSTS)

acked: dict[str, Any] = {
    "answer": {},  # "question_id author_id" -> text
    "reply": {},  # id -> text
    "appreciation": {},  # id -> did
    "journal": {},  # id -> text
    "checkin": {},  # "author_id" -> note (this week's check-in, an upsert)
}
outcome = {"ok": 0, "errors": 0, "retried": 0, "read_mismatch": 0}
error_samples: list[str] = []
CHECKIN_KEYS: list[str] = []


def say(kind: str) -> str:
    """Something a partner might write, unique so it can be found again."""
    lines = {
        "answer": "The smell of rain on the balcony reminds me of our first flat",
        "reply": "I love that you remember that. What else do you miss from then?",
        "did": "You picked me up from the station in the rain without being asked",
        "journal": "Grateful for the slow breakfast we had together",
        "note": "A busy week, and I felt close to you on Sunday",
    }
    return f"{lines[kind]} ({uuid.uuid4().hex[:10]})"


class Couple(HttpUser):
    wait_time = between(1, 3)
    host = HOSTS[0]

    def on_start(self) -> None:
        self.couple = COUPLES[next(_next_couple) % len(COUPLES)]
        self.a, self.b = self.couple["a"], self.couple["b"]
        self.question: str | None = None
        self.rounds = 0

    # --- one request, retried only when nothing was done --------------------------------

    def call(self, who: dict, method: str, path: str, name: str, body: Any = None) -> Any:
        headers = {"Authorization": f"Bearer {who['token']}"}
        for attempt in range(RETRIES):
            url = next(_next_host) + path
            with self.client.request(
                method, url, json=body, headers=headers, name=name, catch_response=True
            ) as response:
                status = response.status_code
                if status == 0 or status == 503:
                    response.failure("retried: no response" if status == 0 else "retried: 503")
                    outcome["retried"] += 1
                    time.sleep(min(0.2 * 2**attempt, 3) + random.random() * 0.2)
                    continue
                if 200 <= status < 300:
                    response.success()
                    outcome["ok"] += 1
                    return response.json() if response.content else {}
                response.failure(f"{status}")
                self.error(f"{method} {path} -> {status}: {response.text[:200]}")
                return None
        self.error(f"{method} {path}: no answer after {RETRIES} tries")
        return None

    def error(self, text: str) -> None:
        outcome["errors"] += 1
        if len(error_samples) < 20:
            error_samples.append(text)

    # --- the day ------------------------------------------------------------------------

    @task
    def a_round(self) -> None:
        if self.rounds == 0:
            self.the_ritual()
        else:
            self.more_of_the_day()
        self.rounds += 1

    def the_ritual(self) -> None:
        today = self.call(self.a, "GET", "/api/v1/talk/today", "talk: today")
        if not today:
            return
        self.question = today["id"]
        for me in (self.a, self.b):
            self.answer(me)
        for me, partner in ((self.a, self.b), (self.b, self.a)):
            self.read_partner(me, partner)
        self.reply(self.a)
        if "appreciate" in FEATURES:
            self.appreciate(self.b)
        if "checkin" in FEATURES:
            for me in (self.a, self.b):
                self.check_in(me)

    def more_of_the_day(self) -> None:
        me = random.choice((self.a, self.b))
        actions = [self.reply]
        if "appreciate" in FEATURES:
            actions += [self.appreciate, self.journal]
        if "checkin" in FEATURES:
            actions.append(self.check_in)
        random.choice(actions)(me)

    def answer(self, me: dict) -> None:
        text = say("answer")
        path = f"/api/v1/talk/questions/{self.question}/answer"
        if self.call(me, "PUT", path, "talk: answer", {"text": text}) is not None:
            acked["answer"][f"{self.question} {me['id']}"] = text

    def read_partner(self, me: dict, partner: dict) -> None:
        seen = self.call(me, "GET", f"/api/v1/talk/questions/{self.question}", "talk: read")
        sent = acked["answer"].get(f"{self.question} {partner['id']}")
        if seen is not None and sent is not None:
            shown = (seen.get("partner") or {}).get("text")
            if shown != sent:
                outcome["read_mismatch"] += 1
                self.error(f"{me['email']} read {shown!r}, the partner sent {sent!r}")

    def reply(self, me: dict) -> None:
        if not self.question:
            return
        text = say("reply")
        path = f"/api/v1/talk/questions/{self.question}/replies"
        made = self.call(me, "POST", path, "talk: reply", {"text": text})
        if made:
            acked["reply"][made["id"]] = text

    def appreciate(self, me: dict) -> None:
        body = {
            "did": say("did"),
            "felt": "I felt looked after and less alone with a long day.",
            "shows": "It shows how thoughtful and generous you are.",
        }
        made = self.call(me, "POST", "/api/v1/appreciate/appreciations", "appreciate: send", body)
        if made:
            acked["appreciation"][made["id"]] = body["did"]

    def journal(self, me: dict) -> None:
        text = say("journal")
        made = self.call(
            me, "POST", "/api/v1/appreciate/journal", "appreciate: journal", {"text": text}
        )
        if made:
            acked["journal"][made["id"]] = text

    def check_in(self, me: dict) -> None:
        if not CHECKIN_KEYS:
            items = self.call(me, "GET", "/api/v1/checkin/items", "checkin: items") or []
            CHECKIN_KEYS[:] = [i["key"] for i in items]
        note = say("note")
        body = {
            "closeness": random.randint(3, 7),
            "scores": {key: random.randint(3, 7) for key in CHECKIN_KEYS},
            "mood": random.randint(2, 5),
            "needs": ["listening"],
            "note": note,
        }
        if self.call(me, "PUT", "/api/v1/checkin/week", "checkin: week", body) is not None:
            acked["checkin"][me["id"]] = note


@events.test_stop.add_listener
def write_down(**_: Any) -> None:
    with open(ACK_FILE, "w") as f:
        json.dump({"acked": acked, "outcome": outcome, "errors": error_samples}, f)
