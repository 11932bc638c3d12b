"""Test settings: the real settings with fast hashing and no shared state."""

import os
import tempfile
from pathlib import Path

from closeknit.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_EMAIL_VERIFICATION = "none"
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405

# A file, not shared memory: tests with threads (two partners at once) need
# SQLite's real locking, as in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per test process, so parallel runs never share it.
    _test_db = Path(tempfile.gettempdir()) / f"closeknit-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_test_db)}  # noqa: F405

# pytest-django's live server serves static files through the finders only
# when it sees this exact app name; the production subclass (which merely
# skips source maps) would leave browser tests without CSS or htmx.
INSTALLED_APPS = [
    "django.contrib.staticfiles" if app == "closeknit.lib.apps.StaticFilesConfig" else app
    for app in INSTALLED_APPS  # noqa: F405
]
