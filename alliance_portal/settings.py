"""Settings of the Alliance Portal, read from the environment (see README)."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from botocore.config import Config
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)

# Without SECRET_KEY in production the setting stays empty: Django then refuses anything that
# signs (sessions, CSRF, requests, `check`) with "The SECRET_KEY setting must not be empty",
# while commands that need no key (makemigrations, migrate, compilemessages) still work.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-for-make-run"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "taggit",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "core",
    "languages",
    "alliance_portal",
    "accounts",
    "themes",
    "cities",
    "projects",
    "events",
    "questions",
    "notifications",
    "methods",
    "funding",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above LocaleMiddleware, so that its redirects (/ → /fr/) carry these headers too.
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Signed-out visitors' pages from the cache: above sessions, so a hit costs no query.
    "core.pagecache.VisitorPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Signed-in members' pages from the cache, each for its own session: last, so that the
    # language, the session and the messages are known.
    "core.pagecache.MemberPageCacheMiddleware",
    # Power (staff, coordinators) only with a second factor; after the page cache.
    "alliance_portal.second_factor.SecondFactorMiddleware",
]

ROOT_URLCONF = "alliance_portal.urls"
WSGI_APPLICATION = "alliance_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "alliance_portal.context_processors.portal",
            ],
            # Replaces Django's |date everywhere: the French « 1er » for the first of the month.
            "builtins": ["core.templatetags.dates"],
        },
    },
]

# --- Database, cache, sessions ---------------------------------------------

# Persistent connections: each app server process keeps its connection for CONN_MAX_AGE
# seconds (0: one per request; behind pgbouncer in transaction mode 0 is fine too), checked
# before reuse, so a restarted database costs one failed check, not an error page.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails the request (and /healthz) in seconds, not minutes.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
        # No JIT compilation: the portal's queries read few rows, and compiling a plan whose
        # estimate passes jit_above_cost (a search's text filters) cost 100 ms per page.
        "options": "-c jit=off",
        **DATABASES["default"].get("OPTIONS", {}),
    }
    # pgbouncer in transaction pooling mode cannot keep a server-side cursor between queries.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool(
        "DATABASE_DISABLE_SERVER_SIDE_CURSORS", False
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # People writing at the same moment (eight registering for one event) must queue, not get
    # "database is locked": a deferred transaction that reads, then writes, cannot wait for
    # the lock and fails at once, so every transaction takes the write lock when it begins
    # and waits up to 20 s for it. WAL lets pages read meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "alliance",
            # A Redis that does not answer costs a second, not a hung app server.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Whole pages for signed-out visitors (core/pagecache.py), renewed after any write to these apps
# and at the latest after PAGE_CACHE_SECONDS (0: off; off with DJANGO_DEBUG unless set).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "300"))
# Signed-in members' pages, each kept for its own session (0: off; at most PAGE_CACHE_SECONDS).
MEMBER_PAGE_CACHE_SECONDS = min(
    PAGE_CACHE_SECONDS, int(os.environ.get("MEMBER_PAGE_CACHE_SECONDS", PAGE_CACHE_SECONDS))
)
PAGE_CACHE_APPS = [
    "accounts",
    "cities",
    "events",
    "funding",
    "languages",
    "methods",
    "projects",
    "questions",
    "taggit",
    "themes",
]

# --- Accounts ---------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Signing in takes people where they were going (allauth honours a local ?next=) or home; a new
# account goes on to the profile, to say who they are and ask to join a city.
LOGIN_REDIRECT_URL = "home"
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:profile"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Alliance] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
}
# allauth's rate limits stay on (their defaults); they need a shared cache in production. A wrong
# second-factor code counts against the same "login_failed" limit as a wrong password.

# A second factor (allauth.mfa): an authenticator app with recovery codes, or a security key.
# Required of those who hold power (accounts.second_factor), open to every member.
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", True)

# --- Personal data: how long the portal keeps it ------------------------------------------
# A daily task (alliance_portal.tasks.apply_retention, or cron running `manage.py
# apply_retention`) erases what has outlived its period; the privacy page states each period.
RETENTION_REGISTRATION_NEEDS_DAYS = int(os.environ.get("RETENTION_REGISTRATION_NEEDS_DAYS", "30"))
RETENTION_PENDING_MEMBERSHIP_DAYS = int(os.environ.get("RETENTION_PENDING_MEMBERSHIP_DAYS", "90"))
RETENTION_READ_NOTIFICATIONS_DAYS = int(os.environ.get("RETENTION_READ_NOTIFICATIONS_DAYS", "365"))
RETENTION_UNCONFIRMED_ACCOUNT_DAYS = int(os.environ.get("RETENTION_UNCONFIRMED_ACCOUNT_DAYS", "30"))
RETENTION_PARTNER_SHEET_DAYS = int(os.environ.get("RETENTION_PARTNER_SHEET_DAYS", "7"))
RETENTION_ACTIVITY_LOG_DAYS = int(os.environ.get("RETENTION_ACTIVITY_LOG_DAYS", str(5 * 365)))
# A personal data export (profile → download my data) is kept, and its link valid, this long.
PERSONAL_DATA_EXPORT_DAYS = int(os.environ.get("PERSONAL_DATA_EXPORT_DAYS", "7"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Alliance Portal"
MFA_PASSKEY_LOGIN_ENABLED = False
# Security keys need a secure origin; http://127.0.0.1 of `make run` is one only in DEBUG.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

AVATAR_MAX_BYTES = 5 * 1024 * 1024
PROJECT_IMAGE_MAX_BYTES = 10 * 1024 * 1024
CITY_PHOTO_MAX_BYTES = 10 * 1024 * 1024
PROJECT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("sv", "Svenska")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

# --- Static and media files ---------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Members-only projects' documents and pictures: never served by the web server, only through
# permission-checked views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "projects.storage.LocalPrivateStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# With several app servers, uploads go to S3-compatible object storage (AWS S3, MinIO, Ceph,
# Scaleway, OVH…) through django-storages: AWS_STORAGE_BUCKET_NAME and, outside AWS,
# AWS_S3_ENDPOINT_URL; the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (read by boto3,
# which also finds an instance role). Public media (public projects' pictures, avatars, city
# photos, event covers) are public-read objects at plain addresses, as /media/ is today.
# Members-only pictures and every project document are private objects, in
# AWS_PRIVATE_BUCKET_NAME or else under "private/" in the same bucket, read only through
# addresses signed for AWS_QUERYSTRING_EXPIRE seconds that the permission-checked views hand
# out. Without a bucket: MEDIA_ROOT and PRIVATE_MEDIA_ROOT on this server's disk.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_BUCKET_NAME", "")
AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "300"))
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "file_overwrite": False,
        "client_config": Config(
            # Signature version 4: signed addresses say how long they last (X-Amz-Expires).
            signature_version=os.environ.get("AWS_S3_SIGNATURE_VERSION", "s3v4"),
            s3={"addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None},
            # An object store that does not answer fails the upload (and /healthz) in seconds.
            connect_timeout=5,
            read_timeout=30,
            retries={"max_attempts": 3, "mode": "standard"},
        ),
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # "" where the bucket refuses ACLs (AWS "bucket owner enforced"): then a bucket
            # policy must make its objects, but not the private prefix, readable by all.
            "default_acl": os.environ.get("AWS_DEFAULT_ACL", "public-read") or None,
            "querystring_auth": False,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": AWS_PRIVATE_BUCKET_NAME or AWS_STORAGE_BUCKET_NAME,
            "location": "" if AWS_PRIVATE_BUCKET_NAME else "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": AWS_QUERYSTRING_EXPIRE,
        },
    }


def bucket_origins(bucket: str, custom_domain: str = "") -> list[str]:
    """Where browsers fetch a bucket's files from, for the Content-Security-Policy."""
    if custom_domain:
        return [f"https://{custom_domain}"]
    endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "")
    style = os.environ.get("AWS_S3_ADDRESSING_STYLE", "")
    if not endpoint:
        region = os.environ.get("AWS_S3_REGION_NAME", "")
        hosts = [f"{bucket}.s3.amazonaws.com"] + (
            [f"{bucket}.s3.{region}.amazonaws.com"] if region else []
        )
        return [f"https://{host}" for host in hosts]
    parts = urlsplit(endpoint)
    host = f"{bucket}.{parts.netloc}" if style == "virtual" else parts.netloc
    return [f"{parts.scheme}://{host}"]


# Pictures in object storage: public ones at the public bucket's address, members-only ones
# through a redirect to the private bucket's.
MEDIA_ORIGINS = (
    list(
        dict.fromkeys(
            bucket_origins(AWS_STORAGE_BUCKET_NAME, os.environ.get("AWS_S3_CUSTOM_DOMAIN", ""))
            + bucket_origins(AWS_PRIVATE_BUCKET_NAME or AWS_STORAGE_BUCKET_NAME)
        )
    )
    if AWS_STORAGE_BUCKET_NAME
    else []
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # form fields; files are streamed to disk
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail -----------------------------------------------------------------

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds before a silent mail server counts as down: the delivery task then retries later.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Alliance Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Contact requests through the member directory (cities/directory.py): per sender and day, and
# per sender and day to one same person.
CONTACT_REQUESTS_PER_DAY = int(os.environ.get("CONTACT_REQUESTS_PER_DAY", "5"))
CONTACT_REQUESTS_PER_RECIPIENT_PER_DAY = int(
    os.environ.get("CONTACT_REQUESTS_PER_RECIPIENT_PER_DAY", "1")
)

# --- Background tasks (Celery) ------------------------------------------------

# E-mail leaves the request through tasks queued on commit. With a broker (Redis in production:
# redis://host:6379/0) a `celery worker` runs them; without one they run in-process right after
# the commit, so `make run` needs no worker.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-task leaves it in the queue
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# `celery beat` (or cron running `manage.py send_digests`): the daily and weekly digests that
# are due. Each person's digest is sent at most once per period, so running often is safe.
# And the files kept from project forms sent back with errors, deleted after a day (or cron
# running `manage.py purge_pending_uploads`).
CELERY_BEAT_SCHEDULE = {
    "send-due-digests": {
        "task": "notifications.tasks.send_digests",
        "schedule": crontab(minute=0),
    },
    "purge-pending-uploads": {
        "task": "projects.tasks.purge_pending_uploads",
        "schedule": crontab(minute=30),
    },
    # Hourly: each moderator who chose the daily e-mail of new reports gets it once a day.
    "send-report-digests": {
        "task": "projects.tasks.send_report_digests",
        "schedule": crontab(minute=45),
    },
    "apply-retention": {
        "task": "alliance_portal.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=15),
    },
}

# --- Machine translation -----------------------------------------------------

# The engine that drafts translations of what members write, off the request (a Celery task,
# retried while the engine is away): "" (none: `make run`), "libretranslate" (self-hosted, at
# TRANSLATION_URL) or "deepl" (TRANSLATION_API_KEY; the API's address follows from the key
# unless TRANSLATION_URL is set).
TRANSLATION_BACKEND = os.environ.get("TRANSLATION_BACKEND", "")
TRANSLATION_URL = os.environ.get("TRANSLATION_URL", "")
TRANSLATION_API_KEY = os.environ.get("TRANSLATION_API_KEY", "")
# Seconds before a silent engine counts as down: the task then tries again later.
TRANSLATION_TIMEOUT = float(os.environ.get("TRANSLATION_TIMEOUT", "15"))

# --- Security ---------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The load balancer's health probe may come over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

PORTAL_NAME = _("Alliance Portal")
# The portal's public address, for links in e-mails sent outside a request (digests).
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
