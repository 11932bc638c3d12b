"""A few appreciations, journal lines and tally marks for the demo couple."""

from datetime import timedelta

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.appreciate.models import Appreciation, JournalEntry, TallyMark
from closeknit.couples.models import Couple

# (days ago, from Ana?, did, felt, shows, reaction)
APPRECIATIONS = [
    (
        24,
        True,
        "You took my car for its service on your day off without my asking.",
        "I had one less thing spinning in my head during a frantic week.",
        "It shows how you quietly look out for me. You're generous with your time.",
        "hug",
    ),
    (
        17,
        False,
        "You sat with me on the phone while I waited for the test results.",
        "I felt less alone, and I could breathe again.",
        "It shows how steady and kind you are when it matters.",
        "loved",
    ),
    (
        9,
        True,
        "You planned Saturday's walk along the river and packed my favourite snacks.",
        "I laughed more that day than I had in weeks.",
        "It shows how thoughtful and playful you are, and that you notice what I need.",
        "smile",
    ),
    (
        3,
        False,
        "You listened to my whole long story about work last night without checking your phone.",
        "I felt heard, and I slept better.",
        "It shows how patient you are, and how much you care about my world.",
        "",
    ),
]
JOURNAL = [
    (12, True, "Ben made pancakes on a Tuesday for no reason at all."),
    (5, True, "Our river walk. I want more days like that."),
    (6, False, "Ana's laugh when the dog stole her sandwich."),
]
# (days ago, kind) for Ana's own tally: a few weeks of taps.
TALLY = [(d, "appreciation") for d in (1, 2, 2, 4, 8, 9, 9, 11, 15, 16, 22, 23)] + [
    (d, "complaint") for d in (3, 10, 17, 18)
]


def seed(couple: Couple, a: User, b: User) -> None:
    now = timezone.now()
    Appreciation.objects.bulk_create(
        [
            Appreciation(
                couple=couple,
                author=a if from_a else b,
                recipient=b if from_a else a,
                did=did,
                felt=felt,
                shows=shows,
                created=now - timedelta(days=days),
                reaction=reaction,
                reacted_at=now - timedelta(days=days - 1) if reaction else None,
            )
            for days, from_a, did, felt, shows, reaction in APPRECIATIONS
        ]
    )
    JournalEntry.objects.bulk_create(
        [
            JournalEntry(
                couple=couple,
                author=a if mine else b,
                text=text,
                created=now - timedelta(days=days),
            )
            for days, mine, text in JOURNAL
        ]
    )
    today = couple.today()
    TallyMark.objects.bulk_create(
        [
            TallyMark(
                couple=couple,
                author=a,
                kind=kind,
                day=today - timedelta(days=days),
                created=now - timedelta(days=days),
            )
            for days, kind in TALLY
        ]
    )
