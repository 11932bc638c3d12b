"""Weekly talk time: the appointment, the guided session on one device, history."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from closeknit.accounts.models import User
from closeknit.coaching import feedback
from closeknit.coaching.feedback import wants_coach
from closeknit.couples.access import CoupleRequest, couple_required, get_for_couple
from closeknit.lib.errors import DomainError, Invalid
from closeknit.lib.forms import refuse
from closeknit.talk import guide, selectors, services
from closeknit.talk.forms import RatingForm, SessionForm, TalkTimeForm
from closeknit.talk.models import Prompt, TalkSession, TalkTime
from closeknit.talk.services import Slot


def _people(request: CoupleRequest) -> list[tuple[str, str]]:
    return [
        (str(request.user.pk), str(request.user)),
        (str(request.partner.pk), str(request.partner)),
    ]


@couple_required
def overview(request: CoupleRequest) -> HttpResponse:
    return _overview(request, SessionForm(people=_people(request)))


def _overview(
    request: CoupleRequest, session_form: SessionForm, status: int = 200
) -> HttpResponse:
    accepted, pending = selectors.talk_times(request.couple)
    sessions = list(selectors.sessions_for(request.couple)[:20])
    ctx = {
        "accepted": accepted,
        "next_time": accepted.next_start() if accepted else None,
        "pending": pending,
        "pending_start": pending.next_start() if pending else None,
        "time_form": TalkTimeForm(),
        "session_form": session_form,
        "sessions": sessions,
    }
    return render(request, "talk/talk_time.html", ctx, status=status)


@couple_required
@require_POST
def propose(request: CoupleRequest) -> HttpResponse:
    form = TalkTimeForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid("Choose a day, a time and 10 to 180 minutes.")
        services.propose_talk_time(request.couple, request.user, Slot(**form.cleaned_data))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Suggested. {request.partner} can accept it here.")
    return redirect("talk:talk_time")


@couple_required
@require_POST
def accept(request: CoupleRequest, talk_time_id: str) -> HttpResponse:
    talk_time = get_for_couple(TalkTime, request.couple, pk=talk_time_id)
    try:
        services.accept_talk_time(talk_time, request.user)
    except DomainError as exc:
        messages.info(request, exc.message)
    return redirect("talk:talk_time")


@couple_required
@require_POST
def start(request: CoupleRequest) -> HttpResponse:
    form = SessionForm(request.POST, people=_people(request))
    try:
        if not form.is_valid():
            # The form's own field messages say what to change; the choices stay.
            return _overview(request, form, status=422)
        data = form.cleaned_data
        first = request.user if data["first_speaker"] == str(request.user.pk) else request.partner
        session = services.start_session(
            request.couple,
            kind=data["kind"],
            topic_kind=data["topic_kind"],
            topic=data["topic"],
            first_speaker=first,
            listen_minutes=data["listen_minutes"],
        )
    except DomainError as exc:
        refuse(request, form, exc)
        return _overview(request, form, status=exc.status)
    return redirect("talk:session", session_id=session.id)


def _turns(request: CoupleRequest, session: TalkSession) -> list[guide.Turn]:
    # A first speaker whose account is gone ended the couple too: this page is closed then.
    first: User = session.first_speaker or request.user
    second = request.partner if first.pk == request.user.pk else request.user
    return guide.turns(session.kind, first, second)


@couple_required
def session(request: CoupleRequest, session_id: str) -> HttpResponse:
    s = get_for_couple(selectors.sessions_for(request.couple), request.couple, pk=session_id)
    turns = _turns(request, s)
    if request.method == "POST":
        return _step_post(request, s, turns)
    return _render_step(request, s, turns)


def _render_step(
    request: CoupleRequest,
    s: TalkSession,
    turns: list[guide.Turn],
    status: int = 200,
    **extra: object,
) -> HttpResponse:
    index = min(s.step, len(turns) - 1)
    turn = turns[index]
    ctx = {
        "session": s,
        "turn": turn,
        "index": index,
        "count": len(turns),
        "timer_seconds": (s.listen_minutes if turn.step.timer_minutes else 0) * 60,
        "questions": _tier_questions(turn.step.tier),
        "ratings": s.ratings.all(),
        "forms": extra.pop("forms", None) or _rating_forms(request),
        "notes": list(s.notes.all()),
        **extra,
    }
    return render(request, "talk/session.html", ctx, status=status)


def _tier_questions(tier: str | None) -> list[Prompt]:
    if tier is None:
        return []
    return list(Prompt.objects.filter(couple__isnull=True, depth=tier).order_by("?")[:4])


def _rating_forms(request: CoupleRequest, data: object = None) -> list[tuple[User, RatingForm]]:
    return [
        (person, RatingForm(data, prefix=f"r{n}"))  # type: ignore[arg-type]
        for n, person in enumerate([request.user, request.partner])
    ]


def _step_post(request: CoupleRequest, s: TalkSession, turns: list[guide.Turn]) -> HttpResponse:
    action = request.POST.get("action", "next")
    if action == "rate":
        return _rate(request, s, turns)
    note = request.POST.get("note", "")
    step = {"next": 1, "back": -1}.get(action, 0)
    try:
        if wants_coach(request):
            empty = "Write your note first, then the coach can read it."
            coach = feedback.check(request.user, note, field="note", empty=empty)
            return _render_step(request, s, turns, coach=coach, note=note)
        services.advance(s, min(step, len(turns) - 1 - s.step), note)
    except DomainError as exc:
        return _render_step(request, s, turns, exc.status, refusal=exc.message, note=note)
    return redirect("talk:session", session_id=s.id)


def _rate(request: CoupleRequest, s: TalkSession, turns: list[guide.Turn]) -> HttpResponse:
    forms = _rating_forms(request, request.POST)
    if not all(form.is_valid() for _, form in forms):
        return _render_step(request, s, turns, status=422, forms=forms)
    try:
        services.rate_session(s, {person: form.cleaned_data for person, form in forms})
    except DomainError as exc:
        refuse(request, forms[0][1], exc)
        return _render_step(request, s, turns, status=exc.status, forms=forms)
    messages.success(request, "Thank you both. Your talk is in your history.")
    return redirect("talk:talk_time")
