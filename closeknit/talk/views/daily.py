"""The daily question: answer (sealed until both have), reply with the coach, history."""

import json
from dataclasses import asdict
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.coaching import feedback
from closeknit.coaching.feedback import wants_coach
from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.lib.errors import DomainError
from closeknit.lib.forms import refuse, status
from closeknit.talk import prompts, selectors, services
from closeknit.talk.forms import AnswerForm, DepthForm, PromptForm, ReplyForm
from closeknit.talk.models import REACTIONS, DailyQuestion, Prompt, Reply, TalkSettings

PAGE_SIZE = 10
OWN_PER_PAGE = 20  # the couple's own questions on the library page


def _question(request: CoupleRequest, question_id: str) -> DailyQuestion:
    return get_for_couple(selectors.questions_for(request.couple), request.couple, pk=question_id)


def _render_question(
    request: CoupleRequest, question: DailyQuestion, status: int = 200, **extra: object
) -> HttpResponse:
    view = selectors.question_view(question, request.user.pk)
    today = question.date == request.user.today()
    more = selectors.extras_on(request.couple, question.date).exclude(pk=question.pk)
    ctx = {
        "view": view,
        "today": today,
        "more": list(more) if today else [],
        "answer_form": AnswerForm(
            initial={"text": view.mine.text if view.mine else ""}, prefix="answer"
        ),
        "reply_form": ReplyForm(prefix="reply"),
        "reactions": REACTIONS,
        **extra,
    }
    template = "talk/question.html"
    if request.htmx:
        template += "#question-card"
    return render(request, template, ctx, status=status)


@couple_required
def index(request: CoupleRequest) -> HttpResponse:
    """Today's question, with the way to everything else in Talk."""
    question = prompts.todays_question(request.couple, request.user)
    return _render_question(request, _question(request, str(question.id)))


@couple_required
def question(request: CoupleRequest, question_id: str) -> HttpResponse:
    return _render_question(request, _question(request, question_id))


@couple_required
@require_POST
def answer(request: CoupleRequest, question_id: str) -> HttpResponse:
    q = _question(request, question_id)
    form = AnswerForm(request.POST, prefix="answer")
    if form.is_valid():
        try:
            services.answer_question(q, request.user, form.cleaned_data["text"])
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            return _after_write(request, q)
    return _render_question(request, q, status=status(form), answer_form=form, editing=True)


def _after_write(request: CoupleRequest, q: DailyQuestion) -> HttpResponse:
    if request.htmx:
        return _render_question(request, _question(request, str(q.id)))
    return redirect("talk:question", question_id=q.id)


@couple_required
@require_POST
def pass_question(request: CoupleRequest, question_id: str) -> HttpResponse:
    q = _question(request, question_id)
    try:
        services.pass_question(q, request.user)
    except DomainError as exc:
        messages.info(request, exc.message)
    return _after_write(request, q)


@couple_required
@require_POST
def another(request: CoupleRequest, question_id: str) -> HttpResponse:
    q = _question(request, question_id)
    try:
        services.another_prompt(q, request.user)
    except DomainError as exc:
        messages.info(request, exc.message)
    return _after_write(request, q)


@couple_required
@require_POST
def save_for_later(request: CoupleRequest, question_id: str) -> HttpResponse:
    services.toggle_saved(_question(request, question_id))
    return _after_write(request, _question(request, question_id))


@couple_required
@require_POST
def reply(request: CoupleRequest, question_id: str) -> HttpResponse:
    q = _question(request, question_id)
    form = ReplyForm(request.POST, prefix="reply")
    context = _reply_context(request, q)
    coach = None
    try:
        if wants_coach(request):
            coach = feedback.check(request.user, request.POST.get("reply-text", ""), context)
        elif form.is_valid():
            text, kept = form.cleaned_data["text"], _kept(form, context)
            services.add_reply(q, request.user, text, kept_feedback=kept)
            return _after_write(request, q)
    except DomainError as exc:
        refuse(request, form, exc)
    return _render_question(request, q, status=status(form), reply_form=form, coach=coach)


def _kept(form: ReplyForm, context: str | None) -> str:
    """The coach's notes on the reply, when the writer keeps them (for them alone)."""
    if not form.cleaned_data["keep_feedback"] or not form.cleaned_data["text"].strip():
        return ""
    found = feedback.feedback(form.cleaned_data["text"], context)
    return json.dumps(asdict(found), ensure_ascii=False)


def _reply_context(request: CoupleRequest, q: DailyQuestion) -> str | None:
    """What the partner shared: the coach reads a reply against it."""
    return selectors.question_view(q, request.user.pk).coach_context


def _reply(request: CoupleRequest, reply_id: str) -> Reply:
    return get_for_couple(Reply, request.couple, pk=reply_id)


@couple_required
@require_POST
def react(request: CoupleRequest, reply_id: str) -> HttpResponse:
    r = _reply(request, reply_id)
    try:
        services.react(r, request.user, request.POST.get("reaction", ""))
    except DomainError as exc:
        messages.info(request, exc.message)
    return _after_write(request, _question(request, str(r.question_id)))


@couple_required
@require_POST
def thank(request: CoupleRequest, reply_id: str) -> HttpResponse:
    r = _reply(request, reply_id)
    try:
        services.thank(r, request.user)
    except DomainError as exc:
        messages.info(request, exc.message)
    return _after_write(request, _question(request, str(r.question_id)))


@couple_required
def history(request: CoupleRequest) -> HttpResponse:
    """Past questions with both answers (as far as the viewer may see), searchable."""
    query = request.GET.get("q", "").strip()[:100]
    found = selectors.history(request.couple, request.user.pk, query)
    current = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    ctx = {"page": current, "views": current.object_list, "q": query}
    template = "talk/history.html#results" if request.htmx else "talk/history.html"
    return render(request, template, ctx)


@couple_required
def library(request: CoupleRequest) -> HttpResponse:
    """Browse the prompts, ask one now, add your own, choose how deep daily questions go."""
    settings_row = TalkSettings.objects.filter(couple=request.couple).first()
    form = PromptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_prompt(request.couple, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Added. Your own questions come up before the library's.")
            return redirect("talk:library")
    kind = request.GET.get("kind", "")
    ctx = {
        "form": form,
        "depth_form": DepthForm(instance=settings_row or TalkSettings(couple=request.couple)),
        "own": Paginator(selectors.own_prompts(request.couple), OWN_PER_PAGE).get_page(
            request.GET.get("page")
        ),
        "kind": kind,
        "kind_param": urlencode({"kind": kind}) if kind else "",
        "prompts": _library_prompts(kind, request),
    }
    return render(request, "talk/library.html", ctx, status=status(form))


def _library_prompts(kind: str, request: CoupleRequest) -> list[Prompt]:
    if kind:
        library = Prompt.objects.filter(couple__isnull=True, kind=kind)
        return list(library.order_by("depth", "key"))
    return selectors.library_sample(request.user.today())


@couple_required
@require_POST
def ask(request: CoupleRequest, prompt_id: str) -> HttpResponse:
    """Ask a question of the library, or one's own, now (services.ask_now says how)."""
    prompt = selectors.prompt_for(request.couple, prompt_id)
    try:
        asked = services.ask_now(request.couple, request.user, request.partner, prompt)
    except DomainError as exc:
        messages.info(request, exc.message)
        return redirect("talk:library")
    if asked.extra:
        messages.success(
            request, f"Asked as one more question today. We've let {request.partner} know."
        )
    else:
        messages.success(request, "It's today's question now, for both of you.")
    return redirect("talk:question", question_id=asked.question.id)


def _own_prompt(request: CoupleRequest, prompt_id: str) -> Prompt:
    """One of the viewer's own questions (the partner's and the library's are 404 here)."""
    own = selectors.own_prompts(request.couple).filter(author=request.user)
    return get_for_couple(own, request.couple, pk=prompt_id)


@couple_required
def edit_prompt(request: CoupleRequest, prompt_id: str) -> HttpResponse:
    prompt = _own_prompt(request, prompt_id)
    initial = {"text": prompt.text, "kind": prompt.kind, "depth": prompt.depth}
    form = PromptForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_prompt(prompt, request.user, **form.cleaned_data)
        except DomainError as exc:
            refuse(request, form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect("talk:library")
    ctx = {"form": form, "prompt": prompt}
    return render(request, "talk/prompt_form.html", ctx, status=status(form))


@couple_required
@require_POST
def delete_prompt(request: CoupleRequest, prompt_id: str) -> HttpResponse:
    try:
        services.delete_prompt(_own_prompt(request, prompt_id), request.user)
    except DomainError as exc:
        messages.info(request, exc.message)
    else:
        messages.info(request, "Your question is deleted.")
    return redirect("talk:library")


@couple_required
@require_POST
def set_depth(request: CoupleRequest) -> HttpResponse:
    form = DepthForm(request.POST)
    if form.is_valid():
        services.set_depth(request.couple, form.cleaned_data["depth"])
        messages.success(request, "Saved. Tomorrow's question will follow it.")
    return redirect("talk:library")
