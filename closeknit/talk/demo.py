"""A few weeks of Talk for the demo couple, so `make run` opens onto a lived-in app."""

from datetime import date, time, timedelta

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.talk import services
from closeknit.talk.models import Answer, DailyQuestion, Prompt, Reply, TalkRating, TalkSession

# (days ago, prompt key, Ana's answer, Ben's answer, a reply from Ben or None)
HISTORY = [
    (
        1,
        "gratitude-001",
        "The woman at the bakery remembered my name. Tiny, but it made me feel at home here.",
        "You sent me that photo of the fog over the river. I looked at it three times.",
        "I love that she remembered. What did you buy?",
    ),
    (
        2,
        "feelings-011",
        "My jaw. I clench it in meetings and only notice when my ears ache.",
        "My shoulders creep up. By Thursday they're somewhere near my ears.",
        None,
    ),
    (
        3,
        "love_maps-001",
        "You, my sister Marta, and lately Inês from work, which surprises me.",
        "You first, then my brother, then probably the group chat, all at once.",
        "Inês! Tell me more about how that friendship started?",
    ),
    (
        5,
        "family-005",
        "Tia Rosa. She let us stay up to watch storms from the porch and told terrible jokes.",
        "My grandad, who built us a raft that sank in about four minutes. Best four minutes.",
        None,
    ),
    (
        6,
        "dreams-002",
        "Kyoto in autumn. Day one: walk until my feet hurt and eat whatever smells best.",
        "The Faroe Islands. I'd sit on a cliff with a flask of coffee and do absolutely nothing.",
        "A flask on a cliff sounds exactly like you. What draws you to the quiet there?",
    ),
    (
        8,
        "values-003",
        "Good bread. I will cross the city for it and I'm not sorry.",
        "Concert tickets. Live music is the one thing that gets me out of my head.",
        None,
    ),
]
BEN_PASSED = (4, "fun-001", "Something with a ukulele, obviously. And a kazoo solo.")


def seed(couple: Couple, ana: User, ben: User) -> None:
    today = couple.today()
    for days, key, ana_text, ben_text, reply in HISTORY:
        q = _question(couple, key, today - timedelta(days=days))
        _answer(q, ana, ana_text)
        _answer(q, ben, ben_text)
        if reply:
            Reply.objects.create(question=q, couple=couple, author=ben, text=reply)
    days, key, ana_text = BEN_PASSED
    q = _question(couple, key, today - timedelta(days=days))
    _answer(q, ana, ana_text)
    Answer.objects.create(question=q, couple=couple, author=ben, passed=True)
    # Today: Ben has answered, so Ana sees a sealed answer waiting for hers.
    today_q = _question(couple, "love_maps-003", today)
    _answer(
        today_q, ben, "That documentary about octopuses, and the Danish series everyone mentions."
    )
    _talk_time(couple, ana, ben)


def _question(couple: Couple, key: str, day: date) -> DailyQuestion:
    return DailyQuestion.objects.create(
        couple=couple, date=day, prompt=Prompt.objects.get(key=key)
    )


def _answer(question: DailyQuestion, author: User, text: str) -> None:
    Answer.objects.create(question=question, couple=question.couple, author=author, text=text)


def _talk_time(couple: Couple, ana: User, ben: User) -> None:
    slot = services.Slot(weekday=6, time=time(19, 30), minutes=30)
    services.accept_talk_time(services.propose_talk_time(couple, ana, slot), ben)
    session = TalkSession.objects.create(
        couple=couple,
        kind="listening",
        topic_kind="dreams",
        first_speaker=ben,
        topic="What would a slower year look like for us?",
        started_at=timezone.now() - timedelta(days=6),
        step=10,
        ended_at=timezone.now() - timedelta(days=6),
    )
    for rater, scores in [(ana, (6, 6, 7)), (ben, (5, 6, 6))]:
        TalkRating.objects.create(
            session=session,
            couple=couple,
            rater=rater,
            understood=scores[0],
            validated=scores[1],
            cared=scores[2],
        )
