"""The access helpers: the only way views and API operations reach couple data.

Every query for a couple's things starts from `couple_for()` and goes through
`for_couple()` or `get_for_couple()`, so an identifier from another couple can
only ever produce a 404.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_htmx.middleware import HtmxDetails

from closeknit.accounts.models import User
from closeknit.couples.models import Couple, Membership

M = TypeVar("M", bound=Model)


class AuthenticatedRequest(HttpRequest):
    """A request behind `login_required`."""

    user: User
    htmx: HtmxDetails


class CoupleRequest(AuthenticatedRequest):
    """A request from a signed-in, paired user (set up by `couple_required`)."""

    couple: Couple
    partner: User


def couple_and_partner(user: User) -> tuple[Couple, User] | None:
    """The user's active couple and partner, in one query."""
    if not user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.filter(
            couple__memberships__user=user,
            couple__memberships__left_at__isnull=True,
            left_at__isnull=True,
        ).select_related("couple", "user")
    )
    partner = next((m.user for m in memberships if m.user_id != user.pk), None)
    if partner is None:
        return None
    return memberships[0].couple, partner


def couple_for(user: User) -> Couple | None:
    found = couple_and_partner(user)
    return found[0] if found else None


def attach_couple(request: HttpRequest) -> bool:
    """Set request.couple and request.partner; False when the user is not paired."""
    found = couple_and_partner(request.user)  # type: ignore[arg-type]
    if found is None:
        return False
    request.couple, request.partner = found  # type: ignore[attr-defined]
    return True


def couple_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in and paired, or off to sign in / pair first."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not attach_couple(request):
            return redirect("pair")
        return view(request, *args, **kwargs)

    return wrapper


def for_couple(model_or_qs: type[M] | QuerySet[M], couple: Couple) -> QuerySet[M]:
    qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs._default_manager.all()
    return qs.filter(couple=couple)


def get_for_couple(model_or_qs: type[M] | QuerySet[M], couple: Couple, **lookup: Any) -> M:
    """One object of the couple's, or 404 (never another couple's, never a 500)."""
    qs = for_couple(model_or_qs, couple)
    try:
        return qs.get(**lookup)
    except (ObjectDoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Not found") from exc
