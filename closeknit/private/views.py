"""The opt-in list, shown in the app as "Just us".

Everything a page shows of the partner comes from selectors.together() or
selectors.mutual_items(); every URL but the neutral front page is 404 while
the list is closed.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.private import selectors, services
from closeknit.private.models import Category, Choice, Evening, Item

ANSWERS = [*Choice.choices, ("", "Skip for now")]


class OptOutForm(forms.Form):
    erase = forms.BooleanField(label="Also delete my answers", required=False)


def list_open(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """404 unless both partners have opted in (goes inside `couple_required`)."""

    @wraps(view)
    def wrapper(request: CoupleRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not selectors.is_open(request.couple):
            raise Http404("Not found")
        return view(request, *args, **kwargs)

    return wrapper


def _category(request: CoupleRequest, default: str = "") -> str:
    value = request.GET.get("category", "")
    return value if value in Category.values else default


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    view = selectors.together(request.couple, request.user)
    if view is None:
        me_in = selectors.has_opted_in(request.couple, request.user)
        return render(request, "private/closed.html", {"me_in": me_in})
    category = _category(request)
    listed = {t.item_id for t in view.try_next}
    ctx = {
        "view": view,
        "shown": [i for i in view.mutual if not category or i.category == category],
        "listed": listed,
        "category": category,
        "categories": Category.choices,
        "answered": len(selectors.my_answers(request.couple, request.user)),
        "total": selectors.items().count(),
    }
    if request.htmx:
        return render(request, "private/index.html#mutual", ctx)
    return render(request, "private/index.html", ctx)


@couple_required
@require_POST
def opt_in(request: CoupleRequest) -> HttpResponse:
    services.opt_in(request.couple, request.user)
    return redirect("private:index")


@couple_required
def opt_out(request: CoupleRequest) -> HttpResponse:
    # Bound on every POST: an unticked box sends nothing but is still an answer.
    form = OptOutForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erase = form.cleaned_data["erase"]
        services.opt_out(request.couple, request.user, erase_answers=erase)
        messages.info(request, "Turned off. It's hidden again for both of you.")
        return redirect("private:index")
    return render(request, "private/opt_out.html", {"form": form})


@couple_required
@list_open
def answer_list(request: CoupleRequest) -> HttpResponse:
    """One category at a time: your own private yes / maybe / no."""
    category = _category(request, Category.values[0])
    category_items = list(selectors.items(category))
    if request.method == "POST":
        mine = selectors.my_answers(request.couple, request.user)
        for item in category_items:
            _save(request, item, request.POST.get(f"item-{item.key}", ""), mine.get(item.pk))
        messages.success(request, "Saved. Only you can see your answers.")
        return redirect(_next_category_url(category))
    return render(
        request, "private/answer.html", _answer_context(request, category, category_items)
    )


def _answer_context(request: CoupleRequest, category: str, found: list[Item]) -> dict[str, Any]:
    mine = selectors.my_answers(request.couple, request.user)
    return {
        "category": category,
        "categories": Category.choices,
        "rows": [(item, mine.get(item.pk, "")) for item in found],
        "answers": ANSWERS,
    }


def _save(request: CoupleRequest, item: Item, raw: str, before: str | None) -> None:
    choice = raw if raw in Choice.values else None
    if choice != before:
        services.answer(request.couple, request.user, item, choice)


def _next_category_url(category: str) -> str:
    values = Category.values
    following = values[(values.index(category) + 1) % len(values)]
    return f"{reverse('private:answer')}?category={following}"


@couple_required
@list_open
@require_POST
def answer_item(request: CoupleRequest, key: str) -> HttpResponse:
    """Save one answer (htmx, on change); the reply is the viewer's own row, nothing more."""
    item = Item.objects.filter(key=key).first()
    if item is None:
        raise Http404("Not found")
    before = selectors.my_answers(request.couple, request.user).get(item.pk)
    _save(request, item, request.POST.get(f"item-{item.key}", ""), before)
    if not request.htmx:
        return redirect(f"{reverse('private:answer')}?category={item.category}")
    mine = selectors.my_answers(request.couple, request.user).get(item.pk, "")
    ctx = {"item": item, "mine": mine, "answers": ANSWERS, "saved": True}
    return render(request, "private/answer.html#item", ctx)


@couple_required
@list_open
@require_POST
def try_next_add(request: CoupleRequest) -> HttpResponse:
    item = _mutual_or_404(request, request.POST.get("item", ""))
    services.add_try_next(request.couple, item)
    return redirect(reverse("private:index") + "#try-next")


def _mutual_or_404(request: CoupleRequest, raw: str) -> Item:
    try:
        item = selectors.mutual_item(request.couple, UUID(raw))
    except ValueError:
        item = None
    if item is None:
        raise Http404("Not found")
    return item


def _entry_action(request: CoupleRequest, pk: UUID, action: Callable[..., None]) -> HttpResponse:
    entry = selectors.try_next_entry(request.couple, pk)
    if entry is None:
        raise Http404("Not found")
    action(entry)
    return redirect(reverse("private:index") + "#try-next")


@couple_required
@list_open
@require_POST
def try_next_tried(request: CoupleRequest, pk: UUID) -> HttpResponse:
    return _entry_action(request, pk, services.mark_tried)


@couple_required
@list_open
@require_POST
def try_next_remove(request: CoupleRequest, pk: UUID) -> HttpResponse:
    return _entry_action(request, pk, services.remove_try_next)


@couple_required
@list_open
@require_POST
def evening(request: CoupleRequest) -> HttpResponse:
    services.mark_evening(request.couple)
    messages.success(request, "Noted, just for the two of you.")
    return redirect("private:index")


@couple_required
@list_open
@require_POST
def dismiss(request: CoupleRequest, pk: UUID) -> HttpResponse:
    services.dismiss_reminder(get_for_couple(Evening, request.couple, pk=pk), request.user)
    return redirect("home" if request.POST.get("from") == "home" else "private:index")
