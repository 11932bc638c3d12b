"""The guided talk on one device: the steps of each kind of session.

Listening in turns: the speaker holds the floor; the listener first only
listens (a timer), then mirrors, validates and guesses the feeling, then asks
open questions; then the two swap. The stress-reducing conversation gives each
partner a long turn about stress from outside the relationship, with the
listener on their side. Escalating questions go through three rounds, each more
personal, both answering every question.
"""

from dataclasses import dataclass

from closeknit.accounts.models import User


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    # "{speaker}" and "{listener}" are filled in for each turn.
    guide: str
    timer_minutes: int | None = None
    note_label: str | None = None  # a typed note, read by the coach first
    tier: str | None = None  # escalating questions: which depth to show


LISTENING_TURN = [
    Step(
        "listen",
        "{speaker} speaks, {listener} only listens",
        "{speaker}, say what's on your mind about the topic, in your own time. {listener}, just "
        "listen: no questions, no fixing, no defending yet. Let the silence be.",
        timer_minutes=3,
    ),
    Step(
        "mirror",
        "{listener} mirrors",
        "{listener}, say back what you heard in your own words: “What I heard is… Is there more?” "
        "{speaker}, add or correct until it feels right.",
        note_label="What I heard (optional)",
    ),
    Step(
        "validate",
        "{listener} validates",
        "{listener}, find what makes sense in it, even if you see it differently: “It makes sense "
        "that you… because…” You don't have to agree to understand.",
        note_label="It makes sense because… (optional)",
    ),
    Step(
        "feeling",
        "{listener} guesses the feeling",
        "{listener}, guess how it feels for {speaker}: “I imagine you might feel…” "
        "{speaker}, say whether that fits.",
        note_label="I imagine you might feel… (optional)",
    ),
    Step(
        "explore",
        "{listener} asks open questions",
        "{listener}, ask a few questions that invite more: “What was that like?”, “What matters "
        "most to you about it?” Curiosity, not cross-examination.",
        note_label="My question (optional)",
    ),
]

STRESS_TURN = [
    Step(
        "stress",
        "{speaker} talks about a stress from outside the two of you",
        "{speaker}, talk about something stressful outside your relationship: work, family, "
        "friends, health. {listener}, take {speaker}'s side, show you understand, and hold back "
        "advice unless it's asked for. Understanding comes first.",
        timer_minutes=15,
        note_label="What I understood (optional)",
    ),
]

ESCALATING = [
    Step(
        f"round-{n}",
        f"Round {n} of 3",
        "Take turns: both of you answer each question, {speaker} first. No rush; "
        "follow anything that sparks.",
        tier=tier,
    )
    for n, tier in [(1, "light"), (2, "medium"), (3, "deep")]
]

RATE = Step("rate", "How did it feel?", "Each of you, rate the talk from 1 to 7.")


@dataclass(frozen=True)
class Turn:
    step: Step
    speaker: User
    listener: User

    @property
    def title(self) -> str:
        return self.step.title.format(speaker=self.speaker, listener=self.listener)

    @property
    def guide(self) -> str:
        return self.step.guide.format(speaker=self.speaker, listener=self.listener)


def turns(kind: str, first: User, second: User) -> list[Turn]:
    """Every step of a session in order, with who speaks and who listens."""
    if kind == "escalating":
        body = [Turn(step, first, second) for step in ESCALATING]
    else:
        turn = STRESS_TURN if kind == "stress" else LISTENING_TURN
        body = [Turn(s, first, second) for s in turn] + [Turn(s, second, first) for s in turn]
    return [*body, Turn(RATE, first, second)]
