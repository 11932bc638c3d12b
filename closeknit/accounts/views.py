import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from closeknit.accounts import devices, document, readable
from closeknit.accounts.devices import devices_for
from closeknit.accounts.export import export_for
from closeknit.accounts.forms import DeleteAccountForm, ProfileForm, TokenForm
from closeknit.accounts.models import ApiToken
from closeknit.accounts.services import delete_account
from closeknit.accounts.tokens import create_token
from closeknit.couples.access import AuthenticatedRequest, attach_couple


@login_required
def settings_page(request: AuthenticatedRequest) -> HttpResponse:
    attach_couple(request)
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("settings")
    return render(request, "accounts/settings.html", {"form": form})


@login_required
def export(request: AuthenticatedRequest) -> HttpResponse:
    if request.method != "POST":
        attach_couple(request)
        return render(request, "accounts/export.html")
    stamp = timezone.localdate().isoformat()  # the reader's today
    response = HttpResponse(
        json.dumps(export_for(request.user), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="closeknit-{stamp}.json"'
    return response


@login_required
def export_page(request: AuthenticatedRequest) -> HttpResponse:
    """The same export as the download, as a page to read or print."""
    attach_couple(request)
    data = export_for(request.user)
    ctx = {
        "exported_at": readable.moment(data["exported_at"]),
        "profile": data["profile"],
        "joined": readable.day(data["profile"].get("joined")),
        "profile_more": readable.rest(data["profile"], ("name", "email", "timezone", "joined")),
        "zone": timezone.get_current_timezone_name(),
        "couples": document.couple_documents(data),
    }
    return render(request, "accounts/export_page.html", ctx)


@login_required
def delete(request: AuthenticatedRequest) -> HttpResponse:
    attach_couple(request)
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.info(request, "Your account and everything you wrote are deleted. Take care.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


@login_required
def tokens(request: AuthenticatedRequest) -> HttpResponse:
    """Signed-in devices and API tokens, each with when it was last used; a new token."""
    attach_couple(request)
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = create_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    ctx = {
        "form": form,
        "tokens": request.user.api_tokens.all(),
        "new_token": new_token,
        "devices": devices_for(request, request.user),
    }
    return render(request, "accounts/tokens.html", ctx)


@login_required
@require_POST
def end_device(request: AuthenticatedRequest, device_id: str) -> HttpResponse:
    if not devices.end_device(request.user, device_id):
        raise Http404
    messages.info(request, "That device is signed out.")
    return redirect("tokens")


@login_required
@require_POST
def revoke_token(request: AuthenticatedRequest, token_id: str) -> HttpResponse:
    get_object_or_404(ApiToken, pk=token_id, user=request.user).delete()
    messages.info(request, "The token no longer works.")
    return redirect("tokens")
