"""Test settings: the real settings with fast hashing, local e-mail and no HTTPS redirect."""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from alliance_portal.settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "projects.storage.LocalPrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Serve static files from the app folders, as runserver does: tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Links in e-mails and calendars point where the test client's pages live.
PORTAL_BASE_URL = "http://testserver"
# Tasks run in-process after the commit, as under `make run` (their retries too; an error is
# logged, and tests/conftest.py fails the test); the broker is in memory, for the tests that
# switch eager mode off to look at the queue.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True
# Visitors' pages are rendered afresh (tests/core/test_pagecache.py turns the cache on).
PAGE_CACHE_SECONDS = 0
MEMBER_PAGE_CACHE_SECONDS = 0
# Coordinators act without a second factor here (they sign in with force_login);
# tests/accounts/test_second_factor.py turns the requirement on.
SECOND_FACTOR_REQUIRED = False
