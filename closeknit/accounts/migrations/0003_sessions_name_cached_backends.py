"""Sessions signed in through Django's or allauth's backend name ours now, so nobody is signed out.

A session remembers the backend that signed it in, and Django only accepts
one still listed in AUTHENTICATION_BACKENDS; the listed ones are now the
cached ones in closeknit/accounts/backends.py.
"""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.cache import caches
from django.db import migrations

RENAMED = {
    "django.contrib.auth.backends.ModelBackend": "closeknit.accounts.backends.CachedModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": (
        "closeknit.accounts.backends.CachedAllauthBackend"
    ),
}


def rename(apps, mapping: dict[str, str]) -> None:
    Session = apps.get_model("sessions", "Session")
    for session in Session.objects.iterator():
        store = SessionStore(session.session_key)
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) not in mapping:
            continue
        data[BACKEND_SESSION_KEY] = mapping[data[BACKEND_SESSION_KEY]]
        session.session_data = store.encode(data)
        session.save(update_fields=["session_data"])
        # The cached copy would still name the old backend: the next visit reads the row.
        caches[settings.SESSION_CACHE_ALIAS].delete(store.cache_key)


def forwards(apps, schema_editor):
    rename(apps, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_list_signed_in_sessions"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
