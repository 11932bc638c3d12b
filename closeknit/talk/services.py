"""Writes for Talk: one named function per action, each atomic.

Notifications go through notify(), which is idempotent by key and carries no
content; e-mail and push are sent after commit by the Nudges app. Refusals are
`closeknit.lib.errors` kinds; text, ranges and times follow `closeknit.lib.rules`.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.couples.sealing import is_revealed, settle
from closeknit.lib import rules
from closeknit.lib.authorship import forget
from closeknit.lib.errors import Conflict, Forbidden
from closeknit.nudges.notify import notify
from closeknit.talk import prompts
from closeknit.talk.models import (
    DEPTHS,
    KINDS,
    MAX_TEXT,
    PROMPT_MAX,
    REACTIONS,
    TITLE_MAX,
    Answer,
    BothTrue,
    BothTrueQuestion,
    BothTrueSide,
    DailyQuestion,
    Prompt,
    Reply,
    TalkRating,
    TalkSession,
    TalkSettings,
    TalkTime,
)


def _answers(question: DailyQuestion) -> list[Answer]:
    return list(Answer.objects.filter(question=question))


def _partner_of(couple: Couple, user: User) -> User:
    return (
        User.objects.filter(memberships__couple=couple, memberships__left_at__isnull=True)
        .exclude(pk=user.pk)
        .get()
    )


@transaction.atomic
def answer_question(question: DailyQuestion, author: User, text: str) -> Answer:
    """Save (or edit) the author's answer; an edit after the reveal is settled (sealing.py)."""
    text = rules.text(
        text, field="text", max_length=MAX_TEXT, required="Write a few words, or pass on this one."
    )
    # Lock the question so two partners answering at once are serialised.
    DailyQuestion.objects.select_for_update().filter(pk=question.pk).first()
    answers = _answers(question)
    was_revealed = is_revealed(answers)
    mine = next((a for a in answers if a.author_id == author.pk), None)
    now = timezone.now()
    if mine is None:
        mine = _create_answer(question, author, text)
    else:
        changed = settle(mine, revealed=was_revealed, words=("text", text))
        mine.passed, mine.updated = False, now
        mine.save(update_fields=[*changed, "passed", "updated"])
    partner = _partner_of(question.couple, author)
    url = reverse("talk:question", args=[question.id])
    notify(partner, "daily_answered", url, key=f"daily_answered:{mine.id}", partner=author)
    return mine


def _create_answer(
    question: DailyQuestion, author: User, text: str, passed: bool = False
) -> Answer:
    try:
        with transaction.atomic():
            return Answer.objects.create(
                question=question,
                couple_id=question.couple_id,
                author=author,
                text=text,
                passed=passed,
            )
    except IntegrityError:  # a double submit: the first one won, update it
        answer = Answer.objects.get(question=question, author=author)
        answer.text, answer.passed, answer.updated = text, passed, timezone.now()
        answer.save(update_fields=["text", "passed", "updated"])
        return answer


@transaction.atomic
def pass_question(question: DailyQuestion, author: User) -> Answer:
    """Skip without guilt. It never unseals the partner's answer."""
    mine = Answer.objects.filter(question=question, author=author).first()
    if mine is not None and mine.is_complete:
        raise Conflict("You've answered this one already. You can edit your answer instead.")
    if mine is None:
        return _create_answer(question, author, "", passed=True)
    return mine


@transaction.atomic
def another_prompt(question: DailyQuestion, user: User) -> DailyQuestion:
    """Swap today's prompt, as long as neither has written anything yet."""
    question = DailyQuestion.objects.select_for_update().get(pk=question.pk)
    if question.extra:
        raise Conflict("This question was asked from the library on purpose, so it stays.")
    if Answer.objects.filter(question=question).exists():
        raise Conflict("One of you has started on this question, so it stays for today.")
    prompt, _ = prompts.choose_prompt(question.couple, question.date, exclude=question.prompt)
    question.prompt, question.revisit_of = prompt, None
    question.save(update_fields=["prompt", "revisit_of"])
    return question


def toggle_saved(question: DailyQuestion) -> DailyQuestion:
    question.saved_at = None if question.saved_at else timezone.now()
    question.save(update_fields=["saved_at"])
    return question


@transaction.atomic
def add_reply(question: DailyQuestion, author: User, text: str, kept_feedback: str = "") -> Reply:
    text = rules.text(text, field="text", max_length=MAX_TEXT, required="Your reply is empty.")
    if not is_revealed(_answers(question)):
        raise Conflict("Replies open once you have both answered.")
    reply = Reply.objects.create(
        question=question,
        couple_id=question.couple_id,
        author=author,
        text=text,
        kept_feedback=kept_feedback,
    )
    partner = _partner_of(question.couple, author)
    url = reverse("talk:question", args=[question.id]) + f"#reply-{reply.id}"
    notify(partner, "reply", url, key=f"reply:{reply.id}", partner=author)
    return reply


def _check_recipient(reply: Reply, user: User) -> None:
    if reply.author_id == user.pk:
        raise Forbidden("Reactions and thanks are for your partner's replies.")


def react(reply: Reply, user: User, reaction: str) -> Reply:
    _check_recipient(reply, user)
    rules.choice(
        reaction, dict(REACTIONS), field="reaction", message="Choose one of the reactions."
    )
    reply.reaction = "" if reply.reaction == reaction else reaction
    reply.save(update_fields=["reaction"])
    return reply


@transaction.atomic
def thank(reply: Reply, user: User) -> Reply:
    """ "Thank you for listening", once per reply."""
    _check_recipient(reply, user)
    if reply.thanked_at is None:
        reply.thanked_at = timezone.now()
        reply.save(update_fields=["thanked_at"])
        url = reverse("talk:question", args=[reply.question_id]) + f"#reply-{reply.id}"
        notify(reply.author, "thanks", url, key=f"thanks:{reply.id}", partner=user)
    return reply


def _prompt_fields(text: str, kind: str, depth: str) -> dict[str, str]:
    return {
        "text": rules.text(
            text, field="text", max_length=PROMPT_MAX, required="Write your question."
        ),
        "kind": rules.choice(kind, dict(KINDS), field="kind", message="Choose a kind."),
        "depth": rules.choice(depth, dict(DEPTHS), field="depth", message="Choose a depth."),
    }


def add_prompt(couple: Couple, author: User, text: str, kind: str, depth: str) -> Prompt:
    """A couple's own prompt; it comes before the library's next ones."""
    fields = _prompt_fields(text, kind, depth)
    return Prompt.objects.create(couple=couple, author=author, **fields)


def _own_prompt(prompt: Prompt, user: User) -> None:
    """Only its writer changes a question, and only before it has been asked."""
    if prompt.couple_id is None:
        raise Forbidden("Questions from the library can't be changed, only your own.")
    if prompt.author_id != user.pk:
        raise Forbidden(f"Only {prompt.author or 'its writer'} can change this question.")
    if DailyQuestion.objects.filter(prompt=prompt).exists():
        raise Conflict(
            "This question has been asked already, so it stays as it was, next to your "
            "answers. Add a new one instead."
        )


def edit_prompt(prompt: Prompt, user: User, text: str, kind: str, depth: str) -> Prompt:
    _own_prompt(prompt, user)
    fields = _prompt_fields(text, kind, depth)
    for name, value in fields.items():
        setattr(prompt, name, value)
    prompt.save(update_fields=list(fields))
    return prompt


def delete_prompt(prompt: Prompt, user: User) -> None:
    _own_prompt(prompt, user)
    forget(prompt, user)


EXTRAS_A_DAY = 3  # small and repeated: a few more questions a day, not a quiz


@dataclass
class Asked:
    question: DailyQuestion
    extra: bool  # asked next to the day's question, not as it


@transaction.atomic
def ask_now(couple: Couple, user: User, partner: User, prompt: Prompt) -> Asked:
    """Ask a question of the library (or one's own) now, for both.

    While neither partner has started on today's question, it becomes today's
    question (as "another question" would swap it). Once one of them has
    answered or passed, it is asked as an extra question today, next to the
    day's own, and the partner is told. Asking the same question again the same
    day changes nothing.
    """
    today = prompts.todays_question(couple, user)
    today = DailyQuestion.objects.select_for_update().get(pk=today.pk)
    if today.prompt_id == prompt.pk:
        return Asked(today, extra=False)
    extras = DailyQuestion.objects.filter(couple=couple, date=today.date, extra=True)
    if (already := extras.filter(prompt=prompt).first()) is not None:
        return Asked(already, extra=True)
    if not Answer.objects.filter(question=today).exists():
        today.prompt, today.revisit_of = prompt, None
        today.save(update_fields=["prompt", "revisit_of"])
        return Asked(today, extra=False)
    if extras.count() >= EXTRAS_A_DAY:
        raise Conflict("That's plenty of questions for one day. Keep this one for tomorrow.")
    extra = DailyQuestion.objects.create(couple=couple, date=today.date, prompt=prompt, extra=True)
    url = reverse("talk:question", args=[extra.id])
    notify(partner, "question_asked", url, key=f"question_asked:{extra.id}", partner=user)
    return Asked(extra, extra=True)


def set_depth(couple: Couple, depth: str) -> TalkSettings:
    row, _ = TalkSettings.objects.update_or_create(couple=couple, defaults={"depth": depth})
    return row


# Both true


@transaction.atomic
def start_both_true(couple: Couple, user: User, title: str, text: str = "") -> BothTrue:
    title = rules.text(
        title, field="title", max_length=TITLE_MAX, required="Name the moment in a few words."
    )
    text = rules.text(text, field="text", max_length=MAX_TEXT)
    both = BothTrue.objects.create(couple=couple, started_by=user, title=title)
    if text:
        BothTrueSide.objects.create(both_true=both, couple=couple, author=user, text=text)
    partner = _partner_of(couple, user)
    url = reverse("talk:both_true", args=[both.id])
    notify(partner, "both_true", url, key=f"both_true:{both.id}", partner=user)
    return both


@transaction.atomic
def write_side(both: BothTrue, author: User, text: str) -> BothTrueSide:
    text = rules.text(
        text, field="text", max_length=MAX_TEXT, required="Write what it was like for you."
    )
    # Lock the moment so two partners writing at once are serialised.
    BothTrue.objects.select_for_update().filter(pk=both.pk).first()
    sides = list(BothTrueSide.objects.filter(both_true=both))
    side = next((s for s in sides if s.author_id == author.pk), None)
    if side is None:
        side = BothTrueSide.objects.create(
            both_true=both, couple_id=both.couple_id, author=author, text=text
        )
    else:
        changed = settle(side, revealed=is_revealed(sides), words=("text", text))
        side.updated = timezone.now()
        side.save(update_fields=[*changed, "updated"])
    partner = _partner_of(both.couple, author)
    url = reverse("talk:both_true", args=[both.id])
    notify(partner, "both_true_written", url, key=f"both_true_written:{side.id}", partner=author)
    return side


@transaction.atomic
def ask_about_side(both: BothTrue, author: User, text: str) -> BothTrueQuestion:
    text = rules.text(
        text, field="text", max_length=MAX_TEXT, required="Write your question first."
    )
    if not is_revealed(both.sides.all()):
        raise Conflict("You can ask once you have both written your side.")
    if BothTrueQuestion.objects.filter(both_true=both, author=author).exists():
        raise Conflict("You've asked your one question here. Talk it through together!")
    return BothTrueQuestion.objects.create(
        both_true=both, couple_id=both.couple_id, author=author, text=text
    )


def answer_side_question(question: BothTrueQuestion, user: User, text: str) -> BothTrueQuestion:
    if question.author_id == user.pk:
        raise Forbidden("This question is for your partner to answer.")
    text = rules.text(text, field="text", max_length=MAX_TEXT, required="Your answer is empty.")
    question.answer, question.answered_at = text, timezone.now()
    question.save(update_fields=["answer", "answered_at"])
    return question


# Talk time


@dataclass
class Slot:
    """A weekday and a wall-clock time on the proposer's own clock."""

    weekday: int
    time: datetime.time
    minutes: int


@transaction.atomic
def propose_talk_time(couple: Couple, user: User, slot: Slot) -> TalkTime:
    """A new weekly time, repeating on the proposer's clock; a waiting proposal is replaced."""
    rules.number(slot.weekday, field="weekday", low=0, high=6, message="Choose a day of the week.")
    rules.number(
        slot.minutes, field="minutes", low=10, high=180, message="Talk time is 10 to 180 minutes."
    )
    TalkTime.objects.filter(couple=couple, accepted_at__isnull=True).delete()
    talk_time = TalkTime.objects.create(
        couple=couple,
        proposed_by=user,
        weekday=slot.weekday,
        time=slot.time,
        minutes=slot.minutes,
        timezone=user.timezone,
    )
    partner = _partner_of(couple, user)
    url = reverse("talk:talk_time")
    notify(partner, "talk_time_proposed", url, key=f"talk_time:{talk_time.id}", partner=user)
    return talk_time


@transaction.atomic
def accept_talk_time(talk_time: TalkTime, user: User) -> TalkTime:
    if talk_time.proposed_by_id == user.pk:
        raise Forbidden("Your partner accepts the time you suggested.")
    talk_time.accepted_at = timezone.now()
    talk_time.save(update_fields=["accepted_at"])
    # One weekly appointment at a time: the new one replaces the old.
    TalkTime.objects.filter(couple_id=talk_time.couple_id).exclude(pk=talk_time.pk).delete()
    return talk_time


# Each speaker's timed turn when the two of them leave the minutes to us: a few
# minutes of only listening, or a long turn about a stress from outside.
TURN_MINUTES = {"listening": 3, "stress": 15}


def start_session(
    couple: Couple,
    *,
    kind: str = "listening",
    topic_kind: str = "feelings",
    topic: str = "",
    listen_minutes: int | None = None,
    **fields: object,
) -> TalkSession:
    """A guided talk. Its minutes time every speaker's turn, whatever the kind; an
    empty topic gets a suggested question of the chosen kind, except for escalating
    questions, whose rounds bring their own."""
    topic = rules.text(topic, field="topic", max_length=PROMPT_MAX)
    minutes = TURN_MINUTES.get(kind, 3) if listen_minutes is None else listen_minutes
    rules.number(
        minutes, field="listen_minutes", low=1, high=30, message="Each turn is 1 to 30 minutes."
    )
    if not topic and kind != "escalating":
        topic = _suggested_topic(topic_kind)
    return TalkSession.objects.create(
        couple=couple,
        kind=kind,
        topic_kind=topic_kind,
        topic=topic,
        listen_minutes=minutes,
        **fields,
    )


def _suggested_topic(kind: str) -> str:
    prompt = (
        Prompt.objects.filter(couple__isnull=True, kind=kind, depth="medium").order_by("?").first()
    )
    return prompt.text if prompt else ""


def advance(session: TalkSession, steps: int, note: str = "") -> TalkSession:
    """Move to the next step (or back, with -1), keeping a typed note if any."""
    note = rules.text(note, field="note", max_length=MAX_TEXT)
    if note:
        session.notes.create(couple_id=session.couple_id, step=session.step, text=note)
    session.step = max(0, session.step + steps)
    session.save(update_fields=["step"])
    return session


@transaction.atomic
def rate_session(session: TalkSession, ratings: dict[User, dict[str, int]]) -> TalkSession:
    """Both partners' ratings, entered together on the one device; ends the session."""
    for values in ratings.values():
        for name, value in values.items():
            rules.number(value, field=name, low=1, high=7)
    for rater, values in ratings.items():
        TalkRating.objects.update_or_create(
            session=session, rater=rater, defaults={"couple_id": session.couple_id, **values}
        )
    if session.ended_at is None:
        session.ended_at = timezone.now()
        session.save(update_fields=["ended_at"])
    return session
