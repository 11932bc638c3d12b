import copy
import json
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from closeknit.accounts.models import User
from closeknit.couples.access import AuthenticatedRequest, attach_couple
from closeknit.nudges import preferences, vapid
from closeknit.nudges.forms import NudgeSettingsForm
from closeknit.nudges.kinds import KINDS
from closeknit.nudges.models import Notification, PushSubscription


@login_required
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    attach_couple(request)
    items = Notification.objects.filter(recipient=request.user)
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    return render(request, "nudges/inbox.html", {"page": page})


@login_required
@require_POST
def open_notification(request: AuthenticatedRequest, notification_id: str) -> HttpResponse:
    """Mark read and go to the thing it is about."""
    item = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    if item.read_at is None:
        item.read_at = timezone.now()
        item.save(update_fields=["read_at"])
    safe = url_has_allowed_host_and_scheme(item.url, allowed_hosts={request.get_host()})
    if not safe:
        return redirect("inbox")
    if not _still_there(request, item.url):
        # Removed since, or private now: say so kindly rather than a bare "not found".
        return render(request, "nudges/gone.html", {"item": item})
    return redirect(item.url)


def _still_there(request: HttpRequest, url: str) -> bool:
    """Whether the page a notification points to would open for this person now.

    The page's own view answers, with this person's access, as a GET; so the
    rule of what they may see is the view's, not repeated here.
    """
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return False
    probe = copy.copy(request)
    probe.method, probe.GET, probe.POST = "GET", QueryDict(parts.query), QueryDict()
    try:
        response = match.func(probe, *match.args, **match.kwargs)
    except Http404:
        return False
    return bool(response.status_code != 404)


@login_required
@require_POST
def mark_all_read(request: AuthenticatedRequest) -> HttpResponse:
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return redirect("inbox")


@login_required
def nudge_settings(request: AuthenticatedRequest) -> HttpResponse:
    attach_couple(request)
    prefs = preferences.settings_for(request.user)
    initial = {
        "quiet_start": prefs.quiet_start,
        "quiet_end": prefs.quiet_end,
        "daily_digest": prefs.daily_digest,
        "digest_hour": prefs.digest_hour,
    }
    form = NudgeSettingsForm(request.POST or None, initial=initial, channels=prefs.channels)
    if request.method == "POST" and form.is_valid():
        changes = {**{k: form.cleaned_data[k] for k in initial}, "channels": form.channels()}
        try:
            preferences.save_settings(request.user, changes)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your notification settings are saved.")
            return redirect("nudge_settings")
    ctx = {
        "form": form,
        "devices": PushSubscription.objects.filter(user=request.user).count(),
        "vapid_key": vapid.public_key(),
    }
    return render(request, "nudges/settings.html", ctx)


def _from_token(token: str) -> tuple[User, str] | None:
    try:
        data = signing.loads(token, salt="unsubscribe", max_age=60 * 60 * 24 * 365)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u")).first()
    known = data.get("k") in KINDS or data.get("k") == preferences.ALL_KINDS
    return (user, data["k"]) if user and known else None


@csrf_exempt  # one-click unsubscribe (RFC 8058) posts from the mail client, without a session
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = _from_token(token)
    if found is None:
        return render(request, "nudges/unsubscribe.html", {"invalid": True}, status=400)
    user, kind = found
    label = KINDS[kind].label if kind in KINDS else ""
    if request.method == "POST":
        preferences.stop_email(user, kind)
        return render(request, "nudges/unsubscribe.html", {"done": True, "label": label})
    return render(request, "nudges/unsubscribe.html", {"label": label})


@login_required
@require_POST
def push_subscribe(request: AuthenticatedRequest) -> HttpResponse:
    """Save this browser's push subscription (sent by app.js as JSON)."""
    try:
        data = json.loads(request.body)
        endpoint, keys = data["endpoint"], data["keys"]
        if not str(endpoint).startswith("https://"):
            raise ValueError
        PushSubscription.objects.update_or_create(
            endpoint=endpoint,
            defaults={"user": request.user, "p256dh": keys["p256dh"], "auth": keys["auth"]},
        )
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": "That is not a push subscription."}, status=400)
    return JsonResponse({"ok": True}, status=201)


@login_required
@require_POST
def push_unsubscribe(request: AuthenticatedRequest) -> HttpResponse:
    PushSubscription.objects.filter(user=request.user).delete()
    messages.info(request, "Push notifications are off on all your devices.")
    return redirect("nudge_settings")


@cache_control(max_age=3600)
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest, so Closeknit can be installed on a phone's home screen."""
    data = {
        "id": "/",
        "name": "Closeknit",
        "short_name": "Closeknit",
        "description": "Small, repeated practices that help two partners feel closer.",
        "lang": "en",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#fff8f5",
        "theme_color": "#d92662",
        # Drawn by scripts/make_icons.py; the maskable one keeps its mark in the safe zone.
        "icons": [
            {"src": static("closeknit/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("closeknit/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("closeknit/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("closeknit/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json")


def offline(request: HttpRequest) -> HttpResponse:
    """What the service worker shows when the network is gone: it keeps this page.

    The same for everyone (no names, no form), so keeping it shares nothing.
    """
    return render(request, "offline.html")


@cache_control(max_age=0, no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the root so its scope is the whole app."""
    return render(request, "nudges/sw.js", content_type="text/javascript")
