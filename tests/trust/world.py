"""What the trust tests discover by themselves: routes, API operations, models, objects.

Nothing here names a feature app. Routes come from the URL resolver and the
OpenAPI document, couple-scoped models from the app registry, and one object
of every couple-scoped model is built by reading the model's fields, so a new
app, route or model is covered the day it lands.
"""

import itertools
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import time, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from django.apps import apps
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple

# Values a field cannot be guessed for from its type alone: the app reads them
# as one of a few words (checked in Python, not by `choices`). Keyed by
# "app_label.Model.field"; a new entry is only needed when a page would break
# on a value outside that set.
VALUE_HINTS: dict[str, Any] = {
    "bedroom.Answer.choice": "yes",
    # One open path per couple (a partial unique constraint): the rows built
    # for each person are closed ones, so both partners can have one.
    "paths.PathRun.status": "finished",
}


# --- models ----------------------------------------------------------------------------


def _fk_to(model: type[models.Model], target: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is target  # type: ignore[misc]
    ]


def couple_models() -> list[type[models.Model]]:
    """Every model holding a couple's data: it has a foreign key to Couple."""
    return [m for m in apps.get_models() if m is not Couple and _fk_to(m, Couple)]


def personal_models() -> list[type[models.Model]]:
    """Closeknit's models that belong to one person but no couple (inbox items, API tokens...)."""
    return [
        m
        for m in apps.get_models()
        if m.__module__.startswith("closeknit.") and _fk_to(m, User) and not _fk_to(m, Couple)
    ]


def owned_models() -> list[type[models.Model]]:
    """Everything one couple, or one of its partners, owns."""
    return couple_models() + personal_models()


def user_models() -> list[type[models.Model]]:
    """Every model with a foreign key to User (an author, a sender, an owner...)."""
    return [m for m in apps.get_models() if _fk_to(m, User)]


def label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def couple_field(model: type[models.Model]) -> str:
    return _fk_to(model, Couple)[0].name


def rows_of(model: type[models.Model], couple: Couple) -> models.QuerySet:
    """The couple's rows of `model`, or its partners' rows for a personal model."""
    if _fk_to(model, Couple):
        return model._default_manager.filter(**{couple_field(model): couple})
    members = list(couple.memberships.values_list("user_id", flat=True))
    q = models.Q()
    for f in _fk_to(model, User):
        q |= models.Q(**{f"{f.name}__in": members})
    return model._default_manager.filter(q)


def is_owned(model: type[models.Model]) -> bool:
    return bool(_fk_to(model, Couple)) or (
        model.__module__.startswith("closeknit.") and bool(_fk_to(model, User))
    )


# --- building one object of every couple-scoped model ------------------------------------


@dataclass
class Built:
    """What was built (or found) for one couple: the objects of each model, and what failed."""

    couple: Couple
    users: tuple[User, User]
    marker: str  # starts every text written, so a leak can be recognised anywhere
    objects: dict[type[models.Model], list[models.Model]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)


_counter = itertools.count(1)


def _text(field: models.Field, built: Built, model: type[models.Model]) -> str:
    text = f"{built.marker}{next(_counter):04d}x{model.__name__}{field.name}".lower()
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    if field.max_length:
        limits.append(field.max_length)
    return text[: min(limits)] if limits else text


def _number(field: models.Field) -> int:
    low = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
    high = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    value = max(low) if low else 1
    return min(value, min(high)) if high else value  # type: ignore[no-any-return]


def value_for(field: models.Field, built: Built, model: type[models.Model]) -> Any:
    """A sensible value for a plain (not relation) field."""
    hint = VALUE_HINTS.get(f"{label(model)}.{field.name}")
    if hint is not None:
        return hint
    if field.choices:
        return field.flatchoices[0][0]  # type: ignore[index]
    kind = field.get_internal_type()
    if kind in ("TextField", "CharField", "SlugField"):
        return _text(field, built, model)
    if kind in ("EmailField",):
        return f"{_text(field, built, model)[:40]}@example.org"
    if kind == "URLField":
        return f"https://example.org/{_text(field, built, model)}"
    if kind == "BooleanField":
        return field.get_default() if field.has_default() else False
    if "Integer" in kind:
        return _number(field)
    if kind in ("FloatField", "DecimalField"):
        return Decimal(_number(field)) if kind == "DecimalField" else float(_number(field))
    if kind == "DateTimeField":
        return timezone.now()
    if kind == "DateField":
        return built.couple.today()
    if kind == "TimeField":
        return time(12, 0)
    if kind == "DurationField":
        return timedelta(minutes=10)
    if kind == "UUIDField":
        return uuid.uuid4()
    if kind == "JSONField":
        return field.get_default() if field.has_default() else {}
    return field.get_default()


def _is_text(field: models.Field) -> bool:
    return field.get_internal_type() in ("TextField", "CharField") and not field.choices


def _fill(
    model: type[models.Model], built: Built, users: tuple[User, User], own_parents: bool = False
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    user_fields = iter(itertools.cycle(users))
    # The writer goes into the row's AUTHOR link, the other person into any other.
    if author := getattr(model, "AUTHOR", None):
        values[author] = users[0]
        user_fields = iter(itertools.cycle(users[1:]))
    for f in model._meta.concrete_fields:
        if f.name in values:
            continue
        if f.primary_key and (f.has_default() or isinstance(f, models.AutoField)):
            continue
        if f.is_relation:
            target = f.related_model
            if target is Couple:
                values[f.name] = built.couple
            elif target is User:
                values[f.name] = next(user_fields)
            elif target is model or (f.null and not f.primary_key):
                continue  # optional links stay empty; a model never needs itself
            else:
                fresh = isinstance(f, models.OneToOneField)
                values[f.name] = _parent(target, built, users, fresh, own_parents)  # type: ignore[arg-type]
        elif not _is_text(f) and f.name not in _hinted(model) and (f.has_default() or f.null):
            continue  # defaults and empty values do; text is always filled, to be found
        else:
            values[f.name] = value_for(f, built, model)
    return values


def _parent(
    model: type[models.Model], built: Built, users: tuple[User, User], fresh: bool, own: bool
) -> models.Model:
    """The object a new row hangs from: a new one of the same author's when `own` is asked
    (and the model belongs to a couple), else any existing one."""
    if own and is_owned(model):
        try:
            return create(model, built, users, own_parents=True)
        except IntegrityError:
            pass  # e.g. one question a day: the existing one will do
    return obtain(model, built, users, fresh=fresh)


def _hinted(model: type[models.Model]) -> set[str]:
    prefix = label(model) + "."
    return {k[len(prefix) :] for k in VALUE_HINTS if k.startswith(prefix)}


def obtain(
    model: type[models.Model],
    built: Built,
    users: tuple[User, User] | None = None,
    *,
    fresh: bool = False,
) -> models.Model:
    """One object of `model` for the couple: an existing one, or a new one built from its fields.

    Models without a couple (the prompt library, the idea bank...) are shared
    content: any existing row will do.
    """
    users = users or built.users
    scoped = is_owned(model)
    existing = rows_of(model, built.couple) if scoped else model._default_manager.all()
    if not fresh and (found := existing.order_by("pk").first()) is not None:
        if scoped and found not in built.objects.setdefault(model, []):
            built.objects[model].append(found)
        return found
    return create(model, built, users)


def create(
    model: type[models.Model], built: Built, users: tuple[User, User], own_parents: bool = False
) -> models.Model:
    obj = model(**_fill(model, built, users, own_parents))
    with transaction.atomic():
        obj.save()
    if is_owned(model):
        built.objects.setdefault(model, []).append(obj)
    return obj


def build_world(couple: Couple, users: tuple[User, User], marker: str) -> Built:
    """At least one object of every model the couple or its partners own."""
    built = Built(couple, users, marker)
    for model in owned_models():
        try:
            obtain(model, built)
        except (IntegrityError, ValueError, TypeError) as exc:
            built.failures[label(model)] = f"{type(exc).__name__}: {exc}"
    return built


def build_authored(
    built: Built, author: User, other: User
) -> dict[type[models.Model], models.Model]:
    """One new object of every owned model with a link to a person, written by `author`.

    `author` goes into the model's first link to a person (author, user,
    added_by...), `other` into a second one (a recipient); the objects it hangs
    from (a dream for a pledge) are the author's own where they can be.
    """
    made = {}
    for model in owned_models():
        if not _fk_to(model, User):
            continue
        try:
            made[model] = create(model, built, (author, other), own_parents=True)
        except IntegrityError as exc:
            # One per person (a membership, an opt-in): the author's existing row counts.
            mine = rows_of(model, built.couple).filter(**{author_field(model).name: author})
            if (found := mine.first()) is None:
                built.failures[f"{label(model)} by {author}"] = f"IntegrityError: {exc}"
            else:
                made[model] = found
        except (ValueError, TypeError) as exc:
            built.failures[f"{label(model)} by {author}"] = f"{type(exc).__name__}: {exc}"
    return made


def author_field(model: type[models.Model]) -> models.Field:
    """Who wrote the row (its AUTHOR), else its first link to a person (who owns it)."""
    if name := getattr(model, "AUTHOR", None):
        return model._meta.get_field(name)  # type: ignore[return-value]
    return _fk_to(model, User)[0]


def text_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if _is_text(f) and not f.is_relation]


# --- proving that nothing changed ---------------------------------------------------------


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every owned model, raw (one plain SELECT per table: cheap and exact).

    The test database holds only the personas' few rows, so this is small; any
    write a refused request made, to either couple, shows up as a difference.
    """
    from django.db import connection

    state = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in owned_models():
            skip = TOUCHED.get(label(model), set())
            cols = [quote(f.column) for f in model._meta.concrete_fields if f.name not in skip]
            table = quote(model._meta.db_table)
            cursor.execute(f"SELECT {', '.join(cols)} FROM {table}")
            state[label(model)] = sorted(cursor.fetchall(), key=repr)
    return state


# Columns that a plain read updates by design, so they are left out of the comparison.
TOUCHED = {"accounts.ApiToken": {"last_used"}}


# URLs whose path holds a secret that is itself the permission, so "another
# couple's identifier" does not apply. They are requested with a wrong secret:
# no server error, nothing of anyone's in the answer, nothing changed.
CAPABILITY_ROUTES = {
    "accept_invite": "an invite link: its token is the invitation, meant for a person "
    "who is not paired yet",
    "dates:feed": "the .ics calendar feed: calendar apps cannot sign in, so the long "
    "random secret is the permission (revocable on the calendar page)",
    "unsubscribe": "the one-click unsubscribe link of an e-mail, signed by the server",
    "account_confirm_email": "allauth's e-mail confirmation key",
    "account_reset_password_from_key": "allauth's password reset key",
}
WRONG_SECRET = "Zm9yZ2VkLXNlY3JldA"


# --- routes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One URL pattern: its template with {param} holes, its name, app and parameters."""

    template: str
    name: str
    app: str
    module: str
    params: tuple[tuple[str, str], ...]  # (name, converter: "uuid", "str", "slug", "int"...)

    def url(self, values: dict[str, str]) -> str:
        return "/" + self.template.format(**values)

    @property
    def id(self) -> str:
        return f"{self.name or '?'} {self.template}"


_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(?P<name>\w+)>")


def _template(pattern: Any) -> tuple[str, list[tuple[str, str]]]:
    """A str.format template and the parameters of one level of a URL pattern."""
    raw = str(pattern)
    if isinstance(pattern, RoutePattern):
        params = [(m["name"], m["conv"] or "str") for m in _ROUTE_PARAM.finditer(raw)]
        text = raw.replace("{", "{{").replace("}", "}}")
        return _ROUTE_PARAM.sub(lambda m: "{" + m["name"] + "}", text), params
    return _regex_template(raw)


def _regex_template(raw: str) -> tuple[str, list[tuple[str, str]]]:
    out, params, i = [], [], 0
    raw = raw.lstrip("^").rstrip("$")
    while i < len(raw):
        m = _REGEX_PARAM.match(raw, i)
        if m:
            depth, j = 1, m.end()
            while depth and j < len(raw):
                depth += {"(": 1, ")": -1}.get(raw[j], 0)
                j += 1
            params.append((m["name"], "regex"))
            out.append("{" + m["name"] + "}")
            i = j
        else:
            ch = raw[i]
            out.append({"{": "{{", "}": "}}"}.get(ch, ch) if ch != "\\" else "")
            i += 1
    return "".join(out), params


def discover_routes() -> list[Route]:
    """Every URL pattern of the site, from the resolver, recursively."""
    return list(_walk(get_resolver(), "", [], ""))


def _walk(resolver: URLResolver, prefix: str, params: list, app: str) -> Iterator[Route]:
    for p in resolver.url_patterns:
        text, own = _template(p.pattern)
        if isinstance(p, URLResolver):
            yield from _walk(p, prefix + text, params + own, p.namespace or app)
        elif isinstance(p, URLPattern):
            module = getattr(p.callback, "__module__", "") or ""
            name = f"{app}:{p.name}" if app and p.name else (p.name or "")
            yield Route(prefix + text, name, app or _app_of(module), module, tuple(params + own))


def _app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if parts[0] == "closeknit" and len(parts) > 1 else parts[0]


# --- API operations ----------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    params: tuple[tuple[str, dict], ...]  # (name, schema) of path parameters
    body: dict | None  # the JSON schema of the request body, if any
    tag: str

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.path}"

    def url(self, values: dict[str, str]) -> str:
        return self.path.format(**values)


@cache
def openapi() -> dict[str, Any]:
    """The OpenAPI document (built once: building it takes a while)."""
    from closeknit.api_root import api

    return api.get_openapi_schema(path_prefix="/api/v1/")  # type: ignore[no-any-return]


def discover_operations(doc: dict[str, Any] | None = None) -> list[Operation]:
    doc = doc or openapi()
    ops = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            params = tuple(
                (p["name"], p.get("schema", {}))
                for p in op.get("parameters", [])
                if p["in"] == "path"
            )
            content = op.get("requestBody", {}).get("content", {})
            body = content.get("application/json", {}).get("schema")
            ops.append(Operation(method, path, params, body, (op.get("tags") or [""])[0]))
    return ops


def example(schema: dict[str, Any], doc: dict[str, Any], depth: int = 0) -> Any:
    """A small valid instance of a JSON schema (every property filled)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return example(doc["components"]["schemas"][name], doc, depth)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return example(options[0], doc, depth)
    if "allOf" in schema:
        return example(schema["allOf"][0], doc, depth)
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    if "default" in schema and depth > 0:
        return schema["default"]
    kind = schema.get("type", "object")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: example(v, doc, depth + 1) for k, v in props.items()}
    if kind == "array":
        return [example(schema.get("items", {}), doc, depth + 1)] * schema.get("minItems", 0)
    if kind == "integer":
        return int(max(schema.get("minimum", 1), min(schema.get("maximum", 3), 3)))
    if kind == "number":
        return float(max(schema.get("minimum", 1), min(schema.get("maximum", 3), 3)))
    if kind == "boolean":
        return True
    return _string(schema)


def _string(schema: dict[str, Any]) -> str:
    fmt = schema.get("format", "")
    now = timezone.now() + timedelta(days=2)
    if fmt == "date-time":
        return now.replace(microsecond=0).isoformat()
    if fmt == "date":
        return now.date().isoformat()
    if fmt == "time":
        return "19:30:00"
    if fmt == "uuid":
        return str(uuid.uuid4())
    if fmt == "email":
        return "someone@example.org"
    text = "A few kind words for the test."
    low, high = schema.get("minLength", 1), schema.get("maxLength", len(text))
    return (text * (low // len(text) + 1))[: max(low, min(high, len(text)))]


# --- filling path parameters -------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower().removesuffix("_id").removesuffix("id"))


def plausible_models(
    param: str, before: str, app: str, models_: list[type[models.Model]]
) -> list[type[models.Model]]:
    """The models a path parameter may name, never empty.

    By the parameter's name (`dream_id` -> Dream), else by the path segment
    before it (`tasks/<pk>` -> Task), else every model of the route's own app,
    else every model.
    """

    def named(word: str) -> list[type[models.Model]]:
        if len(word) < 3:
            return []
        return [m for m in models_ if word in m.__name__.lower() or m.__name__.lower() in word]

    # An app's URL namespace is its folder's name, which its label may not be
    # (closeknit/private keeps the label `bedroom`).
    own_app = [m for m in models_ if app in (m._meta.app_label, _app_of(m.__module__))]
    return (
        named(_norm(param)) or named(_norm(before).removesuffix("s")) or own_app or list(models_)
    )


def segment_before(template: str, param: str) -> str:
    head = template.split("{" + param + "}")[0].rstrip("/")
    return head.rsplit("/", 1)[-1] if head else ""


def operation_apps() -> dict[str, str]:
    """ "METHOD /api/v1/path" -> the app whose api.py serves it (from django-ninja's routers)."""
    from closeknit.api_root import api

    found = {}
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for op in path_view.operations:
                for method in op.methods:
                    found[f"{method} /api/v1{prefix}{path}"] = _app_of(op.view_func.__module__)
    return found


def resolve_ok(url: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(url)
    except Resolver404:
        return False
    return True
