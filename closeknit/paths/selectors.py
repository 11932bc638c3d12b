"""Reads for Paths. Every partner's reflection passes through visible_entries() here.

Pages, htmx fragments, the API, the home card, reminders and the export all
build on these read models, so a partner's reflection can only appear once
the viewer has reflected on the same week too, and the path that lives
behind "Just us" stays out of sight unless both partners have turned it on.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, overload
from uuid import UUID

from django.db.models import Count, QuerySet
from django.http import Http404
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.couples.access import for_couple, get_for_couple
from closeknit.couples.models import Couple
from closeknit.couples.sealing import is_revealed, visible_entries
from closeknit.dates.models import DateIdea
from closeknit.lib.errors import NotFound
from closeknit.paths.content import PRACTICES
from closeknit.paths.models import Path, PathRun, PathWeek, Reflection, RunWeek
from closeknit.private import selectors as just_us
from closeknit.rituals.models import Ritual
from closeknit.talk.models import KINDS, Prompt

KIND_LABELS = dict(KINDS)
# What a private path is called wherever its own name may not show.
HIDDEN_TITLE = "A path of your own"


# --- the catalogue ----------------------------------------------------------------------


@dataclass
class PathCard:
    key: str
    title: str
    subtitle: str
    summary: str
    weeks: int
    private: bool
    reconnect: bool


def card(path: Path, weeks: int) -> PathCard:
    return PathCard(
        key=path.key,
        title=path.title,
        subtitle=path.subtitle,
        summary=path.summary,
        weeks=weeks,
        private=path.private,
        reconnect=path.reconnect,
    )


def with_week_counts() -> QuerySet[Path]:
    """Every path with `week_count`, in one query, in the paths' own order (a query
    with GROUP BY ignores Meta.ordering: PostgreSQL then returns them in any order)."""
    return Path.objects.annotate(week_count=Count("weeks")).order_by("position")


def visible_paths(couple: Couple) -> list[Path]:
    """The paths this couple may see: the private one only while "Just us" is open for both."""
    paths = with_week_counts()
    if not just_us.is_open(couple):
        paths = paths.filter(private=False)
    return list(paths)


def catalogue(couple: Couple) -> list[PathCard]:
    return [card(p, p.week_count) for p in visible_paths(couple)]  # type: ignore[attr-defined]


def path_for(couple: Couple, key: str) -> Path:
    """One path the couple may see, or NotFound (the private one looks like no path at all)."""
    found = next((p for p in visible_paths(couple) if p.key == key), None)
    if found is None:
        raise NotFound("There's no path by that name.")
    return found


@dataclass
class WeekOutline:
    number: int
    title: str
    source: str


def outline(path: Path) -> list[WeekOutline]:
    return [WeekOutline(w.number, w.title, w.source) for w in path.weeks.order_by("number")]


@dataclass
class PathDetail:
    path: PathCard
    weeks: list[WeekOutline]


def path_detail(path: Path) -> PathDetail:
    weeks = outline(path)
    return PathDetail(card(path, len(weeks)), weeks)


# --- what a week points to in the rest of the app ----------------------------------------


@dataclass
class PracticeRef:
    key: str
    label: str
    url: str
    text: str


@dataclass
class PromptRef:
    text: str
    kind: str
    kind_label: str
    url: str  # more questions of this kind in the library


@dataclass
class IdeaRef:
    kind: str  # "ritual" or "date"
    id: UUID
    title: str
    description: str
    when: str  # a ritual's moment; empty for a date idea
    url: str  # a date idea: plan it; a ritual: the rituals page
    add_url: str  # a ritual: add it to ours (POST); empty for a date idea


def _practice(week: PathWeek) -> PracticeRef:
    found = PRACTICES[week.practice]
    return PracticeRef(week.practice, found.label, reverse(found.url_name), week.practice_text)


def _prompt(prompt: Prompt | None) -> PromptRef | None:
    if prompt is None:
        return None
    url = f"{reverse('talk:library')}?kind={prompt.kind}"
    return PromptRef(prompt.text, prompt.kind, KIND_LABELS.get(prompt.kind, ""), url)


def _idea(key: str, rituals: dict[str, Ritual], ideas: dict[str, DateIdea]) -> IdeaRef | None:
    if ritual := rituals.get(key):
        return IdeaRef(
            kind="ritual",
            id=ritual.pk,
            title=ritual.title,
            description=ritual.description,
            when=ritual.when,
            url=reverse("rituals:index"),
            add_url=reverse("rituals:add", args=[ritual.pk]),
        )
    if idea := ideas.get(key):
        plan = f"{reverse('dates:propose')}?idea={idea.pk}"
        return IdeaRef("date", idea.pk, idea.title, idea.description, "", plan, "")
    return None


@dataclass
class WeekContent:
    number: int
    title: str
    reading: str
    source: str
    practice: PracticeRef
    prompt: PromptRef | None
    idea: IdeaRef | None


def contents(path: Path) -> dict[int, WeekContent]:
    """Every week of a path with its practice, prompt and idea resolved, in four queries."""
    weeks = list(path.weeks.order_by("number"))
    prompts = {p.key: p for p in Prompt.objects.filter(key__in=[w.prompt_key for w in weeks])}
    keys = [w.idea_key for w in weeks]
    rituals = {r.key: r for r in Ritual.objects.filter(key__in=keys)}
    ideas = {i.key: i for i in DateIdea.objects.filter(key__in=keys) if i.key}
    return {
        w.number: WeekContent(
            number=w.number,
            title=w.title,
            reading=w.reading,
            source=w.source,
            practice=_practice(w),
            prompt=_prompt(prompts.get(w.prompt_key)),
            idea=_idea(w.idea_key, rituals, ideas),
        )
        for w in weeks
    }


# --- a couple's runs --------------------------------------------------------------------


def is_hidden(run: PathRun) -> bool:
    """A private path's run while "Just us" is closed: nothing of it may show."""
    return run.path.private and not just_us.is_open(run.couple)


def runs_for(couple: Couple) -> QuerySet[PathRun]:
    return for_couple(PathRun, couple).select_related("path", "couple", "proposed_by")


def open_run(couple: Couple) -> PathRun | None:
    """The couple's one path that is suggested, under way or paused, if any."""
    return runs_for(couple).filter(status__in=PathRun.OPEN).first()


def past_runs(couple: Couple) -> QuerySet[PathRun]:
    return runs_for(couple).exclude(status__in=PathRun.OPEN).order_by("-created")


def run_for(couple: Couple, run_id: Any) -> PathRun:
    """The couple's run, or NotFound for anyone else's (or no one's)."""
    try:
        return get_for_couple(runs_for(couple), couple, pk=run_id)
    except Http404 as exc:
        raise NotFound("There's no such path of yours.") from exc


def week_for(couple: Couple, week_id: Any) -> RunWeek:
    """The couple's week of a path they may see, or NotFound."""
    qs = RunWeek.objects.select_related("run__path", "run__couple")
    try:
        week = get_for_couple(qs, couple, pk=week_id)
    except Http404 as exc:
        raise NotFound("There's no such week of yours.") from exc
    if is_hidden(week.run):
        raise NotFound("There's no such week of yours.")
    return week


def reference_day(run: PathRun) -> date:
    """Where a run's clock stands: today, or the day it was paused (paused days don't count)."""
    if run.status == PathRun.Status.PAUSED and run.paused_on:
        return run.paused_on
    return run.couple.today()


@dataclass
class ReflectionView:
    understood: int
    validated: int
    cared: int
    note: str
    created: datetime

    @property
    def items(self) -> list[tuple[str, int]]:
        return [
            ("Understood", self.understood),
            ("Validated", self.validated),
            ("Cared for", self.cared),
        ]


def _reflection(r: Reflection | None) -> ReflectionView | None:
    if r is None:
        return None
    return ReflectionView(r.understood, r.validated, r.cared, r.note, r.created)


@dataclass
class WeekView:
    """One week of a run as the viewer may see it."""

    id: UUID
    run_id: UUID
    number: int
    total: int
    content: WeekContent | None
    status: str
    status_label: str
    again: bool
    current: bool
    started_on: date
    last_day: date
    ended_on: date | None
    day: int | None  # 1-7 (and on) while it is the current week
    reflection_open: bool
    mine: ReflectionView | None
    theirs: ReflectionView | None  # None while sealed
    partner_reflected: bool  # that they reflected, never how
    revealed: bool
    can_go_on: bool

    @property
    def is_last(self) -> bool:
        return self.number >= self.total

    @property
    def title(self) -> str:
        return self.content.title if self.content else f"Week {self.number}"


def week_view(
    week: RunWeek,
    viewer: User,
    *,
    content: WeekContent | None,
    total: int,
    reflections: Sequence[Reflection] | None = None,
) -> WeekView:
    run = week.run
    entries = list(week.reflections.all() if reflections is None else reflections)
    seen = visible_entries(entries, viewer.pk)
    current = week.status == RunWeek.Status.CURRENT and run.is_open
    day_now = reference_day(run)
    reached = week.ended_on or day_now
    return WeekView(
        id=week.pk,
        run_id=run.pk,
        number=week.number,
        total=total,
        content=content,
        status=week.status,
        status_label=week.get_status_display(),
        again=week.again,
        current=current,
        started_on=week.started_on,
        last_day=week.last_day,
        ended_on=week.ended_on,
        day=(day_now - week.started_on).days + 1 if current else None,
        reflection_open=week.status != RunWeek.Status.SKIPPED and reached >= week.last_day,
        mine=_reflection(seen["mine"]),
        theirs=_reflection(seen["theirs"]),
        partner_reflected=any(e.author_id != viewer.pk for e in entries),
        revealed=is_revealed(entries),
        can_go_on=current and run.status == PathRun.Status.ACTIVE and day_now >= week.last_day,
    )


def one_week(week: RunWeek, viewer: User) -> WeekView:
    run = week.run
    found = contents(run.path)
    return week_view(week, viewer, content=found.get(week.number), total=len(found))


def _weeks(run: PathRun) -> list[RunWeek]:
    return list(run.weeks.prefetch_related("reflections").order_by("started_on", "created"))


def run_weeks(
    run: PathRun, viewer: User, found: dict[int, WeekContent] | None = None
) -> list[WeekView]:
    """Every week of a run so far, oldest first, with reflections as the viewer may see them."""
    found = contents(run.path) if found is None else found
    return [
        week_view(w, viewer, content=found.get(w.number), total=len(found)) for w in _weeks(run)
    ]


@dataclass
class RunView:
    """A couple's run of a path as the viewer may see it."""

    id: UUID
    status: str
    status_label: str
    hidden: bool
    path: PathCard | None  # None while hidden
    proposed_by_me: bool
    proposer: str
    can_accept: bool
    created: datetime
    accepted_at: datetime | None
    paused_on: date | None
    ended_at: datetime | None
    current: WeekView | None
    weeks: list[WeekView] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status in PathRun.OPEN

    def week(self, week_id: UUID) -> WeekView:
        return next(w for w in self.weeks if w.id == week_id)

    @property
    def title(self) -> str:
        return self.path.title if self.path else HIDDEN_TITLE

    @property
    def done_numbers(self) -> int:
        """How many of the path's weeks lie behind you (done or skipped, repeats counted once)."""
        return len({w.number for w in self.weeks if not w.current and w.status != "repeated"})

    @property
    def numbers(self) -> list[dict[str, Any]]:
        """One step per week of the path, for the progress list."""
        total = self.path.weeks if self.path else 0
        at = self.current.number if self.current else None
        by_number: dict[int, WeekView] = {}
        for w in self.weeks:
            by_number[w.number] = w
        return [
            {"number": n, "week": by_number.get(n), "here": n == at} for n in range(1, total + 1)
        ]


def run_view(run: PathRun, viewer: User) -> RunView:
    """The run with every week so far, in a fixed number of queries however many weeks."""
    hidden = is_hidden(run)
    found = {} if hidden else contents(run.path)
    started = not hidden and run.status != PathRun.Status.PROPOSED
    weeks = run_weeks(run, viewer, found) if started else []
    proposer = run.proposed_by
    return RunView(
        id=run.pk,
        status=run.status,
        status_label=run.get_status_display(),
        hidden=hidden,
        path=None if hidden else card(run.path, len(found)),
        proposed_by_me=run.proposed_by_id == viewer.pk,
        proposer=str(proposer) if proposer else "",
        can_accept=run.status == PathRun.Status.PROPOSED
        and run.proposed_by_id != viewer.pk
        and not hidden,
        created=run.created,
        accepted_at=run.accepted_at,
        paused_on=run.paused_on,
        ended_at=run.ended_at,
        current=next((w for w in weeks if w.current), None),
        weeks=weeks,
    )


@dataclass
class RunSummary:
    id: UUID
    title: str
    hidden: bool
    status: str
    status_label: str
    created: datetime
    ended_at: datetime | None


def summary(run: PathRun) -> RunSummary:
    hidden = is_hidden(run)
    return RunSummary(
        id=run.pk,
        title=HIDDEN_TITLE if hidden else run.path.title,
        hidden=hidden,
        status=run.status,
        status_label=run.get_status_display(),
        created=run.created,
        ended_at=run.ended_at,
    )


class Summaries(Sequence[RunSummary]):
    """Run summaries over a queryset, read a slice at a time (for paging)."""

    def __init__(self, runs: QuerySet[PathRun]) -> None:
        self.runs = runs

    def __len__(self) -> int:
        return self.runs.count()

    @overload
    def __getitem__(self, index: int) -> RunSummary: ...
    @overload
    def __getitem__(self, index: slice) -> list[RunSummary]: ...
    def __getitem__(self, index: int | slice) -> RunSummary | list[RunSummary]:
        if isinstance(index, slice):
            return [summary(r) for r in self.runs[index]]
        return summary(self.runs[index])

    def __iter__(self) -> Iterator[RunSummary]:
        return (summary(r) for r in self.runs)


def history(couple: Couple) -> Summaries:
    """Every run of the couple, newest first."""
    return Summaries(runs_for(couple).order_by("-created"))
