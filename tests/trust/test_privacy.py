"""Sealed, private and mutual-only: no path shows ben what only ana may see.

Ana writes a sealed daily answer (ben has not answered), and, where those
features exist, a private journal entry, a check-in ben has not matched, a
private dream, a reflection on a path's week ben has not reflected on, and a
one-sided "yes" on the bedroom list. Then ben requests
every GET route (pages, htmx fragments and API, discovered as in
test_isolation, with every path parameter filled with every plausible
identifier of the couple) and both exports: none of ana's secret words may
appear, and ana's one-sided "yes" must change nothing ben receives about
that item.
"""

import json
import re
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from closeknit.accounts.models import User
from closeknit.accounts.tokens import create_token
from closeknit.couples.models import Couple
from closeknit.test import make_couple, make_user
from tests.trust import world

pytestmark = pytest.mark.django_db

SEALED = "zqsealed Ana's answer nobody else may read yet"
JOURNAL = "zqjournal Ana's private gratitude journal entry"
CHECKIN = "zqcheckin Ana's note on a check-in ben has not matched"
DREAM = "zqdream Ana's private dream, shared with no one"
REFLECTION = "zqreflection Ana's word on a path week ben has not reflected on"


def has(app: str) -> bool:
    return bool(find_spec(f"closeknit.{app}")) and bool(find_spec(f"closeknit.{app}.services"))


# --- what ana keeps to herself ---------------------------------------------------------


def seal_an_answer(couple: Couple, ana: User, ben: User) -> str:
    from closeknit.talk import prompts, services

    services.answer_question(prompts.todays_question(couple), ana, SEALED)
    return SEALED


def write_in_the_journal(couple: Couple, ana: User, ben: User) -> str:
    from closeknit.appreciate import services

    services.write_journal(couple, ana, JOURNAL)
    return JOURNAL


def check_in_alone(couple: Couple, ana: User, ben: User) -> str:
    from closeknit.checkin import selectors, services

    scores = {item.key: 4 for item in selectors.items()}
    services.save_checkin(
        couple, ana, ben, closeness=4, scores=scores, mood=3, needs=[], note=CHECKIN
    )
    return CHECKIN


def dream_privately(couple: Couple, ana: User, ben: User) -> str:
    from closeknit.dreams import services

    services.create_dream(couple, ana, title=DREAM, details=DREAM, visibility="private")
    return DREAM


def reflect_alone(couple: Couple, ana: User, ben: User) -> str:
    from datetime import timedelta

    from closeknit.paths import services
    from closeknit.paths.models import Path, RunWeek

    path = Path.objects.get(key="both-true")
    run = services.accept(services.propose(couple, ana, ben, path), ben)
    # A reflection opens on the week's seventh day: this week began six days ago.
    RunWeek.objects.filter(run=run).update(started_on=couple.today() - timedelta(days=6))
    week = RunWeek.objects.get(run=run)
    services.reflect(week, ana, ben, {"understood": 2, "validated": 3, "cared": 4}, REFLECTION)
    return REFLECTION


SECRETS: list[tuple[str, Callable[[Couple, User, User], str]]] = [
    ("talk", seal_an_answer),
    ("appreciate", write_in_the_journal),
    ("checkin", check_in_alone),
    ("dreams", dream_privately),
    ("paths", reflect_alone),
]


@dataclass
class Ours:
    ana: User
    ben: User
    couple: Couple
    built: world.Built
    secrets: list[str]
    token: str
    item: Any = None  # the bedroom item ana alone says yes to
    extra_ids: list[tuple[Any, Any]] = field(default_factory=list)

    def ben_client(self, htmx: bool = False) -> Client:
        client = Client(headers={"HX-Request": "true"} if htmx else {})
        client.force_login(self.ben)
        return client


def make_ours() -> Ours:
    ana, ben, couple = make_couple("ana", "ben")
    make_couple("cora", "dev")
    make_user("eli")
    secrets = [seed(couple, ana, ben) for app, seed in SECRETS if has(app)]
    item = None
    if has("private"):
        from closeknit.private import services
        from closeknit.private.models import Item

        services.opt_in(couple, ana)
        services.opt_in(couple, ben)
        item = Item.objects.order_by("-position").first()
    # Everything else the couple can have, authored by ben (his own, he may see it).
    built = world.build_world(couple, (ben, ana), "zqours")
    token = create_token(ben, "privacy tests")[1]
    return Ours(ana, ben, couple, built, secrets, token, item)


@pytest.fixture(scope="module")
def ours(django_db_setup: None, django_db_blocker: Any) -> Iterator[Ours]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_ours()
        transaction.set_rollback(True)


def say_yes_alone(ours: Ours) -> None:
    """Ana says yes to one item ben has not answered: it must stay invisible to him."""
    from closeknit.private import services
    from closeknit.private.models import Answer

    services.answer(ours.couple, ours.ana, ours.item, "yes")
    answer = Answer.objects.get(couple=ours.couple, user=ours.ana, item=ours.item)
    ours.extra_ids.append((Answer, answer.pk))


# --- ben looks everywhere ----------------------------------------------------------------


def candidates(ours: Ours, param: str, before: str, app: str) -> list[str]:
    objects = ours.built.objects
    plausible = world.plausible_models(param, before, app, list(objects))
    ids = [str(o.pk) for m in plausible for o in objects[m]]
    ids += [str(pk) for model, pk in ours.extra_ids if model in plausible]
    return list(dict.fromkeys(ids))


def combos(names: list[str], choices: list[list[str]]) -> Iterator[dict[str, str]]:
    import itertools

    for combo in itertools.product(*choices):
        yield dict(zip(names, combo, strict=True))


def page_urls(ours: Ours) -> Iterator[str]:
    for route in world.discover_routes():
        if route.app in ("api", "admin"):
            continue  # the API is swept from OpenAPI; the admin is staff-only
        names = [n for n, _ in route.params]
        if route.name in world.CAPABILITY_ROUTES:
            yield route.url(dict.fromkeys(names, world.WRONG_SECRET))
            continue
        choices = [
            candidates(ours, n, world.segment_before(route.template, n), route.app) for n in names
        ]
        for values in combos(names, choices):
            yield route.url(values)


def api_urls(ours: Ours) -> Iterator[str]:
    doc = world.openapi()
    apps_ = world.operation_apps()
    for op in world.discover_operations(doc):
        if op.method != "get":
            continue
        app = apps_.get(f"GET {op.path}", op.tag)
        names, choices = [], []
        for name, schema in op.params:
            names.append(name)
            if schema.get("format") in (None, "uuid"):
                choices.append(candidates(ours, name, world.segment_before(op.path, name), app))
            else:
                choices.append([str(world.example(schema, doc))])
        for values in combos(names, choices):
            yield op.url(values)


def body(response: Any) -> str:
    raw = b"".join(response) if response.streaming else response.content
    return raw.decode("utf-8", "replace")


def sweep_pages(ours: Ours) -> dict[str, str]:
    seen = {}
    plain, htmx = ours.ben_client(), ours.ben_client(htmx=True)
    for url in page_urls(ours):
        for label, client in (("", plain), ("htmx ", htmx)):
            response = client.get(url)
            assert response.status_code < 500, f"GET {label}{url} -> {response.status_code}"
            seen[f"{label}{url}"] = body(response)
    return seen


def sweep_api(ours: Ours) -> dict[str, str]:
    seen = {}
    headers = {"Authorization": f"Bearer {ours.token}"}
    for url in api_urls(ours):
        response = Client().get(url, headers=headers)
        assert response.status_code < 500, f"GET {url} -> {response.status_code}"
        seen[url] = body(response)
    return seen


def sweep_exports(ours: Ours) -> dict[str, str]:
    client = ours.ben_client()
    from django.urls import NoReverseMatch, reverse

    seen = {"json export": body(client.post(reverse("export")))}
    with suppress(NoReverseMatch):  # the readable page, where it exists
        seen["html export"] = body(client.get(reverse("export_page")))
    return seen


# --- what must not be there ------------------------------------------------------------


def secrets_shown(ours: Ours, seen: dict[str, str]) -> list[str]:
    found = []
    for where, text in seen.items():
        for secret in ours.secrets:
            # JSON escapes apostrophes differently from HTML; the first words are unique.
            if secret.split(" ")[0] in text or json.dumps(secret)[1:-1] in text:
                found.append(f"{where}: {secret.split(' ')[0]}")
    return found


_CSRF = re.compile(r'(csrfmiddlewaretoken" value="|csrf_token" content="|"csrfToken": ")[^"]+')


def mentions(ours: Ours, text: str) -> int:
    """How often a response names the item ana alone said yes to."""
    item = ours.item
    return sum(text.count(str(v)) for v in (item.pk, item.key, item.text))


def bedroom_differences(ours: Ours, before: dict[str, str], after: dict[str, str]) -> list[str]:
    return [
        f"{url}: {mentions(ours, before.get(url, ''))} -> {mentions(ours, text)} mentions"
        for url, text in after.items()
        if mentions(ours, text) != mentions(ours, before.get(url, text))
    ]


SWEEPS = {"pages": sweep_pages, "api": sweep_api, "exports": sweep_exports}


@pytest.mark.parametrize("surface", list(SWEEPS))
def test_it_never_shows_ben_what_only_ana_may_see(ours: Ours, surface: str) -> None:
    assert ours.secrets, "no feature with sealed or private data is installed"
    sweep = SWEEPS[surface]
    ours.extra_ids.clear()
    before = sweep(ours) if ours.item is not None else {}
    if ours.item is not None:
        say_yes_alone(ours)
    after = sweep(ours)
    assert after, f"no {surface} found"
    assert not secrets_shown(ours, after), secrets_shown(ours, after)
    if ours.item is not None:
        problems = bedroom_differences(ours, before, after)
        assert not problems, "ana's one-sided yes shows:\n" + "\n".join(problems)


def test_it_shows_ana_her_own_words(ours: Ours) -> None:
    """The secrets are real: their author sees them, so the sweep above could find them."""
    client = Client()
    client.force_login(ours.ana)
    from django.urls import reverse

    export = body(client.post(reverse("export")))
    for secret in ours.secrets:
        assert secret.split(" ")[0] in export, secret
