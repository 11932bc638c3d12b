"""Shows and a couple of jokes in the jar for the demo couple."""

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.fun import services


def seed(couple: Couple, a: User, b: User) -> None:
    for title, status in [
        ("The Bear", "watching"),
        ("Paddington 2", "done"),
        ("Slow Horses", "want"),
    ]:
        services.add_show(couple, a, title, status)
    services.add_joke(couple, b, "“It's not lost, it's on an adventure.”")
    services.add_joke(couple, a, "The great pancake flip of last spring.")
