"""One rule, every path: the same bad input gets the same refusal from a page and from the API.

Each case sends one feature the same input twice, once as a form from the
page and once as JSON to the API, as ana (paired with ben). Both must refuse
it as invalid (422), with the same words, and change nothing: the rule lives
in the feature's service, below both transports.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from closeknit.accounts.models import User
from closeknit.accounts.tokens import create_token
from closeknit.appreciate.models import Appreciation, JournalEntry, TallyMark
from closeknit.checkin.models import Checkin
from closeknit.checkin.selectors import items
from closeknit.couples.models import Couple
from closeknit.dates.models import DatePlan, DateRating
from closeknit.dreams import services as dreams
from closeknit.dreams.models import Dream, Milestone, Pledge, Task
from closeknit.fun.models import InsideJoke, Show
from closeknit.intentions.models import Intention
from closeknit.rituals.models import CoupleRitual
from closeknit.support.models import SupportSignal
from closeknit.talk.models import Answer, BothTrue, Prompt, Reply
from closeknit.talk.prompts import todays_question
from closeknit.test import make_couple

pytestmark = pytest.mark.django_db

BLANK = "   \n\t "  # whitespace only: passes "required" in a browser, never a rule


@dataclass
class World:
    ana: User
    ben: User
    couple: Couple
    made: dict[str, Any] = field(default_factory=dict)


Page = tuple[str, dict[str, Any]]  # url, form fields
Api = tuple[str, str, dict[str, Any]]  # method, path under /api/v1, JSON body


@dataclass(frozen=True)
class Case:
    name: str
    page: Callable[[World], Page]
    api: Callable[[World], Api]
    message: str
    field: str
    unchanged: type[Model]  # no row of this model may appear or change
    setup: Callable[[World], None] = lambda world: None


def both_answered(world: World) -> None:
    question = todays_question(world.couple)
    for who in (world.ana, world.ben):
        Answer.objects.create(question=question, couple=world.couple, author=who, text="yes")
    world.made["question"] = question


THANKS = {"did": "You made soup.", "felt": "I felt cared for.", "shows": "How kind you are."}


def checkin_form(**extra: Any) -> dict[str, Any]:
    scores = {f"item_{item.key}": 4 for item in items()}
    return {"closeness": 4, "mood": 3, "needs": ["listening"], **scores, **extra}


def checkin_body(**extra: Any) -> dict[str, Any]:
    scores = {item.key: 4 for item in items()}
    return {"closeness": 4, "scores": scores, "mood": 3, "needs": ["listening"], **extra}


WEEK_AHEAD = (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
DATE = {"title": BLANK, "place": "By the river", "duration": 120, "planner": "both"}


def local(moment: datetime) -> str:
    """A time as the page's datetime-local field sends it, on the reader's clock."""
    return timezone.localtime(moment, ZoneInfo("Europe/Lisbon")).strftime("%Y-%m-%dT%H:%M")


def a_date_that_happened(world: World) -> None:
    world.made["date"] = DatePlan.objects.create(
        couple=world.couple,
        title="Picnic",
        starts_at=timezone.now() - timedelta(days=1),
        status=DatePlan.Status.ACCEPTED,
        proposed_by=world.ana,
    )


DREAM = {"details": "", "kind": "dream", "visibility": "shared"}


def dreams_of_both(world: World) -> None:
    world.made["hers"] = dreams.create_dream(world.couple, world.ana, title="Sail", **SHARED)
    world.made["his"] = dreams.create_dream(world.couple, world.ben, title="Run", **SHARED)


SHARED = {"visibility": "shared"}


def question(world: World) -> Any:
    return world.made.get("question") or todays_question(world.couple)


CASES = [
    Case(
        "talk: an answer",
        page=lambda w: (reverse("talk:answer", args=[question(w).pk]), {"answer-text": BLANK}),
        api=lambda w: ("put", f"/talk/questions/{question(w).pk}/answer", {"text": BLANK}),
        message="Write a few words, or pass on this one.",
        field="text",
        unchanged=Answer,
    ),
    Case(
        "talk: a reply",
        setup=both_answered,
        page=lambda w: (reverse("talk:reply", args=[question(w).pk]), {"reply-text": BLANK}),
        api=lambda w: ("post", f"/talk/questions/{question(w).pk}/replies", {"text": BLANK}),
        message="Your reply is empty.",
        field="text",
        unchanged=Reply,
    ),
    Case(
        "talk: both true",
        page=lambda w: (reverse("talk:both_true_list"), {"title": BLANK}),
        api=lambda w: ("post", "/talk/both-true", {"title": BLANK}),
        message="Name the moment in a few words.",
        field="title",
        unchanged=BothTrue,
    ),
    Case(
        "talk: a question of our own",
        page=lambda w: (
            reverse("talk:library"),
            {"text": "x" * 301, "kind": "values", "depth": "light"},
        ),
        api=lambda w: (
            "post",
            "/talk/prompts",
            {"text": "x" * 301, "kind": "values", "depth": "light"},
        ),
        message="Keep it to 300 characters or fewer.",
        field="text",
        unchanged=Prompt,
    ),
    Case(
        "support: a note",
        page=lambda w: (reverse("support:index"), {"kind": "listen", "note": "x" * 1001}),
        api=lambda w: ("post", "/checkin/support", {"kind": "listen", "note": "x" * 1001}),
        message="The note can be up to 1,000 characters.",
        field="note",
        unchanged=SupportSignal,
    ),
    Case(
        "intentions: what I'm willing to do",
        page=lambda w: (reverse("intentions:index"), {"want": "Closer", "willing": BLANK}),
        api=lambda w: ("post", "/checkin/intentions", {"want": "Closer", "willing": BLANK}),
        message="Write what you're willing to do, even in a few words.",
        field="willing",
        unchanged=Intention,
    ),
    Case(
        "rituals: one of our own",
        page=lambda w: (reverse("rituals:choose"), {"title": BLANK, "when": "Fridays"}),
        api=lambda w: ("post", "/dates/rituals", {"title": BLANK, "when": "Fridays"}),
        message="Give your ritual a title, or choose a suggestion.",
        field="title",
        unchanged=CoupleRitual,
    ),
    Case(
        "fun: a show",
        page=lambda w: (reverse("fun:show_add"), {"title": BLANK, "status": "want"}),
        api=lambda w: ("post", "/dates/shows", {"title": BLANK, "status": "want"}),
        message="Name the show or film.",
        field="title",
        unchanged=Show,
    ),
    Case(
        "fun: a joke",
        page=lambda w: (reverse("fun:joke_add"), {"text": "x" * 1001}),
        api=lambda w: ("post", "/dates/jokes", {"text": "x" * 1001}),
        message="Keep it to 1,000 characters or fewer.",
        field="text",
        unchanged=InsideJoke,
    ),
    Case(
        "appreciate: an appreciation",
        page=lambda w: (reverse("appreciate:new"), {**THANKS, "shows": BLANK}),
        api=lambda w: ("post", "/appreciate/appreciations", {**THANKS, "shows": BLANK}),
        message="Say what it shows about them.",
        field="shows",
        unchanged=Appreciation,
    ),
    Case(
        "appreciate: the journal",
        page=lambda w: (reverse("appreciate:journal"), {"text": BLANK}),
        api=lambda w: ("post", "/appreciate/journal", {"text": BLANK}),
        message="Write a line or two first.",
        field="text",
        unchanged=JournalEntry,
    ),
    Case(
        "appreciate: the tally",
        page=lambda w: (reverse("appreciate:tally"), {"kind": "grudge"}),
        api=lambda w: ("post", "/appreciate/tally", {"kind": "grudge"}),
        message="Log an appreciation or a complaint.",
        field="kind",
        unchanged=TallyMark,
    ),
    Case(
        "check-in: a note",
        page=lambda w: (reverse("checkin:index"), checkin_form(note="x" * 1001)),
        api=lambda w: ("put", "/checkin/week", checkin_body(note="x" * 1001)),
        message="The note can be up to 1,000 characters.",
        field="note",
        unchanged=Checkin,
    ),
    Case(
        "dates: a proposal",
        page=lambda w: (reverse("dates:propose"), {**DATE, "starts_at": local(WEEK_AHEAD)}),
        api=lambda w: ("post", "/dates/plans", {**DATE, "starts_at": WEEK_AHEAD.isoformat()}),
        message="Say what the date is.",
        field="title",
        unchanged=DatePlan,
    ),
    Case(
        "dates: a rating",
        setup=a_date_that_happened,
        page=lambda w: (
            reverse("dates:rate", args=[w.made["date"].pk]),
            {"stars": 5, "memory": "x" * 4001},
        ),
        api=lambda w: (
            "put",
            f"/dates/plans/{w.made['date'].pk}/rating",
            {"stars": 5, "memory": "x" * 4001},
        ),
        message="Keep it to 4,000 characters or fewer.",
        field="memory",
        unchanged=DateRating,
    ),
    Case(
        "dreams: a dream",
        page=lambda w: (reverse("dreams:new"), {"title": BLANK, **DREAM}),
        api=lambda w: ("post", "/dreams", {"title": BLANK, **DREAM}),
        message="Name your dream or goal.",
        field="title",
        unchanged=Dream,
    ),
    Case(
        "dreams: a pledge",
        setup=dreams_of_both,
        page=lambda w: (reverse("dreams:pledge", args=[w.made["his"].pk]), {"message": BLANK}),
        api=lambda w: ("put", f"/dreams/{w.made['his'].pk}/pledge", {"message": BLANK}),
        message="Say how you'll support them.",
        field="message",
        unchanged=Pledge,
    ),
    Case(
        "dreams: a task",
        setup=dreams_of_both,
        page=lambda w: (
            reverse("dreams:task_add", args=[w.made["hers"].pk]),
            {"task-title": "x" * 301},
        ),
        api=lambda w: ("post", f"/dreams/{w.made['hers'].pk}/tasks", {"title": "x" * 301}),
        message="Keep it to 300 characters or fewer.",
        field="title",
        unchanged=Task,
    ),
    Case(
        "dreams: a milestone",
        setup=dreams_of_both,
        page=lambda w: (
            reverse("dreams:milestone_add", args=[w.made["hers"].pk]),
            {"milestone-title": BLANK},
        ),
        api=lambda w: ("post", f"/dreams/{w.made['hers'].pk}/milestones", {"title": BLANK}),
        message="Name the milestone.",
        field="title",
        unchanged=Milestone,
    ),
]


def snapshot(model: type[Model]) -> list[tuple[Any, ...]]:
    return sorted(map(tuple, model._default_manager.values_list()), key=repr)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_page_and_the_api_refuse_alike(case: Case) -> None:
    ana, ben, couple = make_couple("ana", "ben")
    world = World(ana, ben, couple)
    case.setup(world)
    before = snapshot(case.unchanged)

    page = Client()
    page.force_login(ana)
    url, data = case.page(world)
    from_page = page.post(url, data)
    assert from_page.status_code == 422, from_page.content[:300]
    assert escape(case.message) in from_page.content.decode()

    method, path, body = case.api(world)
    token = create_token(ana, "one rule")[1]
    from_api = getattr(Client(), method)(
        f"/api/v1{path}",
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert from_api.status_code == 422, from_api.content
    expected = {"detail": case.message, "code": "invalid", "field": case.field}
    assert from_api.json() == expected
    assert snapshot(case.unchanged) == before
