from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from closeknit.couples import homecache, invites
from closeknit.couples.access import (
    AuthenticatedRequest,
    CoupleRequest,
    attach_couple,
    couple_required,
)
from closeknit.couples.forms import CodeForm, CoupleForm, UnpairForm
from closeknit.couples.invites import PENDING_INVITE_SESSION_KEY, PairingError
from closeknit.couples.purge import KEEP_ENDED
from closeknit.lib import cards
from closeknit.lib.errors import RateLimited
from closeknit.lib.features import hooks
from closeknit.lib.navigation import more_groups
from closeknit.lib.ratelimit import per_address, too_many_requests


def home(request: HttpRequest) -> HttpResponse:
    """The landing page when signed out, pairing when alone, the couple home when paired."""
    if not request.user.is_authenticated:
        return render(request, "couples/landing.html")
    kept = homecache.kept_page(request)
    if kept is not None:
        return kept
    if not attach_couple(request):
        return redirect("pair")
    paired = cast(CoupleRequest, request)
    return homecache.keep_page(
        paired, lambda: render(paired, "couples/home.html", {"cards": render_cards(paired)})
    )


def render_cards(request: CoupleRequest) -> list[str]:
    """Every feature's card for this person, what needs them now first (closeknit/lib/cards.py)."""
    return cards.in_order(card for _, module in hooks("home") if (card := module.card(request)))


@login_required
def pair(request: AuthenticatedRequest) -> HttpResponse:
    if attach_couple(request):
        return redirect("home")
    ended = invites.left_behind(request.user)
    ctx = {
        **_invite_context(request),
        "code_form": CodeForm(),
        "ended": ended,
        "readable_until": ended.ended_at + KEEP_ENDED if ended and ended.ended_at else None,
    }
    return render(request, "couples/pair.html", ctx)


def _invite_context(request: AuthenticatedRequest) -> dict[str, object]:
    """The person's open invite, if any, and its link whole (to show, share or copy)."""
    invite = invites.open_invite(request.user)
    if invite is None:
        return {"invite": None, "invite_link": ""}
    link = request.build_absolute_uri(reverse("accept_invite", args=[invite.token]))
    return {"invite": invite, "invite_link": link}


@login_required
@require_POST
def create_invite(request: AuthenticatedRequest) -> HttpResponse:
    try:
        invites.create_invite(request.user)
    except PairingError as exc:
        messages.error(request, str(exc))
    except RateLimited as exc:
        return too_many_requests(request, exc)
    return redirect("pair")


@login_required
@require_POST
def enter_code(request: AuthenticatedRequest) -> HttpResponse:
    """A typed code leads to the same confirmation page as the link."""
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            invite = invites.find_invite_for(request.user, code=form.cleaned_data["code"])
        except RateLimited as exc:
            return too_many_requests(request, exc)
        except PairingError as exc:
            form.add_error("code", str(exc))
        else:
            return redirect("accept_invite", token=invite.token)
    ctx = {**_invite_context(request), "code_form": form}
    return render(request, "couples/pair.html", ctx, status=400)


@per_address("30/m")
def accept_invite(request: HttpRequest, token: str) -> HttpResponse:
    """The invite link: anyone may open it; accepting needs an account."""
    try:
        invite = invites.find_invite(token=token)
    except PairingError as exc:
        request.session.pop(PENDING_INVITE_SESSION_KEY, None)
        return render(request, "couples/invite_invalid.html", {"error": exc}, status=410)
    if not request.user.is_authenticated:
        # Remember the invite through sign-up, e-mail verification and log-in.
        request.session[PENDING_INVITE_SESSION_KEY] = token
        return render(request, "couples/invite_welcome.html", {"invite": invite})
    error = None
    try:
        # Said on opening the link, before any tap: your own invite, or already paired.
        invites.check_can_accept(invite, request.user)
        if request.method == "POST":
            invites.accept_invite(invite, request.user)
            request.session.pop(PENDING_INVITE_SESSION_KEY, None)
            messages.success(request, f"You and {invite.inviter} are paired. Welcome home.")
            return redirect("home")
    except PairingError as exc:
        error = exc
    ctx = {"invite": invite, "error": error}
    refused = error is not None and request.method == "POST"
    return render(request, "couples/invite_accept.html", ctx, status=400 if refused else 200)


@couple_required
def more(request: CoupleRequest) -> HttpResponse:
    """Everything in Closeknit on one page: the phone's tab bar ends here."""
    return render(request, "couples/more.html", {"groups": more_groups(request)})


@couple_required
def us(request: CoupleRequest) -> HttpResponse:
    form = CoupleForm(request.POST or None, instance=request.couple)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("us")
    return render(request, "couples/us.html", {"form": form})


@couple_required
def unpair(request: CoupleRequest) -> HttpResponse:
    form = UnpairForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invites.unpair(request.user)
        messages.info(
            request, "You are no longer paired. Your own words are still yours to download."
        )
        return redirect("pair")
    return render(request, "couples/unpair.html", {"form": form})
