"""Another couple's things are never reachable: every route, every API operation, every persona.

Routes come from the URL resolver and operations from the OpenAPI document, so
a route added tomorrow is tested tomorrow without anyone editing this file.
Each path parameter is filled with identifiers of things cora & dev own (one
object of every model, built by reading the models' fields); ana and ben
(another couple) and eli (unpaired) must get 403 or 404, nothing of cora's may
appear in any response, and nothing of cora's may change.
"""

import ast
import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.trust import world
from tests.trust.personas import THEIR_MARKER, Personas

pytestmark = pytest.mark.django_db

PERSONAS = ["ana", "ben", "eli"]

# URLs whose secret is itself the permission (an invite, the .ics feed...), each with
# its reason: tried with a wrong secret (see world.CAPABILITY_ROUTES).
CAPABILITY_ROUTES = world.CAPABILITY_ROUTES
WRONG_SECRET = world.WRONG_SECRET

# The admin turns away everyone who is not staff before it reads a parameter
# (none of the personas is staff): a redirect to the admin's login page.
ADMIN_APP = "admin"

# Answers that deny access without entering the view (or before any lookup).
DENIED = {403, 404}
METHOD_NOT_SERVED = 405  # the view does not serve this method: nothing was looked up


# --- which identifiers go into which parameter ---------------------------------------


def candidates(
    personas: Personas, param: str, before: str, app: str, limit: int | None = None
) -> list[str]:
    theirs = personas.theirs.objects
    plausible = world.plausible_models(param, before, app, list(theirs))
    ids = [str(obj.pk) for model in plausible for obj in theirs[model]]
    return list(dict.fromkeys(ids))[:limit]


def route_values(personas: Personas, route: world.Route) -> Iterator[dict[str, str]]:
    """Every combination of candidate identifiers for the route's parameters."""
    if route.name in CAPABILITY_ROUTES:
        yield {name: WRONG_SECRET for name, _ in route.params}
        return
    limit = 1 if route.app == ADMIN_APP else None
    names = [name for name, _ in route.params]
    choices = [
        candidates(personas, name, world.segment_before(route.template, name), route.app, limit)
        for name in names
    ]
    for combo in itertools.product(*choices):
        yield dict(zip(names, combo, strict=True))


def operation_values(
    personas: Personas, op: world.Operation, app: str, doc: dict[str, Any]
) -> Iterator[dict[str, str]]:
    names, choices = [], []
    for name, schema in op.params:
        names.append(name)
        if schema.get("format") in (None, "uuid") and schema.get("type", "string") == "string":
            before = world.segment_before(op.path, name)
            choices.append(candidates(personas, name, before, app))
        else:  # a date, a number: a valid value, so only the identifiers decide
            choices.append([str(world.example(schema, doc))])
    for combo in itertools.product(*choices):
        yield dict(zip(names, combo, strict=True))


# --- what counts as refused ----------------------------------------------------------


def _redirect_target(response: Any) -> str:
    return str(response.get("Location", "")).split("?")[0]


def refused(response: Any, persona: str, route_app: str = "") -> bool:
    code = response.status_code
    if code in DENIED or code == METHOD_NOT_SERVED:
        return True
    if code in (301, 302, 303):
        target = _redirect_target(response)
        if route_app == ADMIN_APP:
            return target == reverse("admin:login")
        # Someone who is not paired is sent to pair first, before any lookup.
        return persona == "eli" and target == reverse("pair")
    return False


def leaks(response: Any) -> bool:
    body = b"".join(response) if response.streaming else response.content
    return THEIR_MARKER.encode() in body


# --- the tests -----------------------------------------------------------------------

ROUTES = [r for r in world.discover_routes() if r.params and r.app != "api"]
OPERATIONS = [op for op in world.discover_operations() if op.params]
OPERATION_APPS = world.operation_apps()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.id)
def test_it_refuses_other_couples_ids_on_every_page(
    personas: Personas, route: world.Route, persona: str
) -> None:
    client = personas.page_client(persona)
    before = world.snapshot()
    problems = []
    for values in route_values(personas, route):
        url = route.url(values)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if route.name in CAPABILITY_ROUTES:
                ok = response.status_code < 500
            else:
                ok = refused(response, persona, route.app)
            if not ok or leaks(response):
                problems.append(f"{method.upper()} {url} -> {response.status_code}")
    assert not problems, f"{persona} reached another couple's things:\n" + "\n".join(problems)
    assert world.snapshot() == before, "a refused request changed data"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_it_refuses_other_couples_ids_on_every_api_operation(
    personas: Personas, op: world.Operation, persona: str
) -> None:
    doc = world.openapi()
    app = OPERATION_APPS.get(f"{op.method.upper()} {op.path}", op.tag)
    body = world.example(op.body, doc) if op.body else None
    before = world.snapshot()
    problems = []
    for values in operation_values(personas, op, app, doc):
        response = personas.api(persona, op.method, op.url(values), body)
        if response.status_code not in DENIED or leaks(response):
            problems.append(f"{op.method.upper()} {op.url(values)} -> {response.status_code}")
    assert not problems, f"{persona} reached another couple's things:\n" + "\n".join(problems)
    assert world.snapshot() == before, "a refused request changed data"


PLAIN_PAGES = [r for r in world.discover_routes() if not r.params and r.app != "api"]
PLAIN_GETS = [op for op in world.discover_operations() if not op.params and op.method == "get"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_nothing_of_another_couple_on_pages_without_parameters(
    personas: Personas, persona: str
) -> None:
    client = personas.page_client(persona)
    problems = []
    for route in PLAIN_PAGES:
        response = client.get(route.url({}))
        if response.status_code >= 500 or leaks(response):
            problems.append(f"GET {route.url({})} -> {response.status_code}")
    for op in PLAIN_GETS:
        response = personas.api(persona, "get", op.path)
        if response.status_code >= 500 or leaks(response):
            problems.append(f"GET {op.path} -> {response.status_code}")
    assert not problems, "\n".join(problems)


def test_it_built_something_of_every_model_the_other_couple_owns(personas: Personas) -> None:
    """The isolation tests are only as good as the objects they aim at."""
    assert not personas.theirs.failures, personas.theirs.failures
    missing = [world.label(m) for m in world.owned_models() if not personas.theirs.objects.get(m)]
    assert not missing, f"no object built for {missing}"


def test_it_finds_every_route_and_operation() -> None:
    """Discovery itself works: known routes are there, and the API's routes are in OpenAPI."""
    templates = {r.template for r in world.discover_routes()}
    assert "talk/questions/{question_id}/" in templates
    api_paths = {op.path for op in world.discover_operations()}
    for route in world.discover_routes():
        if route.app == "api" and route.params:
            assert "/" + route.template in api_paths, route.template
    for route in ROUTES:
        # allauth's passkey pages number keys as allauth does; the sweep above shows
        # another person's number is a 404 there too.
        if route.app not in (ADMIN_APP, "allauth") and route.name not in CAPABILITY_ROUTES:
            assert world.resolve_ok(route.url({n: str(uuid.uuid4()) for n, _ in route.params}))


# --- the access helpers are the only way in -------------------------------------------

# (module, model) pairs that look objects up without the access helpers, and why.
ACCESS_ALLOWED: dict[tuple[str, str], str] = {
    ("closeknit/dates/views.py", "CalendarFeed"): "the .ics feed has no signed-in user: "
    "the digest of the secret in its address is the lookup",
}
LOOKUPS = {"get", "get_or_create", "update_or_create", "filter", "exclude"}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}


def view_modules() -> list[Path]:
    root = Path(__file__).resolve().parents[2] / "closeknit"
    names = {"views.py", "api.py", "views"}
    found = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if "tests" in rel.parts or "migrations" in rel.parts:
            continue
        if path.name in names or "views" in rel.parts[:-1]:
            found.append(path)
    return sorted(found)


def _scoped_by_couple(call: ast.Call) -> bool:
    return any((k.arg or "").startswith("couple") for k in call.keywords)


def direct_lookups(path: Path, scoped: set[str]) -> list[tuple[str, str]]:
    """`Model.objects.get(` / `get_object_or_404(Model` on couple-scoped models, unscoped.

    A lookup that names the couple itself (`couple=request.couple`) is scoped
    by hand; anything else must go through get_for_couple / for_couple.
    """
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _scoped_by_couple(node):
            continue
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in LOOKUPS
            and isinstance(func.value, ast.Attribute)
            and func.value.attr in ("objects", "_default_manager")
            and isinstance(func.value.value, ast.Name)
            and func.value.value.id in scoped
        ):
            found.append((func.value.value.id, f"line {node.lineno}: .objects.{func.attr}("))
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in SHORTCUTS and node.args:
            first = node.args[0]
            target = first.id if isinstance(first, ast.Name) else ast.unparse(first)
            if target.split(".")[0] in scoped:
                found.append((target.split(".")[0], f"line {node.lineno}: {name}({target}"))
    return found


def test_it_reaches_couple_data_only_through_the_access_helpers() -> None:
    scoped = {m.__name__ for m in world.couple_models()}
    root = Path(__file__).resolve().parents[2]
    problems = []
    for path in view_modules():
        rel = str(path.relative_to(root))
        hits = direct_lookups(path, scoped)
        problems += [
            f"{rel} {model} {where}" for model, where in hits if (rel, model) not in ACCESS_ALLOWED
        ]
    assert not problems, (
        "Views and API operations must look couple data up with "
        "closeknit.couples.access.get_for_couple / for_couple:\n" + "\n".join(problems)
    )
    assert view_modules(), "no view modules found"


def test_it_aims_at_real_objects(personas: Personas) -> None:
    """The owner opens her own things with the same identifiers: the refusals above are real."""
    client = personas.page_client("cora")
    opened = set()
    for route in ROUTES:
        if route.app == ADMIN_APP or route.name in CAPABILITY_ROUTES:
            continue
        for values in route_values(personas, route):
            if client.get(route.url(values)).status_code == 200:
                opened.add(route.name)
                break
    doc = world.openapi()
    for op in OPERATIONS:
        if op.method != "get":
            continue
        app = OPERATION_APPS.get(f"GET {op.path}", op.tag)
        for values in operation_values(personas, op, app, doc):
            if personas.api("cora", "get", op.url(values)).status_code == 200:
                opened.add(op.id)
                break
    print(sorted(opened))
    assert len(opened) >= 10
