"""Revealed means settled, for every sealed kind.

A sealed kind (a model with `is_complete`, read through
closeknit.couples.sealing) either keeps its words as first shared when they are
edited after the reveal (its service writes through `sealing.settle()`, and the
model carries the two fields that rule needs), or it cannot change at all once
complete. A new sealed kind must choose one here.
"""

import importlib
import inspect

from django.apps import apps

# Sealed kinds that never change once complete, and where their service says so.
LOCKED_ONCE_COMPLETE = {
    "assessment.Response": "assessment/services.py save_answers refuses a finished response",
    "paths.Reflection": "paths/services.py reflect keeps the first reflection (once is once)",
}
SETTLED_BY = {
    "talk.Answer": "talk/services.py",
    "talk.BothTrueSide": "talk/services.py",
    "checkin.Checkin": "checkin/services.py",
    "dates.DateRating": "dates/services.py",
}


def sealed_kinds() -> set[str]:
    return {
        model._meta.label
        for model in apps.get_models()
        if isinstance(inspect.getattr_static(model, "is_complete", None), property)
    }


def test_every_sealed_kind_is_settled_or_locked() -> None:
    assert sealed_kinds() == set(LOCKED_ONCE_COMPLETE) | set(SETTLED_BY)


def test_each_settled_kind_keeps_its_first_words() -> None:
    for label, service in SETTLED_BY.items():
        fields = {f.name for f in apps.get_model(label)._meta.get_fields()}
        assert {"edited_after_reveal", "first_shared"} <= fields, label
        app = apps.get_model(label)._meta.app_config.name
        source = inspect.getsource(importlib.import_module(f"{app}.services"))
        assert "settle(" in source, f"{service} should write {label} through sealing.settle()"
