"""The couples' assessment for API clients.

Answers are sealed until both partners finish: a round's report is a 409
until then, and a partner's answers are only ever returned inside it.
"""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Status
from ninja.errors import HttpError

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.assessment import content, scoring, selectors, services, steps
from closeknit.assessment.schemas import (
    AnswersIn,
    AnswersOut,
    DifferenceOut,
    GapOut,
    IntimacyItemOut,
    ItemsOut,
    KindOut,
    LovemapQuestionOut,
    ReportOut,
    ReportSuggestionOut,
    ResponsivenessItemOut,
    RoundOut,
    RoundsOut,
    SkippedOut,
    TopicOut,
)

router = Router(tags=["assessment"])


def _status(started: bool, finished: bool) -> str:
    return "finished" if finished else "in_progress" if started else "not_started"


def round_out(v: selectors.RoundView) -> RoundOut:
    return RoundOut(
        id=v.round.id,
        number=v.round.number,
        baseline=v.round.is_baseline,
        started_on=v.round.started_on,
        my_status=_status(v.mine is not None, v.i_finished),
        partner_status=_status(v.partner_started, v.partner_finished),
        revealed=v.revealed,
    )


@router.get("/items", response={200: ItemsOut, 403: ErrorOut})
def list_items(request: HttpRequest) -> ItemsOut:
    """Every item of the assessment, in order."""
    api_couple(request)
    cat = content.catalog()
    return ItemsOut(
        intimacy=[
            IntimacyItemOut(key=i.key, kind=i.kind, text=i.text, sensitive=i.sensitive)
            for i in cat.intimacy
        ],
        responsiveness=[
            ResponsivenessItemOut(key=i.key, to_me=i.to_me, from_me=i.from_me)
            for i in cat.responsiveness
        ],
        lovemap=[
            LovemapQuestionOut(
                key=q.key,
                topic=q.topic,
                about_me=q.about_me,
                about_partner=q.about_partner,
                options=q.options,
            )
            for q in cat.lovemap
        ],
    )


@router.get("/rounds", response={200: RoundsOut, 403: ErrorOut})
def list_rounds(request: HttpRequest) -> RoundsOut:
    couple, _ = api_couple(request)
    views = selectors.rounds(couple, api_user(request))
    return RoundsOut(rounds=[round_out(v) for v in views], next_due=selectors.due_on(views))


@router.post("/rounds", response={201: RoundOut, 403: ErrorOut, 409: ErrorOut})
def start_round(request: HttpRequest) -> Status[RoundOut]:
    """Start the baseline, or this quarter's round once it's due."""
    couple, _ = api_couple(request)
    user = api_user(request)
    try:
        rnd = services.start_round(couple)
    except services.AssessmentError as exc:
        raise HttpError(409, str(exc)) from exc
    services.response_for(rnd, user)
    return Status(201, round_out(selectors.round_for(couple, user, rnd.id)))


def _answers_out(response: object, catalog: content.Catalog) -> AnswersOut:
    return AnswersOut(
        intimacy=getattr(response, "intimacy", {}),
        responsiveness=getattr(response, "responsiveness", {}),
        lovemap=getattr(response, "lovemap", {}),
        finished_at=getattr(response, "finished_at", None),
        missing=[s.title for s in steps.missing(response, catalog)],  # type: ignore[arg-type]
    )


@router.get("/rounds/{round_id}/answers", response={200: AnswersOut, 403: ErrorOut, 404: ErrorOut})
def my_answers(request: HttpRequest, round_id: UUID) -> AnswersOut:
    """Your own answers for a round (a draft until you finish)."""
    couple, _ = api_couple(request)
    view = selectors.round_for(couple, api_user(request), round_id)
    return _answers_out(view.mine, content.catalog())


@router.put(
    "/rounds/{round_id}/answers",
    response={200: AnswersOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def save_answers(request: HttpRequest, round_id: UUID, data: AnswersIn) -> AnswersOut:
    """Save some or all of your answers; they're merged into your draft."""
    couple, _ = api_couple(request)
    user = api_user(request)
    view = selectors.round_for(couple, user, round_id)
    if view.i_finished:
        raise HttpError(409, "You've finished this assessment; your answers are kept as they are.")
    catalog = content.catalog()
    response = services.response_for(view.round, user)
    try:
        for section in services.SECTIONS:
            services.check_answers(section, getattr(data, section), catalog)
        for section in services.SECTIONS:
            if getattr(data, section):
                services.save_answers(response, section, getattr(data, section), catalog)
    except services.AssessmentError as exc:
        raise HttpError(400, str(exc)) from exc
    return _answers_out(response, catalog)


@router.post(
    "/rounds/{round_id}/finish",
    response={200: RoundOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def finish(request: HttpRequest, round_id: UUID) -> RoundOut:
    """Seal your answers. The report opens once you've both finished."""
    couple, partner = api_couple(request)
    user = api_user(request)
    view = selectors.round_for(couple, user, round_id)
    if view.mine is None:
        raise HttpError(400, "Answer the assessment first.")
    try:
        services.finish(view.mine, partner, content.catalog())
    except services.AssessmentError as exc:
        raise HttpError(400, str(exc)) from exc
    return round_out(selectors.round_for(couple, user, round_id))


@router.get(
    "/rounds/{round_id}/report",
    response={200: ReportOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def report(request: HttpRequest, round_id: UUID) -> ReportOut:
    """The couple report: both profiles, gaps, differences, love maps, suggestions."""
    couple, _ = api_couple(request)
    view = selectors.round_for(couple, api_user(request), round_id)
    if not view.revealed or view.theirs is None:
        raise HttpError(409, "The report opens when you've both finished.")
    found = selectors.report(view, content.catalog(with_suggestions=True))
    resp = found.responsiveness
    return ReportOut(
        round=round_out(view),
        noise=scoring.NOISE,
        kinds=[
            KindOut(
                kind=r.kind,
                label=r.label,
                my_now=r.mine.now,
                my_ideal=r.mine.ideal,
                their_now=r.theirs.now,
                their_ideal=r.theirs.ideal,
                now_differs=r.now_differs,
                ideal_differs=r.ideal_differs,
            )
            for r in found.rows
        ],
        biggest_gaps=[
            GapOut(
                kind=g["kind"],
                mine=g["gap"].mine,
                theirs=g["gap"].theirs,
                together=g["gap"].together,
            )
            for g in found.gaps
        ],
        differences=[
            DifferenceOut(
                kind=d["d"].kind, aspect=d["d"].aspect, mine=d["d"].mine, theirs=d["d"].theirs
            )
            for d in found.differences
        ],
        responsiveness={
            "my_felt": resp["mine"].felt,
            "my_given": resp["mine"].given,
            "their_felt": resp["theirs"].felt,
            "their_given": resp["theirs"].given,
        }
        if resp
        else {},
        lovemap=[
            TopicOut(
                topic=t["topic"],
                i_knew=t["me_about_them"].correct,
                they_knew=t["them_about_me"].correct,
                total=t["me_about_them"].total,
            )
            for t in found.lovemap
        ],
        suggestions=[
            ReportSuggestionOut(
                kind=s["kind"], prompts=s["prompts"], exercise=s["exercise"], date=s["date"]
            )
            for s in found.suggestions
        ],
        skipped=[
            SkippedOut(
                kind=s.kind, mine=s.mine, theirs=s.theirs, total=s.total, compared=s.compared
            )
            for s in found.skipped
        ],
        their_answers=AnswersIn(
            intimacy=view.theirs.intimacy,
            responsiveness=view.theirs.responsiveness,
            lovemap=view.theirs.lovemap,
        ),
    )
