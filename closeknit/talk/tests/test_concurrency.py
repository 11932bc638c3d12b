"""Both partners answering at the same moment: nothing lost, nothing revealed early."""

import threading

import pytest
from django.db import close_old_connections

from closeknit.accounts.models import User
from closeknit.couples.sealing import visible_entries
from closeknit.talk import prompts, services
from closeknit.talk.models import Answer
from closeknit.test import make_couple


@pytest.mark.django_db(transaction=True)
def test_simultaneous_answers_are_both_kept() -> None:
    ana, ben, couple = make_couple("ana", "ben")
    question = prompts.todays_question(couple)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def answer(user: User, text: str) -> None:
        try:
            barrier.wait()
            services.answer_question(question, user, text)
        except BaseException as exc:
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=answer, args=(u, f"{u} here")) for u in (ana, ben)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    answers = list(Answer.objects.filter(question=question))
    assert sorted(a.text for a in answers) == ["Ana here", "Ben here"]
    theirs = visible_entries(answers, ana.pk)["theirs"]
    assert theirs is not None and theirs.text == "Ben here"


@pytest.mark.django_db(transaction=True)
def test_a_pass_then_an_answer_never_reveals_early() -> None:
    ana, ben, couple = make_couple("cora", "dev")
    question = prompts.todays_question(couple)
    services.answer_question(question, ana, "sealed words")
    services.pass_question(question, ben)
    answers = list(Answer.objects.filter(question=question))
    assert visible_entries(answers, ben.pk)["theirs"] is None
