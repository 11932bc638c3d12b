"""Reads for the assessment. Answers are sealed until both partners finish.

Every read of a partner's response goes through `visible_entries()`; a
partner's unfinished draft is never passed to it, so it can never show.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps

from closeknit.accounts.models import User
from closeknit.assessment import scoring
from closeknit.assessment.content import Catalog
from closeknit.assessment.models import KINDS, TOPICS, Response, Round, next_due
from closeknit.couples.access import for_couple, get_for_couple
from closeknit.couples.models import Couple
from closeknit.couples.sealing import visible_entries

KIND_LABELS = dict(KINDS)
# Short names where a chart has little room; the tables use the full names.
CHART_LABELS = {**KIND_LABELS, "physical": "Physical", "spiritual": "Meaning"}
TOPIC_LABELS = dict(TOPICS)


@dataclass
class RoundView:
    """One round as the viewer may see it."""

    round: Round
    mine: Response | None
    theirs: Response | None  # None until both have finished
    partner_started: bool
    partner_finished: bool

    @property
    def revealed(self) -> bool:
        return self.theirs is not None and self.mine is not None and self.mine.is_complete

    @property
    def i_finished(self) -> bool:
        return self.mine is not None and self.mine.is_complete


def round_view(rnd: Round, responses: list[Response], viewer: User) -> RoundView:
    # Only finished responses (and the viewer's own draft) ever reach the sealed rule.
    shown = [r for r in responses if r.is_complete or r.author_id == viewer.id]
    seen = visible_entries(shown, viewer.id)
    theirs = [r for r in responses if r.author_id != viewer.id]
    return RoundView(
        round=rnd,
        mine=seen["mine"],
        theirs=seen["theirs"],
        partner_started=bool(theirs),
        partner_finished=any(r.is_complete for r in theirs),
    )


def rounds(couple: Couple, viewer: User) -> list[RoundView]:
    """Every round of the couple, oldest first, in two queries."""
    qs = for_couple(Round, couple).prefetch_related("responses").order_by("number")
    return [round_view(r, list(r.responses.all()), viewer) for r in qs]


def round_for(couple: Couple, viewer: User, pk: Any) -> RoundView:
    """One round of the couple's (404 for anyone else's), in two queries."""
    rnd = get_for_couple(Round.objects.prefetch_related("responses"), couple, pk=pk)
    return round_view(rnd, list(rnd.responses.all()), viewer)


def due_on(views: list[RoundView]) -> date | None:
    return next_due(views[-1].round.started_on) if views else None


@dataclass
class KindRow:
    kind: str
    label: str
    mine: scoring.KindScore
    theirs: scoring.KindScore
    now_differs: bool
    ideal_differs: bool


@dataclass
class Skipped:
    """A kind where one of you, or both, preferred not to say for some items."""

    kind: str
    label: str
    mine: int  # items I skipped
    theirs: int
    total: int  # items of the kind
    compared: bool  # both answered at least one, so it has a row in the profiles


def _skipped(view: RoundView, catalog: Catalog, compared: set[str]) -> list[Skipped]:
    assert view.mine is not None and view.theirs is not None
    kinds = catalog.kinds
    mine = scoring.skipped(view.mine.intimacy, kinds)
    theirs = scoring.skipped(view.theirs.intimacy, kinds)
    return [
        Skipped(k, KIND_LABELS[k], mine.get(k, 0), theirs.get(k, 0), len(kinds[k]), k in compared)
        for k in KIND_LABELS
        if k in mine or k in theirs
    ]


@dataclass
class Report:
    view: RoundView
    rows: list[KindRow]
    mine_overall: scoring.KindScore | None
    theirs_overall: scoring.KindScore | None
    gaps: list[dict[str, Any]]
    differences: list[dict[str, Any]]
    responsiveness: dict[str, Any]
    lovemap: list[dict[str, Any]]
    lovemap_totals: tuple[scoring.Accuracy, scoring.Accuracy]
    lovemap_details: list[dict[str, Any]]
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def chart(self, me: str, partner: str) -> dict[str, Any]:
        """Plain numbers for the report's charts (through json_script)."""
        return {
            "names": [me, partner],
            "kinds": [CHART_LABELS[r.kind] for r in self.rows],
            "mine": {
                "now": [r.mine.now for r in self.rows],
                "ideal": [r.mine.ideal for r in self.rows],
            },
            "theirs": {
                "now": [r.theirs.now for r in self.rows],
                "ideal": [r.theirs.ideal for r in self.rows],
            },
            "topics": [t["label"] for t in self.lovemap],
            "lovemap": [
                [t["me_about_them"].correct for t in self.lovemap],
                [t["them_about_me"].correct for t in self.lovemap],
            ],
            "lovemap_max": max((t["me_about_them"].total for t in self.lovemap), default=4),
        }


def report(view: RoundView, catalog: Catalog) -> Report:
    """The couple report for a revealed round (both finished)."""
    assert view.mine is not None and view.theirs is not None
    mine = scoring.kind_scores(view.mine.intimacy, catalog.kinds)
    theirs = scoring.kind_scores(view.theirs.intimacy, catalog.kinds)
    rows = [
        KindRow(
            kind=k,
            label=KIND_LABELS[k],
            mine=mine[k],
            theirs=theirs[k],
            now_differs=scoring.is_difference(mine[k].now, theirs[k].now),
            ideal_differs=scoring.is_difference(mine[k].ideal, theirs[k].ideal),
        )
        for k in KIND_LABELS
        if k in mine and k in theirs
    ]
    gaps: list[dict[str, Any]] = [
        {"kind": g.kind, "label": KIND_LABELS[g.kind], "gap": g}
        for g in scoring.biggest_gaps(mine, theirs)
    ]
    return Report(
        view=view,
        rows=rows,
        mine_overall=scoring.overall(mine),
        theirs_overall=scoring.overall(theirs),
        gaps=gaps,
        differences=[
            {"label": KIND_LABELS[d.kind], "d": d} for d in scoring.differences(mine, theirs)
        ],
        responsiveness=_responsiveness(view),
        lovemap=_lovemap(view, catalog),
        lovemap_totals=_lovemap_totals(view, catalog),
        lovemap_details=_lovemap_details(view, catalog),
        suggestions=suggestions([g["kind"] for g in gaps], catalog),
        skipped=_skipped(view, catalog, {r.kind for r in rows}),
    )


def _responsiveness(view: RoundView) -> dict[str, Any]:
    assert view.mine is not None and view.theirs is not None
    mine = scoring.responsiveness(view.mine.responsiveness)
    theirs = scoring.responsiveness(view.theirs.responsiveness)
    if mine is None or theirs is None:
        return {}
    return {
        "mine": mine,
        "theirs": theirs,
        # What I feel from my partner, next to what they see themselves giving me.
        "to_me_differs": scoring.is_difference(mine.felt, theirs.given),
        "to_them_differs": scoring.is_difference(theirs.felt, mine.given),
    }


def _lovemap(view: RoundView, catalog: Catalog) -> list[dict[str, Any]]:
    assert view.mine is not None and view.theirs is not None
    me_about_them = scoring.lovemap_accuracy(
        view.mine.lovemap, view.theirs.lovemap, catalog.topics
    )
    them_about_me = scoring.lovemap_accuracy(
        view.theirs.lovemap, view.mine.lovemap, catalog.topics
    )
    return [
        {
            "topic": t,
            "label": TOPIC_LABELS[t],
            "me_about_them": me_about_them[t],
            "them_about_me": them_about_me[t],
        }
        for t in TOPIC_LABELS
    ]


def _lovemap_totals(
    view: RoundView, catalog: Catalog
) -> tuple[scoring.Accuracy, scoring.Accuracy]:
    assert view.mine is not None and view.theirs is not None
    topics = catalog.topics
    return (
        scoring.total_accuracy(
            scoring.lovemap_accuracy(view.mine.lovemap, view.theirs.lovemap, topics)
        ),
        scoring.total_accuracy(
            scoring.lovemap_accuracy(view.theirs.lovemap, view.mine.lovemap, topics)
        ),
    )


def _lovemap_details(view: RoundView, catalog: Catalog) -> list[dict[str, Any]]:
    """Question by question: their answer, my guess, and the other way round."""
    assert view.mine is not None and view.theirs is not None
    mine, theirs = view.mine.lovemap, view.theirs.lovemap
    rows = []
    for q in catalog.lovemap:
        if q.key not in mine or q.key not in theirs:
            continue
        rows.append(
            {
                "q": q,
                "topic": TOPIC_LABELS[q.topic],
                "their_answer": q.options[theirs[q.key][0]],
                "my_guess": q.options[mine[q.key][1]],
                "i_knew": mine[q.key][1] == theirs[q.key][0],
                "my_answer": q.options[mine[q.key][0]],
                "their_guess": q.options[theirs[q.key][1]],
                "they_knew": theirs[q.key][1] == mine[q.key][0],
            }
        )
    return rows


def sample_prompts(prompt_kinds: list[str], per_kind: int = 2) -> dict[str, list[str]]:
    """A few library questions per kind from the talk app's prompt library, in one query."""
    try:
        prompt = apps.get_model("talk", "Prompt")
    except LookupError:
        return {}
    found: dict[str, list[str]] = {k: [] for k in prompt_kinds}
    rows = (
        prompt.objects.filter(kind__in=prompt_kinds, key__isnull=False)
        .order_by("key")
        .values_list("kind", "text")
    )
    for kind, text in rows:
        if len(found[kind]) < per_kind:
            found[kind].append(text)
    return found


def suggestions(kinds: list[str], catalog: Catalog) -> list[dict[str, Any]]:
    """For each kind with a big gap: questions to talk about, an exercise and a date."""
    by_kind: dict[str, dict[str, str]] = {k: {} for k in kinds}
    for s in catalog.suggestions:
        if s.kind in by_kind:
            by_kind[s.kind][s.type] = s.text
    prompts = sample_prompts([by_kind[k].get("prompt_kind", "") for k in kinds])
    return [
        {
            "kind": k,
            "label": KIND_LABELS[k],
            "prompt_kind": by_kind[k].get("prompt_kind", ""),
            "prompts": prompts.get(by_kind[k].get("prompt_kind", ""), []),
            "exercise": by_kind[k].get("exercise", ""),
            "date": by_kind[k].get("date", ""),
        }
        for k in kinds
    ]


def history(views: list[RoundView], catalog: Catalog) -> list[dict[str, Any]]:
    """Every revealed round, oldest first: each partner's means per kind and overall."""
    out = []
    kinds = catalog.kinds
    for v in views:
        if not v.revealed:
            continue
        assert v.mine is not None and v.theirs is not None
        mine = scoring.kind_scores(v.mine.intimacy, kinds)
        theirs = scoring.kind_scores(v.theirs.intimacy, kinds)
        out.append(
            {
                "round": v.round,
                "mine": mine,
                "theirs": theirs,
                "mine_overall": scoring.overall(mine),
                "theirs_overall": scoring.overall(theirs),
            }
        )
    return out


def history_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The history turned around: one row per kind, one cell (mine, theirs) per round."""
    return [
        {
            "label": label,
            "cells": [(r["mine"].get(kind), r["theirs"].get(kind)) for r in rows],
        }
        for kind, label in KIND_LABELS.items()
    ]


def history_chart(rows: list[dict[str, Any]], me: str, partner: str) -> dict[str, Any]:
    return {
        "labels": [r["round"].started_on.strftime("%b %Y") for r in rows],
        "names": [me, partner],
        "mine": [r["mine_overall"].now if r["mine_overall"] else None for r in rows],
        "theirs": [r["theirs_overall"].now if r["theirs_overall"] else None for r in rows],
        "mine_ideal": [r["mine_overall"].ideal if r["mine_overall"] else None for r in rows],
        "theirs_ideal": [r["theirs_overall"].ideal if r["theirs_overall"] else None for r in rows],
    }
