"""Deleting an account removes that person's data and leaves the partner's own words intact.

Every model with a link to a person gets a row written by ana and one written
by ben (built from the models' fields, so new features are covered). Ana
deletes her account through the settings page; then nothing of hers is left
in any model, and everything ben wrote is still there, reads the same, and is
in his export.
"""

import json
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.lib import authorship
from closeknit.lib.fields import EncryptedTextField
from closeknit.test import make_couple
from tests.trust import world

pytestmark = pytest.mark.django_db


def is_emptied(obj: models.Model) -> bool:
    """Kept only for another person's words on it: none of its writer's words, no writer."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    author = authorship.author_of(type(obj))
    words = [getattr(fresh, name) for name in authorship.word_fields(type(obj))]
    return (author is None or getattr(fresh, f"{author}_id") is None) and not any(words)


def words_of(obj: models.Model) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in world.text_fields(type(obj))}


def links_to(user_id: Any) -> list[str]:
    """Every row anywhere that still points at a person (by any link to User)."""
    found = []
    for model in world.user_models():
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model is User:
                count = model._default_manager.filter(**{f.attname: user_id}).count()
                if count:
                    found.append(f"{world.label(model)}.{f.name}: {count}")
    return found


@pytest.fixture
def couple_with_history() -> dict[str, Any]:
    ana, ben, couple = make_couple("ana", "ben")
    cora, dev, other = make_couple("cora", "dev")
    built = world.Built(couple, (ana, ben), "zqdel")
    hers = world.build_authored(built, ana, ben)
    his = world.build_authored(built, ben, ana)
    assert not built.failures, built.failures
    theirs = world.build_world(other, (cora, dev), "zqother")
    return {"ana": ana, "ben": ben, "hers": hers, "his": his, "theirs": theirs}


def delete_through_the_page(user: User) -> None:
    client = Client()
    client.force_login(user)
    response = client.post(reverse("delete_account"), {"confirm": "DELETE"})
    assert response.status_code == 302, response.content[:500]
    assert not User.objects.filter(pk=user.pk).exists()


def test_it_removes_everything_she_wrote(couple_with_history: dict[str, Any]) -> None:
    ana, hers = couple_with_history["ana"], couple_with_history["hers"]
    ana_id = ana.pk
    assert len(hers) >= 10
    delete_through_the_page(ana)
    written = {m: obj for m, obj in hers.items() if authorship.author_of(m)}
    left = [
        world.label(m) for m, obj in written.items() if still_there(obj) and not is_emptied(obj)
    ]
    assert not left, f"rows of ana's left with her words after deleting her account: {left}"
    assert not links_to(ana_id), f"rows still linked to ana: {links_to(ana_id)}"


def test_purge_deletes_a_couple_whose_own_prompt_was_asked() -> None:
    """The same finding through the app's own flow: write a prompt, get it as today's question."""
    from closeknit.couples.invites import unpair
    from closeknit.couples.purge import KEEP_ENDED, purge_ended_couples
    from closeknit.talk import prompts, services

    ana, _, couple = make_couple("ana", "ben")
    services.add_prompt(
        couple, ana, "What song takes you back to our first summer?", "fun", "light"
    )
    assert prompts.todays_question(couple).prompt.couple_id == couple.pk
    unpair(ana)
    with time_machine.travel(timezone.now() + KEEP_ENDED + timedelta(days=1)):
        assert purge_ended_couples() == 1


def still_there(obj: models.Model) -> bool:
    return type(obj)._default_manager.filter(pk=obj.pk).exists()


def test_it_keeps_every_word_he_wrote(couple_with_history: dict[str, Any]) -> None:
    ana, his = couple_with_history["ana"], couple_with_history["his"]
    before = {m: words_of(obj) for m, obj in his.items()}
    delete_through_the_page(ana)
    problems = []
    for model, obj in his.items():
        label = world.label(model)
        fresh = model._default_manager.filter(pk=obj.pk).first()
        if fresh is None:
            problems.append(f"{label}: ben's row is gone")
        elif words_of(fresh) != before[model]:
            problems.append(f"{label}: ben's words changed")
    assert not problems, "\n".join(problems)


def export_of(user: User) -> str:
    client = Client()
    client.force_login(user)
    return json.dumps(json.loads(client.post(reverse("export")).content), ensure_ascii=False)


def test_his_export_still_holds_his_words(couple_with_history: dict[str, Any]) -> None:
    """Whatever of his own his export showed before, it still shows after she left."""
    ana, ben, his = (couple_with_history[k] for k in ("ana", "ben", "his"))
    words = [
        (f"{world.label(m)}.{f.name}", getattr(obj, f.name))
        for m, obj in his.items()
        for f in m._meta.concrete_fields
        if isinstance(f, EncryptedTextField)
    ]
    before = export_of(ben)
    shown = [(name, w) for name, w in words if w and w in before]
    assert len(shown) >= 10, "his export shows his words"
    delete_through_the_page(ana)
    after = export_of(ben)
    missing = [name for name, w in shown if w not in after]
    assert not missing, f"ben's words missing from his export after ana left: {missing}"


def test_every_link_to_a_person_says_whose_row_it_is() -> None:
    """A written row's other links to people (the one thanked, the one who took a
    task on) never take it with them: those rows hold someone else's words."""
    problems = []
    for model in world.user_models():
        author = authorship.author_of(model)
        for f in model._meta.concrete_fields:
            if not (f.is_relation and f.related_model is User):
                continue
            on_delete = f.remote_field.on_delete
            if author is not None and f.name != author and on_delete is models.CASCADE:
                problems.append(f"{world.label(model)}.{f.name} would take the writer's row")
    assert not problems, "\n".join(problems)


def test_it_leaves_the_other_couple_alone(couple_with_history: dict[str, Any]) -> None:
    theirs = couple_with_history["theirs"]
    before = world.snapshot()
    delete_through_the_page(couple_with_history["ana"])
    after = world.snapshot()
    for model, objs in theirs.objects.items():
        label = world.label(model)
        assert all(still_there(o) for o in objs), f"{label} of the other couple is gone"
        theirs_before = {r for r in before[label] if any(str(o.pk) in map(str, r) for o in objs)}
        assert theirs_before <= set(after[label]), f"{label} of the other couple changed"
