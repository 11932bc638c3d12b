"""Sessions signed in before devices were listed get their row, so Settings shows them all."""

from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations
from django.utils import timezone


def list_existing_sessions(apps, schema_editor):
    Session = apps.get_model("sessions", "Session")
    UserSession = apps.get_model("usersessions", "UserSession")
    User = apps.get_model("accounts", "User")
    known = set(UserSession.objects.values_list("session_key", flat=True))
    users = {str(pk) for pk in User.objects.values_list("pk", flat=True)}
    rows = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.session_key in known:
            continue
        user_id = SessionStore().decode(session.session_data).get("_auth_user_id")
        if user_id not in users:
            continue
        rows.append(
            # Where and with what it signed in was not kept then: shown as unknown.
            UserSession(session_key=session.session_key, user_id=user_id, ip="0.0.0.0")
        )
    UserSession.objects.bulk_create(rows)


def forget_nothing(apps, schema_editor):
    """Going back leaves the rows: allauth's own table, dropped with its app if at all."""


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("sessions", "0001_initial"),
        ("usersessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(list_existing_sessions, forget_nothing)]
