"""One rule, every path: the same bad input gets the same refusal from a page and from the API.

Each case sends one feature the same input twice, once as a form from the
page and once as JSON to the API, as ana (paired with ben). Both must refuse
it as invalid (422), with the same words, and change nothing: the rule lives
in the feature's service, below both transports.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from closeknit.accounts.models import User
from closeknit.accounts.tokens import create_token
from closeknit.couples.models import Couple
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
