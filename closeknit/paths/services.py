"""Writes for Paths: one named function per action, each atomic.

Every state change locks the run first, so two partners pressing buttons at
once are serialised; an action repeated on a week that has already moved on
(a double tap, Back, a retried API call) changes nothing and returns the run
as it is. Notifications go through notify(): fixed words with the partner's
name only, never a path's name, so the private path can't show in one.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.lib.errors import Conflict, Forbidden, Invalid, NotFound
from closeknit.nudges.notify import notify
from closeknit.paths import selectors
from closeknit.paths.models import NOTE_MAX, SCALE, Path, PathRun, PathWeek, Reflection, RunWeek

Status = PathRun.Status
ITEMS = ("understood", "validated", "cared")


def _url(run: PathRun) -> str:
    return reverse("paths:run", args=[run.pk])


def _locked(run: PathRun, *, hidden_ok: bool = False) -> PathRun:
    """The run, locked for this transaction and read afresh (with what its views need).

    A private path's run while "Just us" is off can only be closed (`hidden_ok`).
    """
    locked = PathRun.objects.select_for_update().select_related("path", "couple").get(pk=run.pk)
    if not hidden_ok and selectors.is_hidden(locked):
        raise NotFound("There's no such path of yours.")
    return locked


def _open_conflict(existing: PathRun, user: User) -> Conflict:
    if existing.status == Status.PROPOSED and existing.proposed_by_id != user.pk:
        return Conflict(
            "Your partner has suggested a path. Start it together or say not now first."
        )
    return Conflict("You're on a path together already. One at a time: finish or stop it first.")


@transaction.atomic
def propose(couple: Couple, user: User, partner: User, path: Path) -> PathRun:
    """Suggest a path to the partner, who starts it by accepting."""
    if path.private and path not in selectors.visible_paths(couple):
        raise NotFound("There's no path by that name.")
    Couple.objects.select_for_update().filter(pk=couple.pk).first()
    existing = selectors.open_run(couple)
    if existing is not None:
        mine = existing.status == Status.PROPOSED and existing.proposed_by_id == user.pk
        if mine and existing.path_id == path.pk:
            return existing  # the same suggestion again: once is once
        raise _open_conflict(existing, user)
    try:
        with transaction.atomic():
            run = PathRun.objects.create(couple=couple, path=path, proposed_by=user)
    except IntegrityError as exc:  # the partner suggested one in the same instant
        raise Conflict("Your partner has just suggested a path. Have a look at it first.") from exc
    notify(partner, "path_proposed", _url(run), key=f"path_proposed:{run.pk}", partner=user)
    return run


@transaction.atomic
def accept(run: PathRun, user: User) -> PathRun:
    """The partner who didn't suggest it says yes: week 1 starts today, in the couple's days."""
    run = _locked(run)
    if run.status == Status.ACTIVE and run.accepted_by_id == user.pk:
        return run
    if run.status != Status.PROPOSED:
        raise Conflict("This suggestion isn't open any more.")
    if run.proposed_by_id == user.pk:
        raise Forbidden("You suggested this path; your partner starts it by saying yes.")
    run.status, run.accepted_by, run.accepted_at = Status.ACTIVE, user, timezone.now()
    run.save(update_fields=["status", "accepted_by", "accepted_at"])
    RunWeek.objects.create(couple=run.couple, run=run, number=1, started_on=run.couple.today())
    if run.proposed_by is not None:
        key = f"path_accepted:{run.pk}"
        notify(run.proposed_by, "path_accepted", _url(run), key=key, partner=user)
    return run


@transaction.atomic
def not_now(run: PathRun, user: User) -> PathRun:
    """Either partner puts a suggestion aside (the one who made it, or the one it was made to)."""
    run = _locked(run)
    if run.status == Status.DECLINED:
        return run
    if run.status != Status.PROPOSED:
        raise Conflict("This path has already started. You can pause it or leave it instead.")
    _end(run, Status.DECLINED)
    return run


def _end(run: PathRun, status: str) -> None:
    run.status, run.ended_at = status, timezone.now()
    run.save(update_fields=["status", "ended_at"])


@transaction.atomic
def pause(run: PathRun, user: User) -> PathRun:
    """Stop the clock: the days of the current week wait until either of you resumes."""
    run = _locked(run)
    if run.status == Status.PAUSED:
        return run
    if run.status != Status.ACTIVE:
        raise Conflict("Only a path that's under way can be paused.")
    run.status, run.paused_on = Status.PAUSED, run.couple.today()
    run.save(update_fields=["status", "paused_on"])
    return run


@transaction.atomic
def resume(run: PathRun, user: User) -> PathRun:
    """Pick up where you left off: the current week moves on by the days you were paused."""
    run = _locked(run)
    if run.status == Status.ACTIVE:
        return run
    if run.status != Status.PAUSED:
        raise Conflict("Only a paused path can be resumed.")
    today = run.couple.today()
    paused_days = (today - run.paused_on).days if run.paused_on else 0
    week = run.weeks.filter(status=RunWeek.Status.CURRENT).first()
    if week is not None and paused_days > 0:
        week.started_on += timedelta(days=paused_days)
        week.save(update_fields=["started_on"])
    run.status, run.paused_on = Status.ACTIVE, None
    run.save(update_fields=["status", "paused_on"])
    return run


@transaction.atomic
def leave(run: PathRun, user: User) -> PathRun:
    """Stop a path before its end. Nothing is lost: the reflections stay in your history."""
    run = _locked(run, hidden_ok=True)
    if not run.is_open:
        return run
    if run.status == Status.PROPOSED:
        _end(run, Status.DECLINED)
        return run
    today = run.couple.today()
    run.weeks.filter(status=RunWeek.Status.CURRENT).update(
        status=RunWeek.Status.DONE, ended_on=today
    )
    _end(run, Status.LEFT)
    return run


# --- moving through the weeks ---------------------------------------------------------


def _current(week: RunWeek) -> tuple[PathRun, RunWeek] | None:
    """The locked run and the week afresh, or None when the week has already moved on."""
    run = _locked(week.run)
    week = RunWeek.objects.get(pk=week.pk)
    if week.status != RunWeek.Status.CURRENT or not run.is_open:
        return None
    if run.status == Status.PAUSED:
        raise Conflict("The path is paused. Resume it first.")
    return run, week


def _close(week: RunWeek, status: str, today_: date) -> None:
    week.status, week.ended_on = status, today_
    week.save(update_fields=["status", "ended_on"])


def _advance(run: PathRun, week: RunWeek, user: User, partner: User) -> None:
    total = PathWeek.objects.filter(path_id=run.path_id).count()
    today = run.couple.today()
    if week.number < total:
        number = week.number + 1
        RunWeek.objects.create(couple=run.couple, run=run, number=number, started_on=today)
        return
    _end(run, Status.FINISHED)
    notify(partner, "path_finished", _url(run), key=f"path_finished:{run.pk}", partner=user)


@transaction.atomic
def next_week(week: RunWeek, user: User, partner: User) -> PathRun:
    """Go on once the week's seven days have come round (the last week finishes the path)."""
    found = _current(week)
    if found is None:
        return week.run
    run, week = found
    if run.couple.today() < week.last_day:
        when = f"{week.last_day:%A} {week.last_day.day} {week.last_day:%B}"
        raise Conflict(f"Week {week.number} runs until {when}. You can skip it to move on sooner.")
    _close(week, RunWeek.Status.DONE, run.couple.today())
    _advance(run, week, user, partner)
    return run


@transaction.atomic
def skip_week(week: RunWeek, user: User, partner: User) -> PathRun:
    """Move on now, without guilt: the week is marked skipped."""
    found = _current(week)
    if found is None:
        return week.run
    run, week = found
    _close(week, RunWeek.Status.SKIPPED, run.couple.today())
    _advance(run, week, user, partner)
    return run


@transaction.atomic
def repeat_week(week: RunWeek, user: User) -> PathRun:
    """Take the same week again, from today."""
    found = _current(week)
    if found is None:
        return week.run
    run, week = found
    today = run.couple.today()
    _close(week, RunWeek.Status.REPEATED, today)
    RunWeek.objects.create(
        couple=run.couple, run=run, number=week.number, again=True, started_on=today
    )
    return run


# --- the ten-second reflection ------------------------------------------------------------


def check_reflection(values: dict[str, int], note: str) -> None:
    """Each item a step from 1 to 7 and the note short, or a clear message about the field."""
    low, high = SCALE
    for name in ITEMS:
        value = values.get(name)
        if not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"Choose a step from {low} to {high}.", field=name)
    if len(note) > NOTE_MAX:
        raise Invalid(f"Keep the note to {NOTE_MAX} characters.", field="note")


@transaction.atomic
def reflect(
    week: RunWeek, user: User, partner: User, values: dict[str, int], note: str = ""
) -> Reflection:
    """Save the user's reflection on a week once; it stays sealed until the partner's is in too."""
    note = note.strip()
    check_reflection(values, note)
    run = _locked(week.run)
    week = RunWeek.objects.select_related("run__couple", "run__path").get(pk=week.pk)
    view = selectors.one_week(week, user)
    if week.status == RunWeek.Status.SKIPPED:
        raise Conflict("You skipped this week, so there's nothing to reflect on.")
    if not view.reflection_open:
        when = f"{week.last_day:%A} {week.last_day.day} {week.last_day:%B}"
        raise Conflict(f"The reflection opens on {when}, the week's last day.")
    found = Reflection.objects.filter(week=week, author=user).first()
    if found is not None:
        return found  # once is once: the first reflection stands
    try:
        with transaction.atomic():
            mine = Reflection.objects.create(
                couple=run.couple, week=week, author=user, note=note, **values
            )
    except IntegrityError:  # a double submit: the first one won
        return Reflection.objects.get(week=week, author=user)
    url = reverse("paths:week", args=[week.pk])
    notify(partner, "path_reflected", url, key=f"path_reflected:{mine.pk}", partner=user)
    return mine
