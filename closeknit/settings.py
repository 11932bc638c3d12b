"""Closeknit's one settings module: every knob is an environment variable.

The defaults give a working embedded install (SQLite in WAL mode, e-mail to
the console, a secret key kept in the data directory); production sets
`SITE_URL` to an https address and `DATABASE_URL`, `REDIS_URL` and `EMAIL_URL`.
"""

import secrets
from pathlib import Path
from urllib.parse import urlsplit

import django_stubs_ext
import environ
from csp.constants import NONE, SELF

from closeknit.lib.files import key_lines, made_once, read_tracked

# Django's generic classes (ModelForm[User], ModelAdmin[Delivery]) subscriptable at
# run time, as their type stubs describe them.
django_stubs_ext.monkeypatch()

env = environ.Env()

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env.str("DATA_DIR", default=str(BASE_DIR / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY, else the file SECRET_KEY_FILE names, else one kept in DATA_DIR."""
    key: str = env.str("SECRET_KEY", default="")
    if key:
        return key
    path = Path(env.str("SECRET_KEY_FILE", default=str(DATA_DIR / "secret_key")))
    # Created once, owner-only, so restarts keep sessions valid.
    return made_once(path, lambda: secrets.token_urlsafe(50)).strip()


SECRET_KEY = _secret_key()


ENCRYPTION_KEYS_FILE = Path(
    env.str("ENCRYPTION_KEYS_FILE", default=str(DATA_DIR / "encryption_keys"))
)


ENCRYPTION_KEYS_FROM_FILE = not env.list("ENCRYPTION_KEYS", default=[])


def _encryption_keys() -> list[str]:
    """Fernet keys for intimate text at rest, newest first.

    ENCRYPTION_KEYS (comma-separated), else the file ENCRYPTION_KEYS_FILE (one
    key per line), else a key file generated once in DATA_DIR.
    `closeknit rotate_keys` adds a key and re-encrypts with it; running
    processes read a changed key file again (closeknit/lib/fields.py), so a
    rotation needs no restart.
    """
    if not ENCRYPTION_KEYS_FROM_FILE:
        keys: list[str] = env.list("ENCRYPTION_KEYS")
        return keys
    from cryptography.fernet import Fernet

    made_once(ENCRYPTION_KEYS_FILE, lambda: Fernet.generate_key().decode() + "\n")
    return key_lines(read_tracked(ENCRYPTION_KEYS_FILE))


ENCRYPTION_KEYS = _encryption_keys()
DEBUG = env.bool("DEBUG", default=False)
HOST = env.str("HOST", default="127.0.0.1")
PORT = env.int("PORT", default=8000)


def _default_site_url() -> str:
    """Where this process serves, when SITE_URL does not say (links in e-mails, .ics, invites).

    A wildcard listening address is no address to link to: links then name this machine.
    """
    host = "127.0.0.1" if HOST in ("0.0.0.0", "::", "") else HOST
    return f"http://{f'[{host}]' if ':' in host else host}:{PORT}"


SITE_URL = env.str("SITE_URL", default=_default_site_url()).rstrip("/")
SITE_NAME = "Closeknit"
_site = urlsplit(SITE_URL)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[_site.hostname or "127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=[f"{_site.scheme}://{_site.netloc}"]
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",  # allauth's list of signed-in sessions uses it
    "whitenoise.runserver_nostatic",
    "closeknit.lib.apps.StaticFilesConfig",
    "django_htmx",
    "template_partials",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "django_q",
    "ninja",
    "closeknit.lib",
    "closeknit.accounts",
    "closeknit.couples",
    "closeknit.api",
    "closeknit.coaching",
    "closeknit.talk",
    "closeknit.appreciate",
    "closeknit.checkin",
    "closeknit.support",
    "closeknit.intentions",
    "closeknit.assessment",
    "closeknit.dates",
    "closeknit.rituals",
    "closeknit.fun",
    "closeknit.dreams",
    "closeknit.private",
    "closeknit.paths",
    "closeknit.nudges",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "closeknit.lib.middleware.permissions_policy",
    "allauth.account.middleware.AccountMiddleware",
    "closeknit.accounts.zones.reader_time_zone",
    "closeknit.accounts.devices.track_activity",
    "closeknit.couples.homecache.bump_after_writes",
    "closeknit.lib.once.Once",
    "django_htmx.middleware.HtmxMiddleware",
    "closeknit.lib.middleware.refuse_nul",
    "closeknit.lib.middleware.DatabaseUnavailable",
]

ROOT_URLCONF = "closeknit.urls"
WSGI_APPLICATION = "closeknit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "closeknit" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "closeknit.couples.context_processors.couple",
                "closeknit.lib.navigation.navigation",
                "closeknit.nudges.context_processors.unread",
            ],
            # {% once %} in every POST form (closeknit/lib/once.py).
            "builtins": ["closeknit.lib.templatetags.once"],
        },
    },
]

# Databases: SQLite (WAL, immediate transactions so concurrent writers queue
# instead of failing) unless DATABASE_URL names another.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'closeknit.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (sessions' cache, rate limits): Redis when REDIS_URL is set, else files
# in the data directory so every local process shares the same counters.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "closeknit.lib.cache.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

# Sessions are read on every signed-in request: from the cache (Redis when
# set), kept in the database too so a cache restart signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's, reading the signed-in user's row through the cache.
    "closeknit.accounts.backends.CachedModelBackend",
    "closeknit.accounts.backends.CachedAllauthBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail and password, no usernames.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env.str("EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_SIGNUP_FORM_CLASS = "closeknit.accounts.forms.SignupForm"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Closeknit] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = _site.scheme
ACCOUNT_ADAPTER = "closeknit.accounts.adapter.AccountAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = SITE_NAME
# Passkeys: sign in with one instead of a password, or use one as the second
# factor. Browsers allow WebAuthn on http only for localhost, which is also
# the only plain-http address the demo serves.
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = _site.scheme != "https"

# E-mail: the console unless EMAIL_URL (smtp://user:pass@host:587/?tls=True) is set.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Closeknit <closeknit@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en"
# Stored and computed in UTC; each request is shown and read in its reader's own
# zone (closeknit/accounts/zones.py), each reminder sent on its recipient's clock.
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks here before collectstatic runs
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "closeknit.lib.staticfinders.NodeModulesFinder",  # htmx, Chart.js, Pico from npm
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "closeknit.lib.storage.StaticStorage"
    },
}

# Security. HTTPS settings follow SITE_URL so `check --deploy` is clean in
# production and the plain-http demo still works.
HTTPS = _site.scheme == "https"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024  # no form here needs more than a few pages of text

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

RATELIMIT_VIEW = "closeknit.lib.ratelimit.too_many_requests"

# Background jobs (reminders, e-mail, push) through django-q2: the ORM broker
# needs no extra server; REDIS_URL switches it to Redis for many workers.
Q_CLUSTER = {
    "name": "closeknit",
    "workers": env.int("WORKERS", default=2),
    "timeout": 60,
    "retry": 120,
    "max_attempts": 5,
    "catch_up": False,
    "ack_failures": True,
    "save_limit": 1000,
    "label": "Background jobs",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
SIGNUP_OPEN = env.bool("SIGNUP_OPEN", default=True)
